// Audit log (administrators only), paginated.
import type { FastifyInstance } from 'fastify'
import { h, type VNode } from 'preact'
import { pageNumber } from '../platform/http/index.js'
import { listAudit } from '../identity/index.js'
import type { Newsroom } from './newsroom.js'
import { AuditPage, auditFilters } from './audit.page.js'

export async function auditRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const query = { type: 'object', properties: { page: { type: 'string', maxLength: 6 }, action: { type: 'string', maxLength: 30 } } } as const

  app.get('/audit', { config: { access: 'administrator' }, schema: { querystring: query } }, async (req, reply) => {
    const q = req.query as { page?: string; action?: string }
    const action = auditFilters.some((f) => f.value === q.action) ? q.action ?? '' : ''
    const result = await listAudit(deps.db, { page: pageNumber(q.page), perPage: 50, action: action || undefined })
    const chrome = await newsroom.chrome(req, reply)
    return newsroom.send(reply, h(AuditPage, { chrome, ...result, action }) as VNode)
  })
}
