// Feeds, sitemaps and robots.txt.
export { feedRoutes } from './feeds.routes.js'
