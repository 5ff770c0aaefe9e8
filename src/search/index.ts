// Search: full-text search per dialect, and related articles. Other modules import search only from here.
export { searchArticles, matchingArticleIds, type SearchHit, type SearchResults, type SearchInput } from './fulltext.js'
export { findSearchResults, type SearchResult, type SearchPageResults, type SearchPageInput } from './search-memo.js'
export { parseQuery, maxQueryLength, type SearchQuery, type Phrase } from './query.js'
export { findRelated, type Related } from './related.js'
