// Ghost Content API compatibility at /ghost/api/content/: programs written for Ghost (its official client, static site
// generators, themes' front ends) read Dateline's public content unchanged. Answers go through the page cache.
import { hash, randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.js'
import { DomainError } from '../../platform/errors.js'
import { partsEtag, sendPage } from '../../platform/http/index.js'
import type { ApiKey } from '../../identity/index.js'
import type { KeyLookup } from '../key-lookup.js'
import {
  getSettings, listPublicPages, listPublicTerms, listSections, publicArticlesByIds, queryPublicArticleIds, type ApiArticle, type PublicPage,
  type PublicTerm, type TermKind,
} from '../../content/index.js'
import {
  filterPages, GhostQueryError, postFilter, postOrderOf, readGhostQuery, sortPages, sortTerms, termMatches, type GhostQuery, type TermRecord,
} from './ghost-query.js'
import { ghostAuthor, ghostPage, ghostPagination, ghostPost, ghostSettings, ghostTag } from './ghost-resources.js'
import { ghostId, parseGhostId, type GhostKind } from './ghost-ids.js'

/** The Content API version Dateline answers as; clients asking for v5.x or v6.x get the same shapes. */
export const ghostContentVersion = 'v6.0'

const ghostErrorTypes: Record<number, string> = {
  400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'NoPermissionError', 404: 'NotFoundError', 413: 'RequestEntityTooLargeError',
  415: 'UnsupportedMediaTypeError', 422: 'ValidationError', 429: 'TooManyRequestsError', 500: 'InternalServerError',
}

function sendGhostError(reply: FastifyReply, status: number, message: string, context: string | null = null) {
  return reply.code(status).header('cache-control', 'no-store').header('content-version', ghostContentVersion)
    .header('access-control-allow-origin', '*').type('application/json; charset=utf-8')
    .send({
      errors: [{
        message, context, type: ghostErrorTypes[status] ?? 'InternalServerError', details: null, property: null, help: null, code: null,
        id: randomUUID(), ghostErrorCode: null,
      }],
    })
}

const keyOf = new WeakMap<FastifyRequest, ApiKey>()

// A post's JSON per set of options, as bytes with their digest, kept on the shared article object: it is replaced when
// content changes, so the bytes can never outlive what they show. A list asked for again is copied together from
// them, and its ETag made from the digests, instead of being rebuilt, encoded and hashed whole (148 KB for 15 posts).
interface PostBytes { bytes: Buffer; digest: string }
const postBytes = new WeakMap<ApiArticle, Map<string, PostBytes>>()
const bytesOf = (json: string): PostBytes => {
  const bytes = Buffer.from(json)
  return { bytes, digest: hash('sha1', bytes, 'base64url') }
}
const comma = Buffer.from(',')
const postsOpen = Buffer.from('{"posts":[')

function optionsKey(q: GhostQuery): string {
  return `${[...q.include].sort().join(',')}|${[...q.formats].sort().join(',')}|${q.fields ? [...q.fields].sort().join(',') : '*'}`
}

const slugParams = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', maxLength: 200 } } } as const
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } } as const
// Each parameter is bounded; a repeated one (an array) is read as its first value. Other parameters are ignored, as Ghost does.
const bounded = { anyOf: [{ type: 'string', maxLength: 2000 }, { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 2000 } }] }
const querystring = {
  type: 'object',
  properties: Object.fromEntries(['key', 'include', 'fields', 'formats', 'limit', 'page', 'order', 'filter'].map((k) => [k, bounded])),
} as const

export async function ghostRoutes(app: FastifyInstance, { deps, keys }: { deps: Deps; keys: KeyLookup }) {
  const { db, cache, config, clock } = deps
  const siteUrl = config.siteUrl
  const pub = { access: 'public' } as const

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof GhostQueryError) return sendGhostError(reply, 400, err.message, err.context)
    if (err instanceof DomainError) {
      if (err.code === 'INTERNAL') req.log.error({ err }, 'ghost api error')
      const status = { NOT_FOUND: 404, VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 }[err.code as string] ?? 500
      return sendGhostError(reply, status, status === 500 ? 'An unexpected error occurred' : err.message)
    }
    const status = (err as { statusCode?: number }).statusCode
    if ((err as { validation?: unknown }).validation || (status && status >= 400 && status < 500)) {
      return sendGhostError(reply, status && status !== 500 && ghostErrorTypes[status] ? status : 400, 'Validation error, cannot read the request.', (err as Error).message.slice(0, 300))
    }
    req.log.error({ err }, 'ghost api error')
    return sendGhostError(reply, 500, 'An unexpected error occurred')
  })
  app.setNotFoundHandler((_req, reply) => sendGhostError(reply, 404, 'Resource not found'))
  // The site's catch-all for old addresses would otherwise answer unknown API paths with an HTML page.
  app.get('/*', { config: { access: 'public' } }, async (_req, reply) => sendGhostError(reply, 404, 'Resource not found'))

  // The key first, before anything about the request is looked at: none is 403, one that is not live is 401, as in Ghost.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'OPTIONS') return undefined
    const raw = (req.query as Record<string, unknown>).key
    const key = Array.isArray(raw) ? raw[0] : raw
    if (typeof key !== 'string' || key === '') {
      return sendGhostError(reply, 403, 'Authorization failed', 'Unable to determine the authenticated integration: send a Content API key as ?key=')
    }
    const found = await keys.content(key)
    if (!found) return sendGhostError(reply, 401, 'Authorization failed', 'Unknown Content API Key')
    keyOf.set(req, found)
    return undefined
  })

  const send = (req: FastifyRequest, reply: FastifyReply, body: unknown, tags: string[], etag?: string) => {
    const key = keyOf.get(req)!
    return sendPage(cache, req, reply, typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body), {
      etag,
      // A revoked key's cached answers are purged with it.
      tags: ['ghost', ...tags, `api-key:${key.id}`],
      contentType: 'application/json; charset=utf-8',
      headers: { 'content-version': ghostContentVersion, 'access-control-allow-origin': '*' },
    })
  }

  const queryOf = (req: FastifyRequest) => readGhostQuery(req.query as Record<string, unknown>, clock.now())

  /** Counts for embedded tags and authors, only when count.posts is asked for. */
  async function countLookup(q: GhostQuery) {
    if (!q.include.has('count.posts')) return undefined
    const now = clock.now()
    const kinds: TermKind[] = ['section', 'topic', 'tag', 'author']
    const lists = await Promise.all(kinds.map((k) => listPublicTerms(db, k, now)))
    const byKind = new Map(kinds.map((k, i) => [k, new Map(lists[i]!.map((t) => [t.id, t.publicCount]))]))
    return (kind: PublicTerm['kind'], id: number) => byKind.get(kind)?.get(id) ?? 0
  }

  // A browser asks before sending Ghost's client's Accept-Version header from another origin.
  app.options('/*', { config: pub }, async (_req, reply) => reply.code(204).header('access-control-allow-origin', '*')
    .header('access-control-allow-methods', 'GET, HEAD, OPTIONS').header('access-control-allow-headers', 'Accept-Version, Content-Type')
    .header('access-control-max-age', '86400').send())

  // ── posts ──

  app.get('/posts/', { config: pub, schema: { querystring } }, async (req, reply) => {
    const q = queryOf(req)
    const now = clock.now()
    const filter = q.filter ? postFilter(q.filter, 'post') : undefined
    const { ids, total, version } = await queryPublicArticleIds(db, { filter, order: postOrderOf(q.order), limit: q.limit, offset: (q.page - 1) * q.limit, now })
    const [articles, counts] = await Promise.all([publicArticlesByIds(db, ids, now, { withText: q.formats.has('plaintext'), version }), countLookup(q)])
    const built = new Map<string, unknown>()
    const options = optionsKey(q)
    const posts = articles.map((a) => {
      let kept = postBytes.get(a)
      if (!kept) postBytes.set(a, (kept = new Map()))
      let post = kept.get(options)
      if (post === undefined) {
        post = bytesOf(JSON.stringify(ghostPost(a, { siteUrl, include: q.include, formats: q.formats, fields: q.fields, counts, built })))
        // Plain text is fetched per request and never kept on the shared object.
        if (!q.formats.has('plaintext') && kept.size < 8) kept.set(options, post)
      }
      return post
    })
    const tail = `],"meta":${JSON.stringify({ pagination: ghostPagination(q.page, q.limit, total) })}}`
    const body = Buffer.concat([postsOpen, ...posts.flatMap((p, i) => (i ? [comma, p.bytes] : [p.bytes])), Buffer.from(tail)])
    return send(req, reply, body, ['home', 'feed'], partsEtag('ghost-posts', posts.map((p) => p.digest), tail))
  })

  async function onePost(req: FastifyRequest, reply: FastifyReply, id: number | undefined) {
    const q = queryOf(req)
    const now = clock.now()
    const [article] = id === undefined ? [] : await publicArticlesByIds(db, [id], now, { withText: q.formats.has('plaintext') })
    if (!article) return sendGhostError(reply, 404, 'Post not found.')
    const post = ghostPost(article, { siteUrl, include: q.include, formats: q.formats, fields: q.fields, counts: await countLookup(q) })
    return send(req, reply, { posts: [post] }, [`article:${article.id}`])
  }

  app.get('/posts/:id/', { config: pub, schema: { params: idParams, querystring } }, async (req, reply) => {
    const parsed = parseGhostId((req.params as { id: string }).id)
    return onePost(req, reply, parsed?.kind === 'post' ? parsed.id : undefined)
  })

  app.get('/posts/slug/:slug/', { config: pub, schema: { params: slugParams, querystring } }, async (req, reply) => {
    const slug = (req.params as { slug: string }).slug
    const { ids } = await queryPublicArticleIds(db, {
      filter: { kind: 'compare', field: 'slug', op: '=', values: [slug] }, limit: 1, offset: 0, now: clock.now(),
    })
    return onePost(req, reply, ids[0])
  })

  // ── pages (About, Contact…): few, so listed, filtered and paged in memory, with posts' parameters ──

  const pageOptions = (q: GhostQuery) => ({ siteUrl, include: q.include, formats: q.formats, fields: q.fields })

  app.get('/pages/', { config: pub, schema: { querystring } }, async (req, reply) => {
    const q = queryOf(req)
    const matching = sortPages(filterPages(await listPublicPages(db), q.filter), q.order)
    const shown = matching.slice((q.page - 1) * q.limit, q.page * q.limit)
    return send(req, reply, {
      pages: shown.map((p) => ghostPage(p, pageOptions(q))), meta: { pagination: ghostPagination(q.page, q.limit, matching.length) },
    }, ['pages'])
  })

  async function onePage(req: FastifyRequest, reply: FastifyReply, find: (p: PublicPage) => boolean) {
    const q = queryOf(req)
    const page = (await listPublicPages(db)).find(find)
    if (!page) return sendGhostError(reply, 404, 'Page not found.')
    return send(req, reply, { pages: [ghostPage(page, pageOptions(q))] }, ['pages'])
  }

  app.get('/pages/:id/', { config: pub, schema: { params: idParams, querystring } }, async (req, reply) => {
    const parsed = parseGhostId((req.params as { id: string }).id)
    return onePage(req, reply, (p) => parsed?.kind === 'page' && p.id === parsed.id)
  })
  app.get('/pages/slug/:slug/', { config: pub, schema: { params: slugParams, querystring } }, async (req, reply) =>
    onePage(req, reply, (p) => p.slug === (req.params as { slug: string }).slug))

  // ── tags (sections, topics and tags) and authors ──

  type Term = TermRecord & { source: PublicTerm }
  const termRecord = (t: PublicTerm): Term => ({
    id: ghostId(t.kind as GhostKind, t.id), slug: t.slug, name: t.name, visibility: 'public', 'count.posts': t.publicCount, source: t,
  })

  async function terms(resource: 'tags' | 'authors'): Promise<Term[]> {
    const now = clock.now()
    const kinds: TermKind[] = resource === 'tags' ? ['section', 'topic', 'tag'] : ['author']
    return (await Promise.all(kinds.map((k) => listPublicTerms(db, k, now)))).flat().map(termRecord)
  }

  const termResource = (resource: 'tags' | 'authors', t: PublicTerm, q: GhostQuery) => {
    const withCount = q.include.has('count.posts')
    const object = resource === 'tags' ? ghostTag(siteUrl, t, withCount) : ghostAuthor(siteUrl, t, withCount)
    return Object.fromEntries(Object.entries(object).filter(([k]) => !q.fields || q.fields.has(k)))
  }

  for (const resource of ['tags', 'authors'] as const) {
    app.get(`/${resource}/`, { config: pub, schema: { querystring } }, async (req, reply) => {
      const q = queryOf(req)
      const all = await terms(resource)
      const matching = sortTerms(q.filter ? all.filter((t) => termMatches(q.filter!, t)) : all, q.order)
      const page = matching.slice((q.page - 1) * q.limit, q.page * q.limit)
      return send(req, reply, {
        [resource]: page.map((t) => termResource(resource, t.source, q)),
        meta: { pagination: ghostPagination(q.page, q.limit, matching.length) },
      }, [resource === 'tags' ? 'tags' : 'authors'])
    })
    const readOne = async (req: FastifyRequest, reply: FastifyReply, match: (t: Term) => boolean) => {
      const q = queryOf(req)
      const found = (await terms(resource)).find(match)
      if (!found) return sendGhostError(reply, 404, `${resource === 'tags' ? 'Tag' : 'Author'} not found.`)
      return send(req, reply, { [resource]: [termResource(resource, found.source, q)] }, [`${found.source.kind}:${found.source.id}`])
    }
    app.get(`/${resource}/:id/`, { config: pub, schema: { params: idParams, querystring } }, async (req, reply) =>
      readOne(req, reply, (t) => t.id === (req.params as { id: string }).id))
    app.get(`/${resource}/slug/:slug/`, { config: pub, schema: { params: slugParams, querystring } }, async (req, reply) =>
      readOne(req, reply, (t) => t.slug === (req.params as { slug: string }).slug))
  }

  // ── settings ──

  app.get('/settings/', { config: pub, schema: { querystring } }, async (req, reply) => {
    const [settings, sections] = await Promise.all([getSettings(db, config), listSections(db)])
    return send(req, reply, { settings: ghostSettings(siteUrl, settings, sections), meta: {} }, ['settings'])
  })
}
