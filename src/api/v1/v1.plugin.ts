// /api/v1/: the read API with its OpenAPI 3.1 document (generated from the routes' schemas), reference page, CORS
// and per-client rate limit.
import type { FastifyInstance } from 'fastify'
import swagger from '@fastify/swagger'
import rateLimit from '@fastify/rate-limit'
import type { Deps } from '../../platform/deps.js'
import { DomainError } from '../../platform/errors.js'
import { sendError } from '../../platform/http/index.js'
import type { ClientLimitFor } from '../client-limit.js'
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
        description: 'Published articles, sections, topics, tags, authors, approved comments and search. Public: no key needed.',
      },
      servers: [{ url: deps.config.siteUrl }],
      tags: [{ name: 'Articles' }, { name: 'Comments' }, { name: 'Search' }, { name: 'Taxonomy' }, { name: 'Pages' }],
    },
    // Shared shapes keep their names in components.schemas instead of def-0, def-1 …
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  })
  for (const schema of refSchemas) app.addSchema(schema)

  // PostgreSQL refuses text holding NUL; no slug, word or cursor has one, so say so before any query is built.
  app.addHook('preValidation', async (req) => {
    if (holdsNul(req.query) || holdsNul(req.params)) throw new DomainError('VALIDATION', 'Parameters may not contain NUL characters')
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(corsHeaders)
    return payload
  })

  if (deps.config.apiRateLimit > 0) {
    // Cached answers are written before routing and never reach this: the limit guards the database, not the cache.
    const decide = async (req: Parameters<ClientLimitFor>[0]) => clientLimit(req)
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

  await app.register(readRoutes, { deps })

  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(JSON.stringify(app.swagger())))

  app.get('/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('text/html; charset=utf-8').send(renderReference(app.swagger() as never)))

  app.setNotFoundHandler((req, reply) => sendError(req, reply, new DomainError('NOT_FOUND', 'There is no API route at this address; see /api/v1/docs'), () => ''))
}
