// Content: articles, sections, topics, tags, authors, corrections; import and demo seed.
export * from './article.js'
export {
  findArticleBySlug, findArticleById, listArticleSummaries, countArticles, pageArticleSummaries, summariesByIds,
  type ArticleFilter, type Page,
} from './article.store.js'
export {
  listSections, findSectionBySlug, findTopicBySlug, findTagBySlug, findAuthorBySlug, listAuthors, listTopics, listActiveTopics,
} from './taxonomy.store.js'
export { saveArticle, writeArticle, checkArticleInput, articleLimits, type ArticleInput, type WriteResult } from './save-article.js'
export { importArticles, toArticleInput, type ImportReport } from './import-articles.js'
export { renderMarkdown, sanitize, htmlToText, toOneLine, excerpt } from './markdown.js'
