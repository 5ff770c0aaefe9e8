// Search: full-text search per dialect, and related articles.
export { searchArticles, queryTerms, maxQueryLength, type SearchHit, type SearchResults } from './fulltext.js'
export { findRelated, type Related } from './related.js'
