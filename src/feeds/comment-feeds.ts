// Comment feeds (RSS 2.0), approved comments only: the site's at /comments/feed/, one article's at <article>/comments/feed/.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { notFound } from '../platform/errors.js'
import { sendPage } from '../platform/http/index.js'
import { findArticleBySlug, htmlToText, excerpt } from '../content/index.js'
import { listRecentApproved } from '../comments/index.js'
import type { SiteInfo } from '../ui/index.js'
import type { FeedChannel, FeedEntry } from './feed-entry.js'
import { renderRss, rssContentType } from './rss.js'
import { tagUri } from './feed-entry.js'

export interface CommentFeedOptions {
  deps: Deps
  siteInfo: () => Promise<SiteInfo>
}

const feedSize = 50

type Item = Awaited<ReturnType<typeof listRecentApproved>>[number]

function entry(site: SiteInfo, { comment, article }: Item): FeedEntry {
  const text = htmlToText(comment.bodyHtml)
  return {
    id: tagUri(site, comment.createdAt.getUTCFullYear(), `comment:${comment.id}`),
    url: `${site.url}${article.path}#comment-${comment.id}`,
    title: `${comment.authorName} on “${article.headline}”`,
    published: comment.createdAt,
    updated: comment.createdAt,
    // A name only: RSS's <author> element would want an email, which a comment feed never carries.
    authors: [{ name: comment.authorName, url: '' }],
    categories: [],
    summary: excerpt(text, 300),
    contentHtml: comment.bodyHtml,
    contentText: text,
    image: undefined,
  }
}

function channel(site: SiteInfo, title: string, description: string, homePath: string, feedPath: string, items: Item[]): FeedChannel {
  const url = `${site.url}${feedPath}`
  return {
    title, description, homeUrl: `${site.url}${homePath}`, urls: { rss: url, atom: url, json: url }, language: site.language,
    id: url, updated: items[0]?.comment.createdAt ?? site.now, siteName: site.name, siteUrl: site.url, icon: `${site.url}/assets/favicon.svg`,
  }
}

export async function commentFeedRoutes(app: FastifyInstance, { deps, siteInfo }: CommentFeedOptions) {
  const pub = { access: 'public' } as const

  app.get('/comments/feed/', { config: pub }, async (req, reply) => {
    const site = await siteInfo()
    const items = await listRecentApproved(deps.db, { limit: feedSize })
    const body = renderRss(channel(site, `Comments: ${site.name}`, `The latest reader comments on ${site.name}`, '/', '/comments/feed/', items), items.map((i) => entry(site, i)))
    return sendPage(deps.cache, req, reply, body, { tags: ['comments', 'site'], contentType: rssContentType })
  })

  app.get('/:section/:slug/comments/feed/', {
    config: pub,
    schema: { params: { type: 'object', properties: { section: { type: 'string', maxLength: 200 }, slug: { type: 'string', maxLength: 200 } } } },
  }, async (req, reply) => {
    const { section, slug } = req.params as { section: string; slug: string }
    const article = await findArticleBySlug(deps.db, slug)
    const visible = article && article.status === 'published' && (!article.publishedAt || article.publishedAt <= deps.clock.now())
    if (!article || !visible || article.section.slug !== section) throw notFound('Feed')
    const site = await siteInfo()
    const items = await listRecentApproved(deps.db, { articleId: article.id, limit: feedSize })
    const feedPath = `${article.path}comments/feed/`
    const body = renderRss(channel(site, `Comments on “${article.headline}”`, `Reader comments on ${article.headline}`, article.path, feedPath, items), items.map((i) => entry(site, i)))
    return sendPage(deps.cache, req, reply, body, { tags: [`article:${article.id}`, `comments:${article.id}`, 'site'], contentType: rssContentType })
  })
}
