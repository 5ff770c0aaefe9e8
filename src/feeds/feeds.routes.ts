// RSS, Atom and JSON Feed for the site, sections, topics, authors and tags; sitemaps; robots.txt.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { notFound } from '../platform/errors.js'
import { sendPage } from '../platform/http/index.js'
import {
  everyNthArticle, findArticleById, findAuthorBySlug, findSectionBySlug, findTagBySlug, findTopicBySlug,
  listActiveTopics, listArticleSummaries, listAuthors, listSections, listPublishedPages, findOldAddress, type Article, type ArticleFilter, type ArticleSummary,
} from '../content/index.js'
import { absolute, type SiteInfo } from '../ui/index.js'
import { toFeedEntry, type FeedChannel } from './feed-entry.js'
import { atomContentType, renderAtom } from './atom.js'
import { jsonFeedContentType, renderJsonFeed } from './json-feed.js'
import { renderRss, rssContentType } from './rss.js'
import {
  articlesPerSitemap, newsLimit, newsWindowMs, renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlSet,
  xmlContentType, type SitemapUrl,
} from './sitemaps.js'

export interface FeedOptions {
  deps: Deps
  siteInfo: () => Promise<SiteInfo>
}

/** How many of the latest articles a feed carries. */
export const feedSize = 30

/** What one feed URL is about, resolved from its path parameters. */
interface FeedScope {
  title: string
  description: string
  /** The HTML page the feed mirrors, and the base its format paths hang from. */
  htmlPath: string
  feedPath: string
  filter: ArticleFilter
  tags: string[]
}

type Resolve = (site: SiteInfo, params: Record<string, string>) => Promise<FeedScope>

const slugParams = (name: string) => ({
  type: 'object', properties: { [name]: { type: 'string', maxLength: 200 } }, required: [name],
} as const)

const formats = [
  { suffix: '', contentType: rssContentType, render: renderRss },
  { suffix: 'atom/', contentType: atomContentType, render: renderAtom },
  { suffix: 'json/', contentType: jsonFeedContentType, render: renderJsonFeed },
] as const

const lastmodOf = (a: Pick<ArticleSummary, 'publishedAt' | 'updatedAt'>): Date | undefined => {
  const times = [a.publishedAt, a.updatedAt].filter((d): d is Date => d !== null).map((d) => d.getTime())
  return times.length ? new Date(Math.max(...times)) : undefined
}

export async function feedRoutes(app: FastifyInstance, { deps, siteInfo }: FeedOptions) {
  const { db, cache } = deps
  const pub = { access: 'public' } as const
  /** Only what a reader can open right now: published, and not scheduled for later. */
  const visible = (): ArticleFilter => ({ status: 'published', publishedUntil: deps.clock.now() })

  // Feeds -----------------------------------------------------------------------------------------------

  const scopes: { path: string; params?: string; resolve: Resolve }[] = [
    {
      path: '/feed/',
      resolve: async (site) => ({ title: site.name, description: site.description, htmlPath: '/', feedPath: '/feed/', filter: {}, tags: [] }),
    },
    {
      path: '/:section/feed/', params: 'section',
      resolve: async (site, { section: slug }) => {
        const section = await findSectionBySlug(db, slug!)
        if (!section) throw notFound('Section')
        return {
          title: `${section.name} | ${site.name}`, description: section.description || `${section.name}: the latest from ${site.name}.`,
          htmlPath: `/${section.slug}/`, feedPath: `/${section.slug}/feed/`, filter: { sectionId: section.id }, tags: [`section:${section.id}`],
        }
      },
    },
    {
      path: '/topic/:slug/feed/', params: 'slug',
      resolve: async (site, { slug }) => {
        const topic = await findTopicBySlug(db, slug!)
        if (!topic) throw notFound('Topic')
        return {
          title: `${topic.name} | ${site.name}`, description: topic.description || `${topic.name}: the running story from ${site.name}.`,
          htmlPath: `/topic/${topic.slug}/`, feedPath: `/topic/${topic.slug}/feed/`, filter: { topicId: topic.id }, tags: [`topic:${topic.id}`],
        }
      },
    },
    // Author and tag pages advertise feeds too; a link there must not lead to a 404.
    {
      path: '/author/:slug/feed/', params: 'slug',
      resolve: async (site, { slug }) => {
        const author = await findAuthorBySlug(db, slug!)
        if (!author) throw notFound('Author')
        return {
          title: `${author.name} | ${site.name}`, description: `Articles by ${author.name} in ${site.name}.`,
          htmlPath: `/author/${author.slug}/`, feedPath: `/author/${author.slug}/feed/`, filter: { authorId: author.id }, tags: [`author:${author.id}`],
        }
      },
    },
    {
      path: '/tag/:slug/feed/', params: 'slug',
      resolve: async (site, { slug }) => {
        const tag = await findTagBySlug(db, slug!)
        if (!tag) throw notFound('Tag')
        return {
          title: `${tag.name} | ${site.name}`, description: `Articles tagged ${tag.name} in ${site.name}.`,
          htmlPath: `/tag/${tag.slug}/`, feedPath: `/tag/${tag.slug}/feed/`, filter: { tagId: tag.id }, tags: [`tag:${tag.id}`],
        }
      },
    },
  ]

  async function latestArticles(filter: ArticleFilter): Promise<Article[]> {
    const summaries = await listArticleSummaries(db, { ...filter, ...visible() }, feedSize)
    const articles = await Promise.all(summaries.map((s) => findArticleById(db, s.id)))
    return articles.filter((a): a is Article => a !== undefined)
  }

  for (const scope of scopes) {
    for (const format of formats) {
      const schema = scope.params ? { params: slugParams(scope.params) } : {}
      app.get(`${scope.path}${format.suffix}`, { config: pub, schema }, async (req, reply) => {
        const site = await siteInfo()
        const found = await scope.resolve(site, req.params as Record<string, string>).catch(async (err: unknown) => {
          // The feed of a category, tag or author page an import brought from the old site leads to its feed here.
          const to = await findOldAddress(db, req.url)
          if (to) return { moved: to }
          throw err
        })
        if ('moved' in found) return reply.header('cache-control', 'public, max-age=300').redirect(found.moved, 301)
        const entries = (await latestArticles(found.filter)).map((a) => toFeedEntry(site, a))
        const newest = Math.max(0, ...entries.map((e) => e.updated.getTime()))
        const channel: FeedChannel = {
          title: found.title,
          description: found.description,
          homeUrl: absolute(site, found.htmlPath),
          urls: { rss: absolute(site, found.feedPath), atom: absolute(site, `${found.feedPath}atom/`), json: absolute(site, `${found.feedPath}json/`) },
          language: site.language,
          id: absolute(site, `${found.feedPath}atom/`),
          updated: newest ? new Date(newest) : deps.clock.now(),
          siteName: site.name,
          siteUrl: site.url,
          icon: absolute(site, site.logo),
        }
        return sendPage(cache, req, reply, format.render(channel, entries), {
          tags: ['feed', ...found.tags, 'site'], contentType: format.contentType,
        })
      })
    }
  }

  // Sitemaps and robots.txt ----------------------------------------------------------------------------

  const sendXml = (req: FastifyRequest, reply: FastifyReply, xml: string) =>
    sendPage(cache, req, reply, xml, { tags: ['sitemap', 'site'], contentType: xmlContentType, sMaxAge: 300 })

  app.get('/sitemap.xml', { config: pub }, async (req, reply) => {
    const site = await siteInfo()
    const filter = visible()
    // Newest first, so each file's first article carries its latest publication.
    const firsts = await everyNthArticle(db, filter, articlesPerSitemap)
    return sendXml(req, reply, renderSitemapIndex([
      { loc: absolute(site, '/sitemaps/sections.xml'), lastmod: firsts[0] && lastmodOf(firsts[0]) },
      ...firsts.map((first, i) => ({ loc: absolute(site, `/sitemaps/articles-${i + 1}.xml`), lastmod: lastmodOf(first) })),
    ]))
  })

  app.get('/sitemaps/articles-:page.xml', { config: pub, schema: { params: slugParams('page') } }, async (req, reply) => {
    const raw = (req.params as { page: string }).page
    if (!/^[1-9]\d{0,5}$/.test(raw)) throw notFound('Sitemap')
    const site = await siteInfo()
    const articles = await listArticleSummaries(db, visible(), articlesPerSitemap, (Number(raw) - 1) * articlesPerSitemap)
    if (articles.length === 0) throw notFound('Sitemap')
    return sendXml(req, reply, renderUrlSet(articles.map((a) => ({ loc: absolute(site, a.path), lastmod: lastmodOf(a) }))))
  })

  app.get('/sitemaps/sections.xml', { config: pub }, async (req, reply) => {
    const site = await siteInfo()
    const now = deps.clock.now()
    const [sections, topics, authors, newest, pages] = await Promise.all([
      listSections(db), listActiveTopics(db, 10_000), listAuthors(db), listArticleSummaries(db, visible(), 1), listPublishedPages(db),
    ])
    const sectionNewest = await Promise.all(sections.map(async (s) => (await listArticleSummaries(db, { ...visible(), sectionId: s.id }, 1))[0]))
    const urls: SitemapUrl[] = [
      { loc: absolute(site, '/'), lastmod: newest[0] && lastmodOf(newest[0]) },
      ...sections.map((s, i) => ({ loc: absolute(site, `/${s.slug}/`), lastmod: sectionNewest[i] && lastmodOf(sectionNewest[i]) })),
      ...topics.map((t) => {
        const latest = new Date(t.latest)
        return { loc: absolute(site, `/topic/${t.slug}/`), lastmod: Number.isNaN(latest.getTime()) || latest > now ? undefined : latest }
      }),
      ...authors.map((a) => ({ loc: absolute(site, `/author/${a.slug}/`) })),
      ...pages.map((p) => ({ loc: absolute(site, p.path), lastmod: p.modifiedAt })),
    ]
    return sendXml(req, reply, renderUrlSet(urls))
  })

  app.get('/news-sitemap.xml', { config: pub }, async (req, reply) => {
    const site = await siteInfo()
    const now = deps.clock.now()
    const recent = await listArticleSummaries(db, { ...visible(), publishedSince: new Date(now.getTime() - newsWindowMs) }, newsLimit)
    const urls = recent.flatMap((a) => (a.publishedAt ? [{ loc: absolute(site, a.path), title: a.headline, published: a.publishedAt }] : []))
    return sendXml(req, reply, renderNewsSitemap({ name: site.name, language: site.language }, urls))
  })

  app.get('/robots.txt', { config: pub }, async (req, reply) => {
    const site = await siteInfo()
    return sendPage(cache, req, reply, renderRobots(site.url), { tags: ['site'], contentType: 'text/plain; charset=utf-8', sMaxAge: 3600 })
  })
}
