// Content: articles, sections, topics, tags, authors, corrections; import and demo seed.
export * from './article.js'
export {
  findArticleBySlug, findArticleWithCompanion, type ArticleCompanion, findArticleById, listArticleSummaries, everyNthArticle, countArticles, pageArticleSummaries, summariesByIds, pagePublishedSummaries,
  latestBySection, listCurrentTopics, type ArticleFilter, type Page,
} from './article.store.js'
export {
  listSections, findSectionBySlug, findTopicBySlug, findTagBySlug, findAuthorBySlug, listAuthors, listTopics, listActiveTopics, listUsedTerms,
} from './taxonomy.store.js'
/**
 * Running the site's names (newsroom): list with article counts, create, rename (the old address 301-redirects,
 * articles of a renamed section too), remove (a section only once empty). Each emits `taxonomy.changed` (tags ['site']).
 * @example await renameTerm(deps, staff, 'section', id, { name: 'World', slug: 'world' }) // /international/ → /world/
 */
export { listTerms, findSlugRedirect, recordSlugRedirect, type TaxonomyKind, type Term, type RedirectKind } from './taxonomy.store.js'
export {
  createTerm, renameTerm, removeTerm, getTerm, termPath, taxonomyLabels, taxonomyLimits, type TermInput,
} from './manage-taxonomy.js'
export { withLibraryImage } from './featured-image.js'
export { saveArticle, writeArticle, insertNewArticles, takenSlugs, checkArticleInput, articleLimits, type ArticleInput, type WriteResult, type NameIds, type NewArticle } from './save-article.js'
export { importArticles, toArticleInput, type ImportReport } from './import-articles.js'
export { renderMarkdown, sanitize, htmlToText, toOneLine, excerpt } from './markdown.js'
export { getSettings, saveSettings, findDefaultCardImage, useDefaultCardImage, patchStoredSettings } from './settings.store.js'
export {
  checkSettings, defaultSettings, defaultCommentPolicy, parseList, isTimeZone, settingsLimits, type SiteSettings, type CommentPolicy, type CardImage,
} from './settings.js'
/**
 * The newsroom's use cases. Each takes narrowed deps and the acting staff member, checks the identity rule book
 * (`can`), records audit entries for publish, unpublish, schedule and delete, and emits the domain event.
 * @example
 * const { id } = await createDraft(deps, staff, { ...emptyEditorInput('News'), headline: 'Tram line opens', body: '…' })
 * await scheduleArticle(deps, staff, id, new Date('2026-11-26T06:00:00Z'))   // a job publishes it then
 * registerContentJobs(runner, deps)                                            // once per process
 */
export {
  createDraft, saveDraft, autosaveDraft, restoreRevision, compareRevisions, getEditableArticle, emptyEditorInput, requireRight,
  type Actor, type EditorInput, type SaveResult, type AutosaveResult, type RevisionComparison, type EditableArticle,
} from './edit-article.js'
export {
  publishArticle, scheduleArticle, unscheduleArticle, unpublishArticle, appendCorrection, deleteArticle, publishScheduledArticle,
  registerContentJobs, publishJobKey, publishJobKind, correctionLimits, submitEditor, type EditorAction,
} from './publishing.js'
export { listRevisions, findRevision } from './revision.store.js'
export { diffSnapshots, snapshotFields, type ArticleSnapshot, type Revision, type FieldDiff, type DiffPart } from './revision.js'
export { listEditorialArticles, type EditorialFilter, type EditorialListItem, type ArticleState } from './editorial.store.js'
/**
 * The newsroom dashboard's queues, bounded: a person's drafts, what is scheduled, what was published last.
 * @example const mine = await listDeskArticles(db, { queue: 'drafts', ownerId: staff.id }, 10)
 */
export { listDeskArticles, countDeskArticles, type DeskQueue, type DeskFilter, type DeskItem } from './editorial.store.js'
/**
 * Preview of an unpublished article through a signed link that expires (48 hours): HMAC-SHA256 of the id and expiry.
 * @example const path = previewPath(deps.secret, id, previewExpiry(deps.clock.now())); verifyPreview(deps.secret, id, exp, sig, now)
 */
export { previewPath, previewExpiry, verifyPreview, previewLifetimeMs, type PreviewCheck } from './preview-link.js'
/**
 * Public articles for API surfaces: a filter tree (parsed by the surface from its own query language) compiled to
 * bound SQL; pages of ids with their total; whole articles by id; names with their counts of public articles.
 * @example const { ids, total } = await queryPublicArticleIds(db, { filter, order: [{ field: 'published_at', direction: 'desc' }], limit: 15, offset: 0, now })
 *          const articles = await publicArticlesByIds(db, ids, now)
 */
export {
  checkArticleFilter, fieldOps, orderFields, isTextMatchOp, likePattern, textMatches, textMatchOps, type TextMatchOp,
  type ArticleFilterNode, type FilterField, type FilterOp, type FilterValue, type OrderField,
  type ArticleOrder, type PublicArticleQuery,
} from './article-query.js'
export { queryPublicArticleIds, publicArticlesByIds, listPublicTerms, type ApiArticle, type PublicTerm, type TermKind } from './article-query.store.js'
/**
 * Pages that are not news (About, Contact…): served at `/<slug>/`, never on a section's address (nor the reverse),
 * listed in the footer when marked so. Old addresses from an import answer 301 through `findOldAddress`.
 * @example await savePage(deps, staff, { title: 'About us', body: 'Who we are.', status: 'published', inFooter: true })
 */
export { checkPageInput, pagePath, pageLimits, pageStatuses, type EditablePage, type PublicPage, type PageInput, type PageStatus, type FooterLink } from './page.js'
export { findPublicPage, findPageById, listPages, listFooterPages, listPublicPages, listPublishedPages } from './page.store.js'
export { savePage, writePage, getPage } from './save-page.js'
export { oldAddressKey, recordOldAddress, recordOldAddresses, findOldAddress } from './old-address.js'
