// Reader pages: home, sections, topics, authors, tags, articles, search. Thin handlers over content and search.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { contentVersion } from '../platform/db/index.js'
import { DomainError, notFound } from '../platform/errors.js'
import { isFresh, pageNumber, paging, sendPage } from '../platform/http/index.js'
import {
  findArticleBySlug, findAuthorBySlug, findSectionBySlug, findTagBySlug, findTopicBySlug, latestBySection, listCurrentTopics,
  listArticleSummaries, pageArticleSummaries, excerpt, findSlugRedirect, termPath, htmlToText, findPublicPage, findOldAddress, pagePath,
  type PublicArticle, type ArticleFilter, type TaxonomyKind,
} from '../content/index.js'
import { findArticleForPage, findRelated, findSearchResults, maxQueryLength } from '../search/index.js'
import { render } from '../ui/index.js'
import { ArticlePage } from './article.page.js'
import { splitForAlsoRead } from './body.js'
import { HomePage } from './home.page.js'
import { ListPage, type ListView } from './list.page.js'
import { SearchPage } from './search.page.js'
import { PagePage } from './page.page.js'
import { breadcrumbLd, newsArticleLd } from './structured-data.js'
import type { SiteContext } from './site-context.js'
import type { Assets } from './assets.js'
import { createMediaStore, findMediaByStems, isMediaName, mediaTypeOf } from '../media/index.js'
import { libraryImageStems, withResponsiveImages } from './body-images.js'
import { previewRoutes } from './preview.routes.js'

export interface SiteOptions {
  deps: Deps
  context: SiteContext
  assets: Assets
  /** Renders the comments block under an article; supplied by the comments surface. */
  renderComments?: ((req: FastifyRequest, article: PublicArticle) => Promise<preact.ComponentChildren>) | undefined
}

const pageSize = 20
const slugParam = { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } }, required: ['slug'] } as const
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 6 } } } as const

export async function siteRoutes(app: FastifyInstance, { deps, context, assets, renderComments }: SiteOptions) {
  const { db, cache } = deps
  const publishedNow = (): ArticleFilter => ({ status: 'published', publishedUntil: deps.clock.now() })
  const pub = { access: 'public' } as const
  await app.register(previewRoutes, { deps, context })

  app.get('/assets/:name', { config: pub }, async (req, reply) => {
    const name = (req.params as { name: string }).name
    const asset = assets.get(name)
    if (!asset) throw notFound('File')
    const immutable = name !== assets.path(name).slice('/assets/'.length)
    return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300')
      .header('etag', asset.etag).type(asset.type).send(asset.body)
  })

  // Only files the server wrote live in the store (uploads are re-encoded under random names), and names are
  // checked against the server's own pattern, so nothing an uploader sent can be served from here.
  const media = createMediaStore(deps.config)
  app.get('/media/:name', { config: pub, schema: { params: { type: 'object', properties: { name: { type: 'string', maxLength: 130 } } } } }, async (req, reply) => {
    const name = (req.params as { name: string }).name
    // A store that fails (an object store down or slow) is a 503 the reader can retry, never a 500.
    const file = isMediaName(name)
      ? await media.stream(name).catch((cause: unknown) => { throw new DomainError('UNAVAILABLE', 'The picture cannot be fetched just now', [], { cause }) })
      : undefined
    if (!file) throw notFound('File')
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('x-content-type-options', 'nosniff')
      .header('etag', file.etag).type(mediaTypeOf(name))
    if (isFresh(req.headers['if-none-match'], file.etag)) {
      file.body.destroy()
      return reply.code(304).send()
    }
    return reply.header('content-length', file.bytes).send(file.body)
  })

  app.get('/', { config: pub }, async (req, reply) => {
    // `/?p=12` and `/?page_id=7` are how WordPress names a post whatever its permalinks: an import left where it went.
    const query = req.query as { p?: unknown; page_id?: unknown }
    if (query.p !== undefined || query.page_id !== undefined) {
      const moved = await oldAddress(req, reply)
      if (moved) return moved
    }
    const site = await context.siteInfo()
    const sections = await context.sections()
    const latestAll = await listArticleSummaries(db, publishedNow(), 24)
    const withImage = latestAll.find((a) => a.image) ?? latestAll[0]
    const lead = withImage
    const rest = latestAll.filter((a) => a !== lead)
    const top = rest.slice(0, 4)
    const latest = rest.slice(4, 14)
    const shown = [lead, ...top].filter((a) => a !== undefined).map((a) => a.id)
    const now = deps.clock.now()
    const [bySection, topics] = await Promise.all([
      latestBySection(db, { sectionIds: sections.map((s) => s.id), perSection: 4, excludeIds: shown, now }),
      listCurrentTopics(db, { limit: 8, now }),
    ])
    const blocks = sections.map((section) => ({ section, articles: bySection.get(section.id) ?? [] }))
    const html = render(HomePage({
      site, lead, top, latest, sections: blocks, topics,
      head: { title: site.name, canonical: '/', description: site.description, jsonLd: [{
        '@context': 'https://schema.org', '@type': 'WebSite', name: site.name, url: `${site.url}/`,
        potentialAction: { '@type': 'SearchAction', target: `${site.url}/search?q={query}`, 'query-input': 'required name=query' },
      }] },
    }))
    return sendPage(cache, req, reply, html, { tags: ['home', 'site'] })
  })

  app.get('/search', { config: pub, schema: { querystring: { type: 'object', properties: { page: { type: 'string', maxLength: 6 } } } } }, async (req, reply) => {
    // Any q is accepted (repeated, overlong, odd characters): a search box must answer, never refuse.
    const rawQuery = (req.query as { q?: unknown }).q
    const firstQuery = Array.isArray(rawQuery) ? rawQuery[0] : rawQuery
    const query = (typeof firstQuery === 'string' ? firstQuery : '').slice(0, maxQueryLength).trim()
    const page = pageNumber((req.query as { page?: string }).page)
    const site = await context.siteInfo()
    const { results, total, more } = query
      ? await findSearchResults(deps, { query, limit: pageSize, offset: (page - 1) * pageSize, now: deps.clock.now() })
      : { results: [], total: 0, more: false }
    const { pages } = paging(page, pageSize, total)
    const html = render(SearchPage({
      site, query, results, total, more: more === true, page, pages, pageSize,
      head: { title: query ? `Search: ${query}` : 'Search', noindex: true, canonical: '/search' },
    }))
    return sendPage(cache, req, reply, html, { tags: ['search', 'site'], sMaxAge: 30 })
  })

  async function sendList(req: FastifyRequest, reply: FastifyReply, view: Omit<ListView, 'site' | 'head' | 'articles' | 'page' | 'pages'>, filter: ArticleFilter, tags: string[]) {
    const page = pageNumber((req.query as { page?: string }).page)
    const site = await context.siteInfo()
    const { items, total } = await pageArticleSummaries(db, { ...publishedNow(), ...filter }, pageSize, (page - 1) * pageSize)
    const { pages } = paging(page, pageSize, total)
    if (page > pages) throw notFound('Page')
    const canonical = page === 1 ? view.basePath : `${view.basePath}?page=${page}`
    const html = render(ListPage({
      ...view, site, articles: items, page, pages,
      head: {
        title: page === 1 ? view.title : `${view.title}, page ${page}`,
        description: view.description || `${view.title}: the latest from ${site.name}.`,
        canonical,
        feeds: [
          { title: `${view.title} (RSS)`, href: view.feedPath },
          { title: `${view.title} (Atom)`, href: `${view.feedPath}atom/`, type: 'application/atom+xml' },
          { title: `${view.title} (JSON Feed)`, href: `${view.feedPath}json/`, type: 'application/feed+json' },
        ],
        jsonLd: [breadcrumbLd(site, [{ name: 'Home', path: '/' }, { name: view.title, path: view.basePath }])],
      },
    }))
    return sendPage(cache, req, reply, html, { tags: [...tags, 'site'] })
  }

  /**
   * A renamed section, topic, tag or author answers at its old address with a 301 to the new one (query kept).
   * Browsers may keep a 301 forever, and a name can be renamed back, so the redirect is cached only briefly.
   */
  async function movedOrNotFound(req: FastifyRequest, reply: FastifyReply, kind: TaxonomyKind, slug: string, what: string) {
    const to = await findSlugRedirect(db, kind, slug)
    if (!to) return (await oldAddress(req, reply)) ?? Promise.reject(notFound(what))
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''
    return reply.header('cache-control', 'public, max-age=300').redirect(`${termPath(kind, to)}${query}`, 301)
  }

  /** An address an import brought from the old site (any permalink shape) answers 301 to where the item lives now. */
  async function oldAddress(req: FastifyRequest, reply: FastifyReply) {
    const to = await findOldAddress(db, req.url)
    return to ? reply.header('cache-control', 'public, max-age=300').redirect(to, 301) : undefined
  }

  /** A page (About, Contact) lives at the top level beside the sections; a renamed page's old slug redirects. */
  async function sendPageOrMoved(req: FastifyRequest, reply: FastifyReply, slug: string) {
    const page = await findPublicPage(db, slug)
    if (!page) {
      const to = await findSlugRedirect(db, 'page', slug)
      if (to) return reply.header('cache-control', 'public, max-age=300').redirect(pagePath(to), 301)
      return undefined
    }
    const site = await context.siteInfo()
    const html = render(PagePage({
      site, page,
      head: { title: page.title, canonical: page.path, description: page.seoDescription || excerpt(htmlToText(page.bodyHtml), 200) },
    }))
    return sendPage(cache, req, reply, html, { tags: [`page:${page.id}`, 'site'] })
  }

  app.get('/topic/:slug/', { config: pub, schema: { params: slugParam, querystring: pageQuery } }, async (req, reply) => {
    const topic = await findTopicBySlug(db, (req.params as { slug: string }).slug)
    if (!topic) return movedOrNotFound(req, reply, 'topic', (req.params as { slug: string }).slug, 'Topic')
    const base = `/topic/${topic.slug}/`
    return sendList(req, reply, { kind: 'topic', title: topic.name, description: topic.description, basePath: base, feedPath: `${base}feed/` }, { topicId: topic.id }, [`topic:${topic.id}`])
  })

  app.get('/author/:slug/', { config: pub, schema: { params: slugParam, querystring: pageQuery } }, async (req, reply) => {
    const author = await findAuthorBySlug(db, (req.params as { slug: string }).slug)
    if (!author) return movedOrNotFound(req, reply, 'author', (req.params as { slug: string }).slug, 'Author')
    const base = `/author/${author.slug}/`
    return sendList(req, reply, { kind: 'author', title: author.name, description: author.bio, basePath: base, feedPath: `${base}feed/` }, { authorId: author.id }, [`author:${author.id}`])
  })

  app.get('/tag/:slug/', { config: pub, schema: { params: slugParam, querystring: pageQuery } }, async (req, reply) => {
    const tag = await findTagBySlug(db, (req.params as { slug: string }).slug)
    if (!tag) return movedOrNotFound(req, reply, 'tag', (req.params as { slug: string }).slug, 'Tag')
    const base = `/tag/${tag.slug}/`
    return sendList(req, reply, { kind: 'tag', title: tag.name, description: '', basePath: base, feedPath: `${base}feed/` }, { tagId: tag.id }, [`tag:${tag.id}`])
  })

  app.get('/:section/', { config: pub, schema: { params: { type: 'object', properties: { section: { type: 'string', maxLength: 200 } } }, querystring: pageQuery } }, async (req, reply) => {
    const section = await findSectionBySlug(db, (req.params as { section: string }).section)
    if (!section) {
      const slug = (req.params as { section: string }).section
      return (await sendPageOrMoved(req, reply, slug)) ?? movedOrNotFound(req, reply, 'section', slug, 'Page')
    }
    const base = `/${section.slug}/`
    return sendList(req, reply, { kind: 'section', title: section.name, description: section.description, basePath: base, feedPath: `${base}feed/`, current: section.slug }, { sectionId: section.id }, [`section:${section.id}`])
  })

  app.get('/:section/:slug/', { config: pub, schema: { params: { type: 'object', properties: { section: { type: 'string', maxLength: 200 }, slug: { type: 'string', maxLength: 200 } } } } }, async (req, reply) => {
    const { section, slug } = req.params as { section: string; slug: string }
    // Read once for the whole page: the article's memo and the related news' memo both check it (on PostgreSQL, a round trip).
    const version = await contentVersion(db)
    // The article comes with its stored related picks: one statement for both.
    const found = await findArticleForPage(db, slug, version)
    // An article whose slug changed after publication is found under its new slug, then redirected to below.
    const renamed = found ? undefined : await findSlugRedirect(db, 'article', slug)
    const article = found?.article ?? (renamed ? await findArticleBySlug(db, renamed, version) : undefined)
    const visible = article && article.status === 'published' && (!article.publishedAt || article.publishedAt <= deps.clock.now())
    if (!article || (!visible && article.status !== 'unpublished')) return (await oldAddress(req, reply)) ?? Promise.reject(notFound('Article'))
    if (article.status === 'unpublished') throw new DomainError('GONE', 'This article has been withdrawn by the newsroom.')
    if (article.section.slug !== section || renamed) return reply.header('cache-control', 'public, max-age=300').redirect(article.path, 301)
    const site = await context.siteInfo()
    const picked = await findRelated(deps, article, { version, stored: found?.stored })
    // A body too short to hold the inline link still shows its pick, first among the related news.
    const alsoRead = picked.alsoRead && splitForAlsoRead(article.bodyHtml) ? picked.alsoRead : undefined
    const related = picked.alsoRead && !alsoRead ? [picked.alsoRead, ...picked.related] : picked.related
    const comments = renderComments ? await renderComments(req, article) : undefined
    const description = article.seoDescription || article.standfirst || excerpt(htmlToText(article.bodyHtml), 200)
    // Pictures from the media library in the body get the same responsive variants as the featured image.
    const bodyMedia = await findMediaByStems(db, libraryImageStems(article.bodyHtml))
    const bodyHtml = withResponsiveImages(article.bodyHtml, bodyMedia, '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)')
    const html = render(ArticlePage({
      site, article: { ...article, bodyHtml }, alsoRead, related: related.filter((r) => r.id !== alsoRead?.id).slice(0, 6), comments,
      // Linked inline already, it is not named again as earlier coverage.
      earlier: picked.earlier?.id === alsoRead?.id ? undefined : picked.earlier,
      head: {
        title: article.seoTitle || article.headline,
        description,
        canonical: article.path,
        og: { type: 'article', image: article.image?.url, imageAlt: article.image?.alt, imageWidth: article.image?.width, imageHeight: article.image?.height },
        meta: [
          ...(article.publishedAt ? [{ property: 'article:published_time', content: article.publishedAt.toISOString() }] : []),
          ...(article.updatedAt ? [{ property: 'article:modified_time', content: article.updatedAt.toISOString() }] : []),
          { property: 'article:section', content: article.section.name },
          ...article.tags.map((t) => ({ property: 'article:tag', content: t.name })),
        ],
        jsonLd: [
          newsArticleLd(site, article),
          breadcrumbLd(site, [{ name: 'Home', path: '/' }, { name: article.section.name, path: `/${article.section.slug}/` }, { name: article.headline, path: article.path }]),
        ],
      },
    }))
    const tags = [`article:${article.id}`, `section:${article.section.id}`, ...article.topics.map((t) => `topic:${t.id}`), 'site']
    return sendPage(cache, req, reply, html, { tags })
  })

  // Any other address may be one an import brought from the old site (`/2019/04/storm/`, `/category/x/feed/`).
  app.get('/*', { config: pub }, async (req, reply) => (await oldAddress(req, reply)) ?? Promise.reject(notFound('Page')))
}
