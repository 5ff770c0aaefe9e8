// The reader's side of comments: the block under each article, the form's POST, reply pages, confirm and unsubscribe.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ComponentChildren } from 'preact'
import type { Deps } from '../platform/deps.js'
import { DomainError, notFound } from '../platform/errors.js'
import { pageNumber, sendPage, statusFor, wantsJson } from '../platform/http/index.js'
import {
  CommentRefused, articleForComments, backgroundMailer, commentsClosedMessage, confirmAddress, createRateLimiter,
  findPublicComment, fromSiteSettings, issueFormToken, loadCommentSettings, loadThreadPage, pageOfTopLevel, stillHeld, submitComment, unsubscribeAddress,
  type CommentDeps, type CommentSort, type RateLimiter,
} from '../comments/index.js'
import { render } from '../ui/index.js'
import { renderToString } from 'preact-render-to-string'
import { CommentFormPage, CommentItem, CommentsSection, NoticePage, type CommentFormState, type CommentFormValues } from './comments.view.js'
import type { SiteContext } from './site-context.js'
import type { PublicArticle } from '../content/index.js'
import type { Assets } from './assets.js'

export interface CommentSurfaceOptions {
  deps: Deps
  context: SiteContext
  assets: Assets
  /** Defaults to counters in this process, or in Redis when REDIS_URL is set. */
  limiter?: RateLimiter | undefined
}

/** Signed cookie listing the reader's own comments still awaiting moderation; its presence bypasses the page cache. */
export const commenterCookie = 'dl_commenter'
const cookieMaxAge = 7 * 86_400
export const commentBodyLimit = 64 * 1024

function ownIds(req: FastifyRequest): number[] {
  const raw = req.cookies?.[commenterCookie]
  if (!raw) return []
  const unsigned = req.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return []
  return unsigned.value.split('-').filter((v) => /^\d{1,12}$/.test(v)).map(Number).slice(-20)
}

const sortOf = (value: unknown): CommentSort => (value === 'newest' ? 'newest' : 'oldest')

/**
 * The renderer siteRoutes calls for each article page (see SiteOptions.renderComments). It works from the article
 * the page has just read and the site context's settings (re-read every few seconds), so an article without
 * comments costs no query here.
 */
export function createCommentRenderer(deps: Deps, assets: Assets, context: SiteContext) {
  return async (req: FastifyRequest, article: PublicArticle): Promise<ComponentChildren> => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const settings = fromSiteSettings(await context.settings())
    const articleId = article.id
    const now = deps.clock.now()
    const sort = sortOf(query['comments-sort'])
    const thread = await loadThreadPage(deps.db, articleId, {
      sort, page: pageNumber(query['comments-page']), pageSize: settings.pageSize, own: ownIds(req), total: article.commentCount,
    })
    const closedMessage = commentsClosedMessage(article, settings, now)
    const form: CommentFormState | undefined = closedMessage ? undefined : { articleId, token: issueFormToken(deps.secret, articleId, now) }
    return <CommentsSection view={{
      articlePath: article.path, thread, sort, maxDepth: settings.maxDepth, timeZone: deps.config.siteTimezone, form, closedMessage,
      script: assets.path('comments.js'),
    }} />
  }
}

/** Same-origin check for a form that cannot carry a session token: Origin (or Referer) must be this site. */
function fromThisSite(req: FastifyRequest, siteUrl: string): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false
  const source = req.headers.origin ?? req.headers.referer
  if (!source || source === 'null') return req.headers.origin !== 'null'
  let origin: string
  try {
    origin = new URL(source).origin
  } catch {
    return false
  }
  return origin === new URL(siteUrl).origin || origin === `${req.protocol}://${req.host}`
}

/** Decodes a urlencoded body strictly: invalid UTF-8 is refused rather than silently turned into U+FFFD. */
export function parseFormStrict(body: Buffer): Record<string, string> {
  const fatal = new TextDecoder('utf-8', { fatal: true })
  const out: Record<string, string> = {}
  const decode = (part: string) => {
    const bytes: number[] = []
    const s = part.replace(/\+/g, ' ')
    for (let i = 0; i < s.length; i++) {
      const ch = s.charCodeAt(i)
      if (ch === 0x25 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16))
        i += 2
      } else if (ch < 0x80) bytes.push(ch)
      else bytes.push(...Buffer.from(s[i]!, 'utf8'))
    }
    return fatal.decode(Uint8Array.from(bytes))
  }
  let text: string
  try {
    text = fatal.decode(body)
  } catch {
    throw new DomainError('VALIDATION', 'The form was not valid UTF-8 text', [{ field: 'form', message: 'The form was not valid UTF-8 text' }])
  }
  for (const pair of text.split('&')) {
    if (!pair) continue
    const eq = pair.indexOf('=')
    try {
      const key = decode(eq < 0 ? pair : pair.slice(0, eq))
      const value = decode(eq < 0 ? '' : pair.slice(eq + 1))
      // The first value wins; an attacker's repeated field cannot replace what the form sent.
      if (!(key in out) && key.length <= 40) out[key] = value
    } catch {
      throw new DomainError('VALIDATION', 'The form was not valid UTF-8 text', [{ field: 'form', message: 'The form was not valid UTF-8 text' }])
    }
  }
  return out
}

const idPattern = /^\d{1,12}$/

export async function commentRoutes(app: FastifyInstance, { deps, context, assets, limiter: given }: CommentSurfaceOptions) {
  const limiter = given ?? createRateLimiter({ redis: deps.redis, clock: deps.clock })
  if (!given) app.addHook('onClose', async () => limiter.close())
  const mail = backgroundMailer(deps.mail, (err) => deps.log.warn({ err }, 'comment mail failed'))
  const commentDeps: CommentDeps = { ...deps, limiter, mail }
  const pub = { access: 'public' } as const

  // Only urlencoded forms are accepted here; anything else is 415, anything larger 413.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: commentBodyLimit }, (_req, body, done) => {
    try {
      done(null, parseFormStrict(body as Buffer))
    } catch (err) {
      done(err as Error, undefined)
    }
  })

  const valuesOf = (form: Record<string, string>): CommentFormValues => ({
    name: form.name ?? '', email: form.email ?? '', website: form.website ?? '', comment: form.comment ?? '', notify: form.notify === '1',
  })

  async function formPage(req: FastifyRequest, reply: FastifyReply, status: number, form: CommentFormState) {
    const article = await articleForComments(deps.db, form.articleId)
    if (!article) throw notFound('Article')
    const parent = form.parentId ? await findPublicComment(deps.db, form.parentId) : undefined
    const site = await context.siteInfo()
    const html = render(CommentFormPage({
      site, head: { title: `Comment on ${article.headline}`, noindex: true }, article, parent, form, timeZone: site.timeZone,
      script: assets.path('comments.js'),
    }))
    return reply.code(status).header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(html)
  }

  app.post('/comments', {
    config: pub,
    bodyLimit: commentBodyLimit,
    schema: {
      response: {
        201: {
          type: 'object', additionalProperties: false, required: ['id', 'state', 'html', 'location'],
          properties: { id: { type: 'integer' }, state: { type: 'string' }, html: { type: 'string' }, location: { type: 'string' } },
        },
      },
    },
  }, async (req, reply) => {
    if (!fromThisSite(req, deps.config.siteUrl)) throw new DomainError('CSRF', 'This form was sent from another site.')
    const form = (req.body ?? {}) as Record<string, string>
    if (!idPattern.test(form.article ?? '')) throw new DomainError('VALIDATION', 'The article is missing', [{ field: 'article', message: 'The article is missing' }])
    const articleId = Number(form.article)
    const parentId = form.parent && idPattern.test(form.parent) ? Number(form.parent) : undefined
    if (form.parent && parentId === undefined) throw new DomainError('VALIDATION', 'The comment you are replying to is not on this article.', [{ field: 'parent', message: 'The comment you are replying to is not on this article.' }])
    try {
      const result = await submitComment(commentDeps, {
        articleId, parentId, name: form.name, email: form.email, website: form.website, body: form.comment, honeypot: form.hp_note,
        formToken: form.token, notify: form.notify === '1', ip: req.ip,
      })
      const article = (await articleForComments(deps.db, articleId))!
      const settings = await loadCommentSettings(deps.db)
      // The cookie lists only comments still held: once none are, it goes, and this reader's pages are cached again.
      const held = await stillHeld(deps.db, [...ownIds(req), ...(result.status !== 'approved' ? [result.comment.id] : [])])
      if (held.length) {
        reply.setCookie(commenterCookie, held.join('-'), {
          signed: true, httpOnly: true, sameSite: 'lax', path: '/', maxAge: cookieMaxAge, secure: req.protocol === 'https',
        })
      } else if (req.cookies?.[commenterCookie]) {
        reply.clearCookie(commenterCookie, { path: '/' })
      }
      const page = result.status === 'approved' ? await pageOfTopLevel(deps.db, articleId, result.threadId, settings.pageSize) : undefined
      const anchor = `#comment-${result.comment.id}`
      const location = `${article.path}${page && page > 1 ? `?comments-page=${page}` : ''}${anchor}`
      reply.header('cache-control', 'no-store')
      if (wantsJson(req)) {
        const html = renderToString(<CommentItem node={{ comment: result.comment, replies: [] }} depth={1} maxDepth={settings.maxDepth} timeZone={deps.config.siteTimezone} articlePath={article.path} />)
        return reply.code(201).send({ id: result.comment.id, state: result.status === 'approved' ? 'published' : 'awaiting-moderation', html, location })
      }
      return reply.redirect(location, 303)
    } catch (err) {
      if (!(err instanceof CommentRefused)) throw err
      const status = statusFor[err.code]
      // A refused form comes back with the reader's text; an expired or forged one with a fresh token.
      const token = err.reason === 'too-fast' && typeof form.token === 'string' ? form.token : issueFormToken(deps.secret, articleId, deps.clock.now())
      if (wantsJson(req)) {
        return (reply as FastifyReply).code(status).header('cache-control', 'no-store').send({
          error: { code: err.code, reason: err.reason, message: err.message, ...(err.issues.length ? { issues: err.issues } : {}), token },
        })
      }
      return formPage(req, reply, status, { articleId, parentId, token, values: valuesOf(form), issues: err.issues, message: err.reason === 'invalid' ? undefined : err.message })
    }
  })

  // Replying without JavaScript: the comment and a form under it. Cached like the article, purged with it.
  app.get('/comments/reply/:id/', { config: pub, schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^\\d{1,12}$' } } } } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const parent = await findPublicComment(deps.db, id)
    if (!parent || parent.awaitingModeration) throw notFound('Comment')
    const [article, settings] = await Promise.all([articleForComments(deps.db, parent.articleId), loadCommentSettings(deps.db)])
    if (!article || article.status !== 'published') throw notFound('Comment')
    const closed = commentsClosedMessage(article, settings, deps.clock.now())
    if (closed) throw new DomainError('FORBIDDEN', closed)
    const site = await context.siteInfo()
    const html = render(CommentFormPage({
      site, head: { title: `Reply to ${parent.authorName}`, noindex: true }, article, parent, timeZone: site.timeZone,
      form: { articleId: article.id, parentId: parent.id, token: issueFormToken(deps.secret, article.id, deps.clock.now()), cancelHref: `${article.path}#comment-${parent.id}` },
      script: assets.path('comments.js'),
    }))
    return sendPage(deps.cache, req, reply, html, { tags: [`article:${article.id}`, `comments:${article.id}`, 'site'], sMaxAge: 60 })
  })

  const tokenParams = { type: 'object', properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{10,64}$' } }, required: ['token'] } as const
  const notice = async (reply: FastifyReply, status: number, title: string, message: string, action?: { href: string; label: string }) =>
    reply.code(status).header('cache-control', 'private, no-store').type('text/html; charset=utf-8')
      .send(render(NoticePage({ site: await context.siteInfo(), title, message, action })))

  app.get('/comments/confirm/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    return notice(reply, 200, 'Confirm your address', 'Press the button to receive an e-mail when someone replies to your comments.', { href: `/comments/confirm/${token}`, label: 'Confirm my address' })
  })
  app.post('/comments/confirm/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const ok = await confirmAddress(deps.db, (req.params as { token: string }).token, deps.clock.now())
    return ok ? notice(reply, 200, 'Address confirmed', 'Thank you. We will e-mail you when someone replies to your comments.')
      : notice(reply, 404, 'Link not recognised', 'This confirmation link is not valid any more.')
  })
  app.get('/comments/unsubscribe/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    return notice(reply, 200, 'Stop reply e-mails', 'Press the button and we will not e-mail you about replies again.', { href: `/comments/unsubscribe/${token}`, label: 'Unsubscribe' })
  })
  // One-click unsubscribe (RFC 8058): mail clients POST here without any form of ours, so it needs no other token.
  app.post('/comments/unsubscribe/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const ok = await unsubscribeAddress(deps.db, (req.params as { token: string }).token, deps.clock.now())
    return ok ? notice(reply, 200, 'Unsubscribed', 'You will not receive e-mails about replies any more.')
      : notice(reply, 404, 'Link not recognised', 'This unsubscribe link is not valid any more.')
  })
}
