// The reader site surface.
export { siteRoutes, type SiteOptions } from './site.routes.js'
export { createSiteContext, type SiteContext } from './site-context.js'
export { loadAssets, type Assets } from './assets.js'
