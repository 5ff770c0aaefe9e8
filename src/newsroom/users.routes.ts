// Users (administrators only): invite colleagues, change roles, deactivate and reactivate accounts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { wantsJson } from '../platform/http/index.js'
import { changeRole, inviteStaff, isRole, listOpenInvitations, listStaffUsers, revokeInvitation, setStaffActive } from '../identity/index.js'
import { currentStaff } from './session.js'
import type { Newsroom } from './newsroom.js'
import { UsersPage, type UsersView } from './users.page.js'

const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 } }, required: ['id'] } as const
const form = (properties: Record<string, object>) => ({ type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, ...properties } }) as const
const notices: Record<string, string> = {
  invited: 'Invitation sent.', revoked: 'Invitation withdrawn; its link no longer works.', role: 'Role changed.', deactivated: 'Account deactivated; its sessions have ended.', reactivated: 'Account reactivated.',
}

export async function usersRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const admin = { access: 'administrator' } as const

  const show = async (req: FastifyRequest, reply: FastifyReply, extra: Partial<UsersView> = {}, status = 200) => {
    const [users, invitations] = await Promise.all([listStaffUsers(deps.db), listOpenInvitations(deps)])
    const chrome = await newsroom.chrome(req, reply)
    return newsroom.send(reply, h(UsersPage, { chrome, users, invitations, ...extra }) as VNode, status)
  }

  app.get('/users', { config: admin, schema: { querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } }, async (req, reply) =>
    show(req, reply, { notice: notices[(req.query as { done?: string }).done ?? ''] }))

  app.post('/users/invite', { config: admin, schema: { body: form({ email: { type: 'string', maxLength: 1000 }, role: { type: 'string', maxLength: 30 } }) } }, async (req, reply) => {
    const body = (req.body ?? {}) as { email?: string; role?: string }
    const input = { email: body.email ?? '', role: body.role ?? '' }
    try {
      await inviteStaff(deps, currentStaff(req), input, (token) => `${deps.config.siteUrl}/newsroom/invitations/${token}`, req.ip)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      const issues: FieldIssue[] = [...err.issues]
      return show(req, reply, { invite: { email: input.email.slice(0, 254), role: input.role, issues } }, 400)
    }
    return reply.redirect('/newsroom/users?done=invited', 303)
  })

  app.post('/users/invitations/:id/revoke', { config: admin, schema: { params: idParams, body: form({}) } }, async (req, reply) => {
    await revokeInvitation(deps, currentStaff(req), (req.params as { id: number }).id, req.ip)
    return reply.redirect('/newsroom/users?done=revoked', 303)
  })

  app.post('/users/:id/role', { config: admin, schema: { params: idParams, body: form({ role: { type: 'string', maxLength: 30 } }) } }, async (req, reply) => {
    const role = (req.body as { role?: string } | undefined)?.role
    if (!isRole(role)) throw new DomainError('VALIDATION', 'Role must be contributor, author, editor or administrator')
    await changeRole(deps, currentStaff(req), (req.params as { id: number }).id, role, req.ip)
    return reply.redirect('/newsroom/users?done=role', 303)
  })

  app.post('/users/:id/active', { config: admin, schema: { params: idParams, body: { ...form({ active: { type: 'string', enum: ['0', '1'] } }), required: ['active'] } } }, async (req, reply) => {
    const active = (req.body as { active?: string } | undefined)?.active === '1'
    await setStaffActive(deps, currentStaff(req), (req.params as { id: number }).id, active, req.ip)
    return reply.redirect(`/newsroom/users?done=${active ? 'reactivated' : 'deactivated'}`, 303)
  })
}
