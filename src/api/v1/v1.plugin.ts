// /api/v1/: the read API with its OpenAPI 3.1 document (generated from the routes' schemas), reference page, CORS
// and per-client rate limit.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import swagger from '@fastify/swagger'
import rateLimit from '@fastify/rate-limit'
import type { Deps } from '../../platform/deps.js'
import { DomainError } from '../../platform/errors.js'
import { sendError } from '../../platform/http/index.js'
import type { ClientLimit, ClientLimitFor } from '../client-limit.js'
import { refSchemas } from './schemas.js'
import { corsHeaders, readRoutes } from './read.routes.js'
import { renderReference } from './reference.page.js'

const holdsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : Array.isArray(value) ? value.some(holdsNul)
    : value !== null && typeof value === 'object' ? Object.values(value).some(holdsNul) : false

export interface V1Options {
  deps: Deps
  clientLimit: ClientLimitFor
}

export async function v1Plugin(app: FastifyInstance, { deps, clientLimit }: V1Options) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `${deps.config.siteName} read API`, version: '1.0.0',
        description: 'Published articles, sections, topics, tags, authors, approved comments and search. Public: no key needed; '
          + 'a client sending an API key gets its own, larger rate limit.',
      },
      components: {
        securitySchemes: {
          contentKey: { type: 'apiKey', in: 'query', name: 'key', description: 'A content API key (26 hexadecimal characters).' },
          bearerKey: { type: 'http', scheme: 'bearer', description: 'A content or admin API key.' },
        },
      },
      // Anonymous, or either kind of key: a key raises the rate limit, and one that is not live is refused with 401.
      security: [{}, { contentKey: [] }, { bearerKey: [] }],
      servers: [{ url: deps.config.siteUrl }],
      tags: [{ name: 'Articles' }, { name: 'Comments' }, { name: 'Search' }, { name: 'Taxonomy' }, { name: 'Pages' }],
    },
    // Shared shapes keep their names in components.schemas instead of def-0, def-1 …
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })
  for (const schema of refSchemas) app.addSchema(schema)

  // Who the client is, decided once per request (the rate limit asks twice); kept for the routes' cache tags.
  const decided = new WeakMap<FastifyRequest, Promise<ClientLimit>>()
  const clientOf = new WeakMap<FastifyRequest, ClientLimit>()
  const decide = (req: FastifyRequest) => {
    let decision = decided.get(req)
    if (!decision) decided.set(req, (decision = Promise.resolve(clientLimit(req))))
    return decision
  }

  // After the rate limit has counted the request (so guessed keys spend the address's allowance), a key that is not
  // live is refused; PostgreSQL refuses text holding NUL, and no slug, word or cursor has one.
  app.addHook('preValidation', async (req) => {
    // A browser's preflight carries the address (and so ?key=) but is answered for any client.
    const client = req.method === 'OPTIONS' ? undefined : await decide(req)
    if (client?.refusal) throw new DomainError('UNAUTHENTICATED', client.refusal)
    if (client) clientOf.set(req, client)
    if (holdsNul(req.query) || holdsNul(req.params)) throw new DomainError('VALIDATION', 'Parameters may not contain NUL characters')
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(corsHeaders)
    return payload
  })

  if (deps.config.apiRateLimit > 0) {
    // Cached answers are written before routing and never reach this: the limit guards the database, not the cache.
    await app.register(rateLimit, {
      global: true,
      timeWindow: 60_000,
      keyGenerator: async (req) => (await decide(req)).key,
      max: async (req) => (await decide(req)).max,
      errorResponseBuilder: (_req, context) => Object.assign(
        new DomainError('RATE_LIMITED', `Too many requests: at most ${context.max} a minute; try again in ${Math.ceil(context.ttl / 1000)} s`),
        { statusCode: 429 },
      ),
    })
  }

  // Preflight for scripts on other sites that send headers such as If-None-Match.
  app.options('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => reply.code(204).headers({
    'access-control-allow-methods': 'GET, HEAD, OPTIONS',
    'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? 'accept, if-none-match, authorization').slice(0, 500),
    'access-control-max-age': '86400',
    'cache-control': 'public, max-age=86400',
  }).send())

  // An answer given for a key (cached under its ?key= address) is purged when that key is revoked, as on the Ghost API.
  await app.register(readRoutes, { deps, tagsOf: (req: FastifyRequest) => {
    const apiKey = clientOf.get(req)?.apiKey
    return apiKey ? [`api-key:${apiKey.id}`] : []
  } })

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(JSON.stringify(app.swagger())))

  app.get('/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('text/html; charset=utf-8').send(renderReference(app.swagger() as never)))

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new DomainError('NOT_FOUND', 'There is no API route at this address; see /api/v1/docs'), () => ''))
}
