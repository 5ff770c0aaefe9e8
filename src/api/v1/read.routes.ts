// The read API's routes: thin handlers over content, comments and search, each with its JSON Schema, each response
// cached and tagged like the page that shows the same thing, so a publish purges both.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.js'
import { notFound, validationError } from '../../platform/errors.js'
import { sendPage } from '../../platform/http/index.js'
import {
  findArticleById, findArticleBySlug, findAuthorBySlug, findSectionBySlug, findTagBySlug, findTopicBySlug, pagePublishedSummaries,
  findPublicPage, listPublicPages, listUsedTerms, listSections, type ArticleSummary, type PublicArticle, type PublicPage,
} from '../../content/index.js'
import { listApprovedComments } from '../../comments/index.js'
import { findSearchResults, matchingArticleIds, maxQueryLength } from '../../search/index.js'
import { articleCursor, commentCursor, searchCursor } from './cursor.js'
import {
  absoluteFrom, articleResource, articleSummaryResource, authorResource, commentResource, sectionResource, tagResource, topicResource,
  type ArticleSummaryResource,
} from './resources.js'
import { articleListQuery, articleRefParams, listOf, oneOf, pageOf, pageQuery, pageSlugParams, searchQuery } from './schemas.js'

/** Every API response may be read by any site's scripts: it is public content, sent without credentials. */
export const corsHeaders = { 'access-control-allow-origin': '*' }

interface ListQuery {
  section?: string; topic?: string; tag?: string; author?: string; updated_since?: string; q?: string; cursor?: string; limit: number
}
interface PageQuery { cursor?: string; limit: number }

const pub = { access: 'public' } as const

/** The schema bounds `limit`, but a validator lets Infinity pass as an integer ("1e309"): checked again here. */
function pageSize(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > 100) {
    throw validationError([{ field: 'limit', message: 'limit must be a whole number from 1 to 100' }])
  }
  return limit
}
const json = 'application/json; charset=utf-8'

export interface ReadRoutesOptions {
  deps: Deps
  /** Extra cache tags for a request's answer (the API key it was given for). */
  tagsOf?: ((req: FastifyRequest) => string[]) | undefined
}

export async function readRoutes(app: FastifyInstance, { deps, tagsOf }: ReadRoutesOptions) {
  const { db, cache } = deps
  const abs = absoluteFrom(deps.config.siteUrl)

  /** Serialized through the route's response schema (nothing outside it is written), then sent like a page. */
  function send(req: FastifyRequest, reply: FastifyReply, data: unknown, tags: string[], sMaxAge?: number) {
    return sendPage(cache, req, reply, reply.serialize(data) as string, { tags: [...tags, 'site', ...(tagsOf?.(req) ?? [])], contentType: json, headers: corsHeaders, sMaxAge })
  }

  // Listed summaries are shared objects, remembered until content changes: so is each one's resource.
  const summaryResources = new WeakMap<ArticleSummary, ArticleSummaryResource>()
  const summaryResource = (a: ArticleSummary) => {
    let resource = summaryResources.get(a)
    if (!resource) summaryResources.set(a, (resource = articleSummaryResource(a, abs)))
    return resource
  }

  const isVisible = (a: PublicArticle, now: Date) => a.status === 'published' && a.publishedAt !== null && a.publishedAt <= now

  /** The public article an id or slug names; a draft, a scheduled one before its time or a withdrawn one is not found. */
  async function visibleArticle(ref: string): Promise<PublicArticle> {
    const now = deps.clock.now()
    let article: PublicArticle | undefined
    if (/^[1-9]\d{0,14}$/.test(ref)) article = await findArticleById(db, Number(ref))
    if (!article || !isVisible(article, now)) article = await findArticleBySlug(db, ref)
    if (!article || !isVisible(article, now)) throw notFound('Article')
    return article
  }

  app.get('/articles', {
    config: pub,
    schema: {
      operationId: 'listArticles', tags: ['Articles'], summary: 'Published articles, newest first',
      description: 'Filter by section, topic, tag, author, `updated_since` and `q`; follow `next_cursor` for older ones. An unknown slug gives an empty page.',
      querystring: articleListQuery, response: pageOf('ArticleSummary', 'A page of articles'),
    },
  }, async (req, reply) => {
    const q = req.query as ListQuery
    q.limit = pageSize(q.limit)
    const now = deps.clock.now()
    const filter: Parameters<typeof pagePublishedSummaries>[1] = { publishedUntil: now, olderThan: q.cursor ? articleCursor.decode(q.cursor) : undefined }
    // Lists show comment counts: every comment change purges 'home', so every list carries it.
    const tags = ['api:articles', 'home']
    const empty = () => send(req, reply, { data: [], next_cursor: null }, tags)
    if (q.updated_since !== undefined) {
      const since = new Date(q.updated_since)
      if (Number.isNaN(since.getTime())) throw validationError([{ field: 'updated_since', message: 'updated_since must be an ISO 8601 date and time' }])
      filter.modifiedSince = since
    }
    if (q.section !== undefined) {
      const section = await findSectionBySlug(db, q.section)
      if (!section) return empty()
      filter.sectionId = section.id
      tags.push(`section:${section.id}`)
    }
    if (q.topic !== undefined) {
      const topic = await findTopicBySlug(db, q.topic)
      if (!topic) return empty()
      filter.topicId = topic.id
      tags.push(`topic:${topic.id}`)
    }
    if (q.tag !== undefined) {
      const tag = await findTagBySlug(db, q.tag)
      if (!tag) return empty()
      filter.tagId = tag.id
      tags.push(`tag:${tag.id}`)
    }
    if (q.author !== undefined) {
      const author = await findAuthorBySlug(db, q.author)
      if (!author) return empty()
      filter.authorId = author.id
      tags.push(`author:${author.id}`)
    }
    const words = q.q?.slice(0, maxQueryLength).trim()
    if (words) {
      const matching = matchingArticleIds(deps.dialect, words)
      if (!matching) return empty()
      filter.idsFrom = matching
    }
    const found = await pagePublishedSummaries(db, filter, q.limit + 1)
    const items = found.slice(0, q.limit)
    const last = items.at(-1)
    const next = found.length > q.limit && last ? articleCursor.encode(last) : null
    return send(req, reply, { data: items.map(summaryResource), next_cursor: next }, tags)
  })

  app.get('/articles/:ref', {
    config: pub,
    schema: {
      operationId: 'getArticle', tags: ['Articles'], summary: 'One published article, by id or slug',
      params: articleRefParams, response: oneOf('Article', 'The article'),
    },
  }, async (req, reply) => {
    const article = await visibleArticle((req.params as { ref: string }).ref)
    const tags = [`article:${article.id}`, `section:${article.section.id}`, ...article.topics.map((t) => `topic:${t.id}`)]
    return send(req, reply, { data: articleResource(article, abs) }, tags)
  })

  app.get('/articles/:ref/comments', {
    config: pub,
    schema: {
      operationId: 'listArticleComments', tags: ['Comments'], summary: 'The approved comments of a published article, oldest first',
      description: 'Flat: each comment names its parent and depth, so a thread can be rebuilt.',
      params: articleRefParams, querystring: pageQuery, response: pageOf('Comment', 'A page of comments'),
    },
  }, async (req, reply) => {
    const article = await visibleArticle((req.params as { ref: string }).ref)
    const q = req.query as PageQuery
    q.limit = pageSize(q.limit)
    const found = await listApprovedComments(db, article.id, { afterId: q.cursor ? commentCursor.decode(q.cursor) : 0, limit: q.limit + 1 })
    const items = found.slice(0, q.limit)
    const next = found.length > q.limit ? commentCursor.encode(items.at(-1)!.id) : null
    return send(req, reply, { data: items.map(commentResource), next_cursor: next }, [`comments:${article.id}`, `article:${article.id}`])
  })

  app.get('/search', {
    config: pub,
    schema: {
      operationId: 'search', tags: ['Search'], summary: 'Published articles matching words, best first',
      querystring: searchQuery, response: pageOf('SearchResult', 'A page of results'),
    },
  }, async (req, reply) => {
    const q = req.query as PageQuery & { q: string }
    q.limit = pageSize(q.limit)
    const offset = q.cursor ? searchCursor.decode(q.cursor) : 0
    const { results, total } = await findSearchResults(deps, { query: q.q.slice(0, maxQueryLength), limit: q.limit, offset, now: deps.clock.now() })
    const next = offset + results.length < total && results.length > 0 ? searchCursor.encode(offset + results.length) : null
    const data = results.map((r) => ({ article: articleSummaryResource(r.article, abs), snippet: r.snippet.replace(/[\u0002\u0003]/g, '') }))
    return send(req, reply, { data, next_cursor: next }, ['search', 'home'], 30)
  })

  const pageResource = (p: PublicPage) => ({
    slug: p.slug, url: abs(p.path), title: p.title, html: p.bodyHtml, description: p.seoDescription, updated_at: p.modifiedAt.toISOString(),
  })
  // Pages change with the taxonomy event the newsroom sends for them, which purges 'site'.
  app.get('/pages', {
    config: pub,
    schema: { operationId: 'listPages', tags: ['Pages'], summary: 'Published pages that are not news, by title', response: listOf('Page', 'Pages') },
  }, async (req, reply) => send(req, reply, { data: (await listPublicPages(db)).map(pageResource) }, ['api:pages']))

  app.get('/pages/:slug', {
    config: pub,
    schema: { operationId: 'getPage', tags: ['Pages'], summary: 'One published page', params: pageSlugParams, response: oneOf('Page', 'The page') },
  }, async (req, reply) => {
    const page = await findPublicPage(db, (req.params as { slug: string }).slug)
    if (!page) throw notFound('Page')
    return send(req, reply, { data: pageResource(page) }, ['api:pages'])
  })

  app.get('/sections', {
    config: pub,
    schema: { operationId: 'listSections', tags: ['Taxonomy'], summary: 'Every section, in the site\'s order', response: listOf('Section', 'Sections') },
  }, async (req, reply) => send(req, reply, { data: (await listSections(db)).map((s) => sectionResource(s, abs)) }, ['api:taxonomy']))

  const terms = [
    { path: '/topics', kind: 'topic', item: 'Topic', summary: 'Running stories with a published article', map: topicResource },
    { path: '/tags', kind: 'tag', item: 'Tag', summary: 'Tags of published articles', map: tagResource },
    { path: '/authors', kind: 'author', item: 'Author', summary: 'Bylines of published articles', map: (a: { slug: string; name: string; description: string }, x: typeof abs) => authorResource({ ...a, bio: a.description }, x) },
  ] as const
  for (const term of terms) {
    app.get(term.path, {
      config: pub,
      schema: { operationId: `list${term.item}s`, tags: ['Taxonomy'], summary: term.summary, response: listOf(term.item, `${term.item}s, by name`) },
    }, async (req, reply) => {
      const rows = await listUsedTerms(db, term.kind, deps.clock.now())
      return send(req, reply, { data: rows.map((r) => term.map(r, abs)) }, ['api:taxonomy', 'home'])
    })
  }
}
