// Shared JSX for every surface: the layout, components, date formats. No data access here.
export * from './layout.js'
export * from './components.js'
export * from './format.js'
export * from './site-info.js'
export { render } from './render.js'
export { htmlTemplate } from './template.js'
