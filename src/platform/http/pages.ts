// Sending HTML pages: ETag and 304, cache headers and Surrogate-Key, and the page cache for anonymous readers.
import type { IncomingMessage } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { strongEtag, type CachedPage, type PageCache } from '../cache/index.js'

export interface PageOptions {
  /** What the page shows, for purging: `article:12`, `section:3`, `home` … */
  tags: readonly string[]
  /** Seconds a CDN may keep it. */
  sMaxAge?: number
  contentType?: string
  status?: number
  /** More headers every copy carries (an API's version, CORS), replayed by the cache with the body. */
  headers?: Record<string, string> | undefined
  /**
   * The strong ETag of exactly these bytes when the caller already has it (from parts it hashed once, see
   * `partsEtag`), so a large answer assembled from remembered parts is not hashed whole on every request.
   */
  etag?: string | undefined
}

/**
 * A strong ETag for a body that is `parts` joined in order, from each part's own digest: equal digests mean equal
 * parts, so equal tags mean equal bytes. `kind` keeps answers of different shapes apart.
 * @example partsEtag('ghost-posts', posts.map((p) => p.digest), tail)
 */
export function partsEtag(kind: string, digests: readonly string[], tail: string): string {
  return strongEtag(`${kind}\n${digests.join('\n')}\n${tail}`)
}

/** Cookies that change what a page shows; a request carrying one is neither served from nor stored in the cache. */
export const personalCookies = ['dl_session', 'dl_commenter']

export function isPersonal(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false
  return personalCookies.some((name) => cookieHeader.includes(`${name}=`))
}

/** Query parameters that campaigns and platforms add to links and no page reads. */
const trackingParameter = /^(?:utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl)$/i

/**
 * The page-cache key of a request: its URL without tracking parameters, so a story shared with `?utm_source=…` or
 * `?fbclid=…` (each click a new value) is one cached page, not one per click crowding the others out.
 */
export function cacheKey(req: Pick<IncomingMessage, 'url'>): string {
  const url = req.url ?? '/'
  const q = url.indexOf('?')
  if (q < 0) return url
  const kept = url.slice(q + 1).split('&').filter((pair) => pair !== '' && !trackingParameter.test(pair.split('=', 1)[0]!))
  return kept.length ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q)
}

function sharedHeaders(opts: PageOptions): Record<string, string> {
  const sMaxAge = opts.sMaxAge ?? 60
  return {
    'cache-control': `public, max-age=0, must-revalidate, s-maxage=${sMaxAge}, stale-while-revalidate=${sMaxAge * 5}, stale-if-error=86400`,
    'surrogate-key': opts.tags.join(' '),
    'cache-tag': opts.tags.join(','),
    vary: 'Cookie',
    ...opts.headers,
  }
}

/** Whether the client already holds this version (If-None-Match). */
export function isFresh(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const value = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch
  return value.split(',').some((v) => v.trim().replace(/^W\//, '') === etag || v.trim() === '*')
}

export function sendPage(cache: PageCache, req: FastifyRequest, reply: FastifyReply, html: string | Buffer, opts: PageOptions) {
  const body = typeof html === 'string' ? Buffer.from(html) : html
  const etag = opts.etag ?? strongEtag(body)
  const contentType = opts.contentType ?? 'text/html; charset=utf-8'
  const status = opts.status ?? 200
  const personal = isPersonal(req.headers.cookie) || reply.hasHeader('set-cookie')
  const headers = { ...opts.headers, ...(personal ? { 'cache-control': 'private, no-store', vary: 'Cookie' } : sharedHeaders(opts)) }
  if (!personal && status === 200 && (req.method === 'GET' || req.method === 'HEAD')) {
    cache.set(cacheKey(req.raw), { status, body, etag, contentType, headers, tags: opts.tags })
  }
  reply.headers(headers).header('etag', etag).type(contentType)
  if (status === 200 && isFresh(req.headers['if-none-match'], etag)) return reply.code(304).send()
  return reply.code(status).send(body)
}

/**
 * A request header read from the raw list (the first, if sent twice). Node builds `req.headers` on first use, an
 * object per request that the warm path, which reads two headers at most, can do without.
 */
function rawHeader(req: Pick<IncomingMessage, 'rawHeaders'>, name: string): string | undefined {
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === name.length && raw[i]!.toLowerCase() === name) return raw[i + 1]
  return undefined
}

/** A cached copy for this raw request, or undefined when it must be rendered. */
export function lookupPage(cache: PageCache, req: Pick<IncomingMessage, 'method' | 'url' | 'rawHeaders'>): CachedPage | undefined {
  if (!cache.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return undefined
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.length === 6 && raw[i]!.toLowerCase() === 'cookie' && isPersonal(raw[i + 1])) return undefined
  return cache.get(cacheKey(req))
}

export const commonHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': "default-src 'self'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
}

/** Response headers of a cached page, flattened once per page so a hit does no object building. */
const wireHeaders = new WeakMap<CachedPage, { full: (string | number)[]; notModified: string[] }>()

function headersOf(page: CachedPage) {
  let wire = wireHeaders.get(page)
  if (!wire) {
    const notModified = Object.entries({ ...commonHeaders, ...page.headers, etag: page.etag, 'content-type': page.contentType, 'x-cache': 'HIT' }).flat()
    wire = { notModified, full: [...notModified, 'content-length', page.body.length] }
    wireHeaders.set(page, wire)
  }
  return wire
}

/** Writes a cached page straight to Node's response: the warm path skips routing entirely. */
export function writeCachedPage(req: IncomingMessage, res: import('node:http').ServerResponse, page: CachedPage): void {
  const wire = headersOf(page)
  const ifNoneMatch = rawHeader(req, 'if-none-match')
  if (ifNoneMatch !== undefined && isFresh(ifNoneMatch, page.etag)) {
    res.writeHead(304, wire.notModified)
    res.end()
    return
  }
  res.writeHead(page.status, wire.full)
  res.end(req.method === 'HEAD' ? undefined : page.body)
}
