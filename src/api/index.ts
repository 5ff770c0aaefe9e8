// The JSON surfaces for programs: Dateline's own read API under /api/v1/, the Ghost Content API (read) and the
// Admin API (write, with a key's role), each under its own prefix.
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { v1Plugin } from './v1/v1.plugin.js'
import { ghostRoutes } from './ghost/ghost.routes.js'
import { adminRoutes } from './admin/admin.routes.js'
import { keyedClientLimit, type ClientLimitFor } from './client-limit.js'
import { createKeyLookup } from './key-lookup.js'

export { authorizeApiKey } from './admin/api-key-auth.js'
export type { ClientLimit, ClientLimitFor } from './client-limit.js'
export { anonymousClientLimit, keyedClientLimit } from './client-limit.js'
export { createKeyLookup, type KeyLookup } from './key-lookup.js'

export interface ApiOptions {
  deps: Deps
  /**
   * Rate-limit bucket and allowance per request; defaults to API_RATE_LIMIT a minute per address, and
   * API_KEY_RATE_LIMIT a minute per key for a client sending a live key.
   */
  clientLimit?: ClientLimitFor | undefined
}

/**
 * Every API, each under its own prefix (the v1 read API with its own OpenAPI document).
 * @example await app.register(apiRoutes, { deps })   // GET /api/v1/articles, /api/v1/openapi.json, /ghost/api/content/posts/
 */
export async function apiRoutes(app: FastifyInstance, { deps, clientLimit }: ApiOptions) {
  // One memory of live keys for both read APIs, so a revocation is forgotten in one place.
  const keys = createKeyLookup(deps)
  const limit = clientLimit ?? keyedClientLimit(keys, { anonymous: deps.config.apiRateLimit, keyed: deps.config.apiKeyRateLimit })
  await app.register(v1Plugin, { prefix: '/api/v1', deps, clientLimit: limit })
  await app.register(ghostRoutes, { prefix: '/ghost/api/content', deps, keys })
  await app.register(adminRoutes, { prefix: '/api/v1/admin', deps })
}
