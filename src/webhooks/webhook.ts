// Webhooks as the rest of the code sees them, and their pure rules: which events exist, how a delivery is signed.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const webhookEvents = ['article.published', 'article.updated', 'article.unpublished', 'comment.approved', 'comment.held'] as const
export type WebhookEvent = (typeof webhookEvents)[number]

export const isWebhookEvent = (value: unknown): value is WebhookEvent => webhookEvents.includes(value as WebhookEvent)

export const webhookLimits = { url: 2000, description: 200, perSite: 50 } as const

export interface Webhook {
  id: number
  url: string
  events: WebhookEvent[]
  description: string
  createdAt: Date
}

export interface WebhookDelivery {
  id: number
  webhookId: number
  event: string
  status: 'pending' | 'delivered' | 'retrying' | 'failed'
  attempts: number
  responseStatus: number | null
  lastError: string
  createdAt: Date
  lastAttemptAt: Date | null
}

/** Attempts before a delivery is given up (the job runner's own limit, which retries with growing waits). */
export const maxDeliveryAttempts = 5

export const signatureHeader = 'X-Dateline-Signature'

/**
 * The signature header for a body sent at `unixSeconds`: `t=<time>,v1=<hex HMAC-SHA256 of "t.body">`. The time is
 * inside what is signed, so a receiver can refuse an old delivery replayed later.
 * @example signatureFor('whsec_…', 1796400000, '{"event":"ping"}') // 't=1796400000,v1=5e1c…'
 */
export function signatureFor(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

/**
 * What a receiver does with the header (given here for tests and for anyone writing one in Node): recompute and
 * compare in constant time, and refuse times further than `toleranceSeconds` from now.
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || typeof parts.v1 !== 'string') return false
  const expected = Buffer.from(signatureFor(secret, t, body).split('v1=')[1]!, 'hex')
  const sent = Buffer.from(parts.v1, 'hex')
  return sent.length === expected.length && timingSafeEqual(sent, expected)
}
