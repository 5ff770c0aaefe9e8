// Page cache and the invalidation bus that keeps every copy of it honest.
export { createPageCache, strongEtag, type PageCache, type CachedPage } from './page-cache.js'
export { createInvalidationBus, type InvalidationBus } from './invalidation.js'
