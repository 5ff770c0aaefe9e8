// Search: full-text search per dialect, and related articles. Other modules import search only from here.
export { searchArticles, matchingArticleIds, type SearchHit, type SearchResults, type SearchInput } from './fulltext.js'
export { createSearchThread, type SearchThread } from './search-thread.js'
export { findSearchResults, type SearchResult, type SearchPageResults, type SearchPageInput } from './search-memo.js'
export { parseQuery, maxQueryLength, type SearchQuery, type Phrase } from './query.js'
export { findRelated, findArticleForPage, type Related } from './related.js'
/**
 * Related news is worked out when content changes: content events queue articles, one keyed job reads their words and
 * stores their picks and their neighbours'. `rebuildRelated` does a whole archive in memory (`dateline related rebuild`).
 * @example registerRelatedJobs(runner, deps); await rebuildRelated(deps, { onProgress })
 */
export { registerRelatedJobs, refreshRelated, drainRelated, repickArticles, relatedJobKind, type RefreshReport } from './related-refresh.js'
export { rebuildRelated, type RebuildProgress } from './related-rebuild.js'
export { listRelatedOverrides, setRelatedOverride, relatedOverrideLimits, type RelatedOverrideView } from './related-overrides.js'
