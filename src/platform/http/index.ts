// HTTP plumbing shared by every surface: errors, access declarations, pages and their caching, paging.
export * from './errors.js'
export * from './access.js'
export * from './pages.js'
export * from './paging.js'
export * from './multipart.js'
