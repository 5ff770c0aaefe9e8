// The API surface: Dateline's own read API under /api/v1/ (and the Ghost-compatible and admin APIs beside it).
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { v1Plugin } from './v1/v1.plugin.js'
import { anonymousClientLimit, type ClientLimitFor } from './client-limit.js'

export type { ClientLimit, ClientLimitFor } from './client-limit.js'
export { anonymousClientLimit } from './client-limit.js'

export interface ApiOptions {
  deps: Deps
  /** Rate-limit bucket and allowance per request; defaults to API_RATE_LIMIT a minute per address. */
  clientLimit?: ClientLimitFor | undefined
}

/**
 * Every API, each under its own prefix with its own OpenAPI document.
 * @example await app.register(apiRoutes, { deps })   // GET /api/v1/articles, /api/v1/openapi.json, /api/v1/docs
 */
export async function apiRoutes(app: FastifyInstance, { deps, clientLimit }: ApiOptions) {
  const limit = clientLimit ?? anonymousClientLimit(deps.config.apiRateLimit)
  await app.register(v1Plugin, { prefix: '/api/v1', deps, clientLimit: limit })
}
