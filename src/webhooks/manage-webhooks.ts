// What administrators do with webhooks (newsroom and command line): add one, remove it; each is audited.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../platform/deps.js'
import { notFound, validationError, DomainError, type FieldIssue } from '../platform/errors.js'
import { recordAudit, type AuditActor } from '../identity/index.js'
import { AddressRefused, checkWebhookAddress } from './address.js'
import { countWebhooks, deleteWebhook, findWebhook, insertWebhook } from './webhook.store.js'
import { isWebhookEvent, webhookLimits, type Webhook, type WebhookEvent } from './webhook.js'

export type WebhookDeps = Pick<Deps, 'db' | 'clock' | 'config'>

export interface WebhookInput {
  url?: unknown
  events?: unknown
  description?: unknown
}

/** Checks an address and events; the address must be http(s), without credentials, and resolve to public addresses. */
export async function checkWebhookInput(deps: Pick<Deps, 'config'>, input: WebhookInput): Promise<{ url: string; events: WebhookEvent[]; description: string }> {
  const issues: FieldIssue[] = []
  const raw = typeof input.url === 'string' ? input.url.trim() : ''
  let url: URL | undefined
  if (!raw) issues.push({ field: 'url', message: 'Give the address to send events to' })
  else if (raw.length > webhookLimits.url) issues.push({ field: 'url', message: `The address may be at most ${webhookLimits.url} characters` })
  else {
    try {
      url = new URL(raw)
    } catch {
      issues.push({ field: 'url', message: 'The address is not a URL' })
    }
    if (url && url.protocol !== 'https:' && url.protocol !== 'http:') issues.push({ field: 'url', message: 'The address must start with https:// or http://' })
    else if (url && (url.username || url.password)) issues.push({ field: 'url', message: 'Put no user name or password in the address: deliveries are signed instead' })
  }
  const list = (Array.isArray(input.events) ? input.events : typeof input.events === 'string' ? input.events.split(/[\s,]+/) : []).filter((e) => e !== '')
  const events = [...new Set(list)]
  if (events.length === 0) issues.push({ field: 'events', message: 'Choose at least one event' })
  const unknown = events.filter((e) => !isWebhookEvent(e))
  if (unknown.length) issues.push({ field: 'events', message: `Unknown event: ${unknown.map(String).join(', ').slice(0, 200)}` })
  const description = typeof input.description === 'string' ? input.description.trim() : ''
  if (description.length > webhookLimits.description) issues.push({ field: 'description', message: `The description may be at most ${webhookLimits.description} characters` })
  if (url && issues.length === 0) {
    try {
      await checkWebhookAddress(url, deps.config.webhookAllowPrivate)
    } catch (err) {
      if (!(err instanceof AddressRefused)) throw err
      issues.push({ field: 'url', message: `Refused: ${err.message}` })
    }
  }
  if (issues.length) throw validationError(issues)
  return { url: url!.toString(), events: events as WebhookEvent[], description }
}

/**
 * Registers a webhook; the secret that signs its deliveries is returned here once and never shown again.
 * @example const { webhook, secret } = await createWebhook(deps, admin, { url: 'https://hooks.example.com/dateline', events: ['article.published'] })
 */
export async function createWebhook(deps: WebhookDeps, actor: AuditActor | null, input: WebhookInput): Promise<{ webhook: Webhook; secret: string }> {
  const checked = await checkWebhookInput(deps, input)
  if (await countWebhooks(deps.db) >= webhookLimits.perSite) throw new DomainError('CONFLICT', `A site may have at most ${webhookLimits.perSite} webhooks`)
  const secret = `whsec_${randomBytes(32).toString('base64url')}`
  const now = deps.clock.now()
  const id = await deps.db.transaction().execute(async (trx) => {
    const created = await insertWebhook(trx, { ...checked, secret, createdBy: actor?.id ?? null, at: now })
    await recordAudit(trx, { at: now, actor, action: 'webhook.created', subject: `webhook:${created}`, detail: `${checked.url} (${checked.events.join(', ')})` })
    return created
  })
  return { webhook: (await findWebhook(deps.db, id))!, secret }
}

export async function removeWebhook(deps: WebhookDeps, actor: AuditActor | null, id: number): Promise<void> {
  const webhook = await findWebhook(deps.db, id)
  if (!webhook) throw notFound('Webhook')
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await deleteWebhook(trx, id)
    await recordAudit(trx, { at: now, actor, action: 'webhook.removed', subject: `webhook:${id}`, detail: webhook.url })
  })
}
