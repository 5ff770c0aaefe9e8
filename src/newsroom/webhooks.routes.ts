// Webhooks in the newsroom (administrators): list with delivery logs, add (secret shown once), test, remove.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { statusFor, wantsJson } from '../platform/http/index.js'
import { createWebhook, findWebhook, listDeliveries, listWebhooks, removeWebhook, sendTestDelivery, webhookLimits, type Webhook } from '../webhooks/index.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { WebhooksPage, type WebhookForm } from './webhooks.page.js'

const notices: Record<string, string> = {
  removed: 'Webhook removed.', 'test-ok': 'Test delivered: see the log below.', 'test-failed': 'The test was not delivered: see the log below.',
}
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const
const webhookBody = {
  type: 'object',
  properties: {
    url: { type: 'string', maxLength: webhookLimits.url + 100 },
    events: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 100 } }] },
    description: { type: 'string', maxLength: webhookLimits.description * 2 },
    _csrf: { type: 'string', maxLength: 200 },
  },
} as const

function formOf(body: unknown): WebhookForm {
  const b = (body ?? {}) as { url?: string; events?: string | string[]; description?: string }
  return { url: b.url ?? '', events: b.events === undefined ? [] : Array.isArray(b.events) ? b.events : [b.events], description: b.description ?? '' }
}

export async function webhookRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const access = { access: 'administrator' } as const

  const show = async (req: FastifyRequest, reply: FastifyReply, extra: {
    notice?: string | undefined; create?: { form: WebhookForm; issues: readonly FieldIssue[] }; created?: { webhook: Webhook; secret: string }; status?: number
  } = {}) => {
    const hooks = await listWebhooks(deps.db)
    const webhooks = await Promise.all(hooks.map(async (webhook) => ({ webhook, deliveries: await listDeliveries(deps.db, webhook.id, 10) })))
    return newsroom.send(reply, h(WebhooksPage, { chrome: await newsroom.chrome(req, reply), webhooks, ...extra }) as VNode, extra.status)
  }

  app.get('/webhooks', { config: access, schema: { querystring: doneQuery } }, async (req, reply) => {
    if (wantsJson(req)) return reply.send({ items: await listWebhooks(deps.db) })
    return show(req, reply, { notice: notices[(req.query as { done?: string }).done ?? ''] })
  })

  app.post('/webhooks', { config: access, schema: { body: webhookBody } }, async (req, reply) => {
    const form = formOf(req.body)
    try {
      const created = await createWebhook(deps, currentStaff(req), form)
      if (wantsJson(req)) return reply.code(201).send({ ...created.webhook, secret: created.secret })
      // Answered here rather than redirected, so the secret never travels in a URL or survives a reload.
      return show(req, reply, { created, status: 201 })
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return show(req, reply, { create: { form, issues: err.issues }, status: statusFor.VALIDATION })
    }
  })

  app.post('/webhooks/:id/test', { config: access, schema: { params: idParams } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    if (!(await findWebhook(deps.db, id))) throw new DomainError('NOT_FOUND', 'Webhook not found')
    const delivery = await sendTestDelivery(deps, id)
    if (wantsJson(req)) return reply.send(delivery)
    return reply.redirect(`/newsroom/webhooks?done=${delivery.status === 'delivered' ? 'test-ok' : 'test-failed'}`, 303)
  })

  app.post('/webhooks/:id/remove', { config: access, schema: { params: idParams } }, async (req, reply) => {
    await removeWebhook(deps, currentStaff(req), Number((req.params as { id: string }).id))
    if (wantsJson(req)) return reply.code(204).send()
    return reply.redirect('/newsroom/webhooks?done=removed', 303)
  })
}
