// CSRF defence for every state-changing newsroom request: a token bound to the session plus an Origin check.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { DomainError } from '../platform/errors.js'
import { findStaff } from './session.js'

/** Set on the first form a stranger is shown (sign-in, setup, reset, invitation) so those forms carry a token too. */
export const anonymousCsrfCookie = 'dl_csrf'
export const csrfField = '_csrf'
export const csrfHeader = 'x-csrf-token'

const secrets = new WeakMap<FastifyRequest, Pick<Deps, 'secret' | 'config'>>()

/** The newsroom plugin calls this on every request so `csrfToken(req, reply)` needs no deps. */
export function bindCsrf(req: FastifyRequest, deps: Pick<Deps, 'secret' | 'config'>): void {
  secrets.set(req, deps)
}

const sign = (secret: string, value: string) => createHmac('sha256', secret).update(`csrf:${value}`).digest('base64url')

function expectedToken(req: FastifyRequest, secret: string): string | undefined {
  const staff = findStaff(req)
  if (staff) return sign(secret, `session:${staff.sessionId}`)
  const anonymous = req.cookies[anonymousCsrfCookie]
  return anonymous ? sign(secret, `anon:${anonymous}`) : undefined
}

/**
 * The token a form or script must send back: bound to the session when signed in, else to a `dl_csrf` cookie
 * (set here when missing). Put it in a hidden `_csrf` field (see `CsrfField`) or the `x-csrf-token` header.
 * @example const token = csrfToken(req, reply); … <CsrfField token={token} />
 */
export function csrfToken(req: FastifyRequest, reply: FastifyReply): string {
  const deps = secrets.get(req)
  if (!deps) throw new Error('csrfToken() is only available to routes inside the newsroom plugin')
  const staff = findStaff(req)
  if (staff) return sign(deps.secret, `session:${staff.sessionId}`)
  let anonymous = req.cookies[anonymousCsrfCookie]
  if (!anonymous) {
    anonymous = randomBytes(18).toString('base64url')
    req.cookies[anonymousCsrfCookie] = anonymous
    reply.setCookie(anonymousCsrfCookie, anonymous, {
      httpOnly: true, sameSite: 'lax', secure: deps.config.siteUrl.startsWith('https:'), path: '/newsroom',
    })
  }
  return sign(deps.secret, `anon:${anonymous}`)
}

/** The token for a signed-in request without touching cookies; empty for strangers (error pages use it). */
export function sessionCsrfToken(req: FastifyRequest): string {
  const deps = secrets.get(req)
  const staff = findStaff(req)
  return deps && staff ? sign(deps.secret, `session:${staff.sessionId}`) : ''
}

function sentToken(req: FastifyRequest): string | undefined {
  const header = req.headers[csrfHeader]
  if (typeof header === 'string') return header
  const body = req.body as Record<string, unknown> | null | undefined
  if (body && typeof body === 'object' && typeof body[csrfField] === 'string') return body[csrfField] as string
  // A multipart body is read by the handler, after this check; a plain upload form puts the token in its action URL.
  if ((req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    const query = req.query as Record<string, unknown> | undefined
    if (typeof query?.[csrfField] === 'string') return query[csrfField] as string
  }
  return undefined
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return new URL(value).origin
  } catch {
    return 'null'
  }
}

/**
 * A browser names the page a request came from; it must be this site (the configured SITE_URL, or the origin
 * the request was sent to). Clients that send neither header are judged by the token alone.
 */
function originAllowed(req: FastifyRequest, siteUrl: string): boolean {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : originOf(req.headers.referer)
  if (origin === undefined) return true
  return origin === new URL(siteUrl).origin || origin === `${req.protocol}://${req.host}`
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Refuses a state-changing request without this site's Origin and the right token; the newsroom adds it to every such route. */
export function csrfProtection(deps: Pick<Deps, 'secret' | 'config'>): (req: FastifyRequest) => Promise<void> {
  return async (req) => {
    if (safeMethods.has(req.method)) return
    if (!originAllowed(req, deps.config.siteUrl)) {
      throw new DomainError('CSRF', 'This request did not come from a page of this site')
    }
    const expected = expectedToken(req, deps.secret)
    const sent = sentToken(req)
    if (!expected || !sent || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) {
      throw new DomainError('CSRF', 'This form has expired or did not come from this site: reload the page and try again')
    }
  }
}

/** The hidden field every newsroom form carries. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={csrfField} value={token} />
}
