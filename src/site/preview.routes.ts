// Preview of an article in any status through a signed link that expires; the only way anything unpublished is seen outside the newsroom.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { DomainError, notFound } from '../platform/errors.js'
import { findArticleById, verifyPreview } from '../content/index.js'
import { findMediaByStems } from '../media/index.js'
import { render } from '../ui/index.js'
import { ArticlePage } from './article.page.js'
import { libraryImageStems, withResponsiveImages } from './body-images.js'
import type { SiteContext } from './site-context.js'

export interface PreviewOptions {
  deps: Pick<Deps, 'db' | 'clock' | 'secret'>
  context: SiteContext
}

// Parts are checked by verifyPreview, so the schema only bounds their size: a mangled link gets the 403 page, not a 400.
const previewParams = {
  type: 'object', required: ['id', 'expires', 'sig'],
  properties: { id: { type: 'string', maxLength: 20 }, expires: { type: 'string', maxLength: 20 }, sig: { type: 'string', maxLength: 100 } },
} as const

export const previewBanner = 'Preview — not published'

export async function previewRoutes(app: FastifyInstance, { deps, context }: PreviewOptions) {
  // Runs after the site-wide header hook, so these win: a preview must not be indexed, kept, or leak its
  // secret address to the sites its links point at. Applies to the refusal pages too.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer')
  })

  // 'public': the signature is the credential. Never sendPage: the page cache would hand the draft to anyone.
  app.get('/preview/:id/:expires/:sig/', { config: { access: 'public' }, schema: { params: previewParams } }, async (req, reply) => {
    const { id, expires, sig } = req.params as { id: string; expires: string; sig: string }
    const check = verifyPreview(deps.secret, id, expires, sig, deps.clock.now())
    if (!check.ok && check.reason === 'expired') throw new DomainError('GONE', 'This preview link has expired. Ask the newsroom for a new one.')
    if (!check.ok) throw new DomainError('FORBIDDEN', 'This preview link is not valid. Check that it was copied in full, or ask the newsroom for a new one.')
    const article = await findArticleById(deps.db, check.articleId)
    if (!article) throw notFound('Article')
    const site = await context.siteInfo()
    const bodyMedia = await findMediaByStems(deps.db, libraryImageStems(article.bodyHtml))
    const bodyHtml = withResponsiveImages(article.bodyHtml, bodyMedia, '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)')
    // No related news, no comments: those read the published site, and a preview is not part of it.
    const html = render(ArticlePage({
      site, article: { ...article, bodyHtml }, alsoRead: undefined, related: [], banner: previewBanner,
      head: { title: `Preview: ${article.seoTitle || article.headline}`, description: article.seoDescription || article.standfirst, noindex: true },
    }))
    return reply.type('text/html; charset=utf-8').send(html)
  })
}
