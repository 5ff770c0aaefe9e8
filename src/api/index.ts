// The JSON surfaces for programs: the Ghost Content API (read) and the Admin API (write, with a key's role).
import type { FastifyInstance } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { ghostRoutes } from './ghost/ghost.routes.js'
import { adminRoutes } from './admin/admin.routes.js'

export { authorizeApiKey } from './admin/api-key-auth.js'

export async function apiRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  await app.register(ghostRoutes, { prefix: '/ghost/api/content', deps })
  await app.register(adminRoutes, { prefix: '/api/v1/admin', deps })
}
