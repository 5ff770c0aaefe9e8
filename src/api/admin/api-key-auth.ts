// Who is calling the Admin API: an admin key in `Authorization: Bearer …`, and nothing else (never a cookie, so a
// signed-in browser tricked into a cross-site request authenticates nothing here and CSRF has nothing to forge).
import type { FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.js'
import { DomainError } from '../../platform/errors.js'
import { findAdminKey, type ApiKey } from '../../identity/index.js'

const keyOf = new WeakMap<FastifyRequest, ApiKey>()

/** The access check for routes declared `access: 'api-key'`; the app wires it beside the newsroom's session check. */
export async function authorizeApiKey(deps: Pick<Deps, 'db'>, req: FastifyRequest): Promise<void> {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null
  if (!match) throw new DomainError('UNAUTHENTICATED', 'Send an Admin API key: Authorization: Bearer <key>')
  const key = await findAdminKey(deps.db, match[1]!)
  if (!key) throw new DomainError('UNAUTHENTICATED', 'This API key is not known or has been revoked')
  keyOf.set(req, key)
}

/** The admin key of a request that passed {@link authorizeApiKey}. */
export function currentApiKey(req: FastifyRequest): ApiKey {
  const key = keyOf.get(req)
  if (!key) throw new DomainError('UNAUTHENTICATED', 'Send an Admin API key: Authorization: Bearer <key>')
  return key
}
