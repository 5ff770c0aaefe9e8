// Webhook and delivery-log queries; rows become domain objects here. The secret leaves only through findWebhookSecret.
import type { Db, WebhookDeliveryRow, WebhookRow } from '../platform/db/index.js'
import { isWebhookEvent, type Webhook, type WebhookDelivery, type WebhookEvent } from './webhook.js'

const publicColumns = ['id', 'url', 'events', 'description', 'created_at'] as const

function toWebhook(row: Pick<WebhookRow, (typeof publicColumns)[number]>): Webhook {
  return {
    id: row.id, url: row.url, description: row.description, createdAt: new Date(row.created_at),
    events: row.events.split(' ').filter(isWebhookEvent),
  }
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id, webhookId: row.webhook_id, event: row.event, status: row.status, attempts: Number(row.attempts),
    responseStatus: row.response_status, lastError: row.last_error, createdAt: new Date(row.created_at),
    lastAttemptAt: row.last_attempt_at ? new Date(row.last_attempt_at) : null,
  }
}

export async function listWebhooks(db: Db): Promise<Webhook[]> {
  return (await db.selectFrom('webhook').select(publicColumns).orderBy('id').execute()).map(toWebhook)
}

export async function findWebhook(db: Db, id: number): Promise<Webhook | undefined> {
  const row = await db.selectFrom('webhook').select(publicColumns).where('id', '=', id).executeTakeFirst()
  return row && toWebhook(row)
}

export async function countWebhooks(db: Db): Promise<number> {
  const row = await db.selectFrom('webhook').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertWebhook(db: Db, v: { url: string; events: WebhookEvent[]; secret: string; description: string; createdBy: number | null; at: Date }): Promise<number> {
  const row = await db.insertInto('webhook').values({
    url: v.url, events: v.events.join(' '), secret: v.secret, description: v.description, created_by: v.createdBy, created_at: v.at.toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('webhook').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

/** Webhooks that asked for this event, with what delivering to them needs. */
export async function webhooksFor(db: Db, event: string): Promise<{ id: number }[]> {
  const rows = await db.selectFrom('webhook').select(['id', 'events']).execute()
  return rows.filter((r) => r.events.split(' ').includes(event)).map((r) => ({ id: r.id }))
}

/** The webhook's address and secret, for signing a delivery. */
export async function findWebhookTarget(db: Db, id: number): Promise<{ url: string; secret: string } | undefined> {
  return db.selectFrom('webhook').select(['url', 'secret']).where('id', '=', id).executeTakeFirst()
}

export async function insertDelivery(db: Db, v: { webhookId: number; event: string; body: string; at: Date }): Promise<number> {
  const row = await db.insertInto('webhook_delivery').values({
    webhook_id: v.webhookId, event: v.event, body: v.body, status: 'pending', attempts: 0, response_status: null, last_error: '',
    created_at: v.at.toISOString(), last_attempt_at: null,
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findDeliveryRow(db: Db, id: number): Promise<WebhookDeliveryRow | undefined> {
  return db.selectFrom('webhook_delivery').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function recordAttempt(db: Db, id: number, v: Pick<WebhookDeliveryRow, 'status' | 'attempts' | 'response_status' | 'last_error'> & { at: Date }): Promise<void> {
  await db.updateTable('webhook_delivery').set({
    status: v.status, attempts: v.attempts, response_status: v.response_status, last_error: v.last_error.slice(0, 500), last_attempt_at: v.at.toISOString(),
  }).where('id', '=', id).execute()
}

/** A webhook's latest deliveries, newest first (the newsroom's delivery log). */
export async function listDeliveries(db: Db, webhookId: number, limit = 20): Promise<WebhookDelivery[]> {
  const rows = await db.selectFrom('webhook_delivery').selectAll().where('webhook_id', '=', webhookId).orderBy('id', 'desc').limit(limit).execute()
  return rows.map(toDelivery)
}
