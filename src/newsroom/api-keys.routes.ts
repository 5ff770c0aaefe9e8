// API keys (administrators only): create one (shown once on the answer page), list, revoke.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError } from '../platform/errors.js'
import { wantsJson } from '../platform/http/index.js'
import { createApiKey, isRole, listApiKeys, revokeApiKey } from '../identity/index.js'
import { currentStaff } from './session.js'
import type { Newsroom } from './newsroom.js'
import { ApiKeysPage, type ApiKeysView } from './api-keys.page.js'

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 } } } as const
const createBody = {
  type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, name: { type: 'string', maxLength: 1000 }, type: { type: 'string', maxLength: 30 } },
} as const

export async function apiKeyRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const admin = { access: 'administrator' } as const

  const show = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<ApiKeysView> = {}, status = 200) => {
    const keys = await listApiKeys(deps.db)
    return newsroom.send(reply, h(ApiKeysPage, { chrome: await newsroom.chrome(req, reply), keys, ...extra }) as VNode, status)
  }

  app.get('/api-keys', { config: admin, schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } }, async (req, reply) =>
    show(req, reply, { notice: (req.query as { done?: string }).done === 'revoked' ? 'Key revoked: programs using it are refused from now on.' : undefined }))

  // The answer is the page itself, not a redirect: it is the one place the key is ever shown.
  app.post('/api-keys', { config: admin, schema: { body: createBody } }, async (req, reply) => {
    const body = (req.body ?? {}) as { name?: string; type?: string }
    const name = body.name ?? ''
    const type = body.type ?? 'content'
    const kind = type === 'content' ? 'content' : 'admin'
    try {
      if (kind === 'admin' && !isRole(type)) throw new DomainError('VALIDATION', 'Choose what the key may do', [{ field: 'type', message: 'Choose what the key may do' }])
      const created = await createApiKey(deps, currentStaff(req), { name, kind, role: kind === 'admin' ? type : null }, req.ip)
      return show(req, reply, { created })
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return show(req, reply, { form: { name: name.slice(0, 100), type, issues: err.issues } }, 400)
    }
  })

  app.post('/api-keys/:id/revoke', { config: admin, schema: { params: idParams } }, async (req, reply) => {
    await revokeApiKey(deps, currentStaff(req), (req.params as { id: number }).id, req.ip)
    return reply.redirect('/newsroom/api-keys?done=revoked', 303)
  })
}
