// Sending events to webhooks: domain events become signed JSON deliveries, queued durably and retried with growing waits.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { Deps } from '../platform/deps.js'
import type { DomainEvent, Events } from '../platform/events.js'
import { enqueueJob, type JobRunner } from '../platform/jobs/index.js'
import { findArticleById } from '../content/index.js'
import { articleForComments, findPublicComment } from '../comments/index.js'
import { checkWebhookAddress, guardedLookup } from './address.js'
import { findDeliveryRow, findWebhookTarget, insertDelivery, recordAttempt, webhooksFor } from './webhook.store.js'
import { isWebhookEvent, maxDeliveryAttempts, signatureFor, signatureHeader, type WebhookDelivery } from './webhook.js'
import { listDeliveries } from './webhook.store.js'

export type DeliveryDeps = Pick<Deps, 'db' | 'clock' | 'config' | 'log'>

export const deliveryJobKind = 'webhook-delivery'

/** How long a receiver may take to accept the connection, and to answer at all. */
const connectTimeoutMs = 5_000
const answerTimeoutMs = 15_000

/**
 * POSTs a body and resolves with the HTTP status. Redirects are not followed (a 3xx is a failed delivery), so a
 * receiver cannot bounce a delivery onto an address it was not registered with.
 */
function post(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean): Promise<number> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'POST', agent: false, timeout: connectTimeoutMs, signal: AbortSignal.timeout(answerTimeoutMs), lookup: guardedLookup(allowPrivate),
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Dateline-Webhooks/1', ...headers },
    }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('timeout', () => req.destroy(new Error(`no connection within ${connectTimeoutMs / 1000} s`)))
    req.on('error', reject)
    req.end(body)
  })
}

/**
 * One attempt at one delivery: signs the stored body with the current time, posts it, and records the outcome.
 * Throws when it did not get a 2xx, so the job runner tries again later (30 s, 1 min, 2 min, …).
 */
export async function attemptDelivery(deps: DeliveryDeps, deliveryId: number, attempt: number, last = attempt >= maxDeliveryAttempts): Promise<void> {
  const delivery = await findDeliveryRow(deps.db, deliveryId)
  if (!delivery || delivery.status === 'delivered') return
  // A webhook removed meanwhile takes its deliveries with it (cascade): nothing left to do.
  const target = await findWebhookTarget(deps.db, delivery.webhook_id)
  if (!target) return
  const now = deps.clock.now()
  const record = (status: 'delivered' | 'retrying' | 'failed', responseStatus: number | null, error: string) =>
    recordAttempt(deps.db, deliveryId, { status, attempts: attempt, response_status: responseStatus, last_error: error, at: now })
  const giveUp = last
  let status: number
  try {
    const url = new URL(target.url)
    // A literal IP address skips the lookup below, so it is checked here; a name is checked as it is connected to.
    await checkWebhookAddress(url, deps.config.webhookAllowPrivate)
    status = await post(url, delivery.body, {
      [signatureHeader]: signatureFor(target.secret, Math.floor(now.getTime() / 1000), delivery.body),
      'X-Dateline-Event': delivery.event,
      'X-Dateline-Delivery': String(delivery.id),
    }, deps.config.webhookAllowPrivate)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    await record(giveUp ? 'failed' : 'retrying', null, message)
    throw new Error(`webhook delivery ${deliveryId}: ${message}`)
  }
  if (status >= 200 && status < 300) return record('delivered', status, '')
  await record(giveUp ? 'failed' : 'retrying', status, `answered ${status}`)
  throw new Error(`webhook delivery ${deliveryId}: answered ${status}`)
}

/** Writes a delivery for each webhook that asked for `event` and queues it; the body is fixed now, retries resend it. */
export async function queueEvent(deps: Pick<Deps, 'db' | 'clock'>, event: string, data: object, webhookIds?: number[]): Promise<number[]> {
  const targets = webhookIds ? webhookIds.map((id) => ({ id })) : await webhooksFor(deps.db, event)
  if (targets.length === 0) return []
  const now = deps.clock.now()
  const body = JSON.stringify({ event, created_at: now.toISOString(), data })
  const ids: number[] = []
  for (const target of targets) {
    const id = await insertDelivery(deps.db, { webhookId: target.id, event, body, at: now })
    await enqueueJob(deps.db, { kind: deliveryJobKind, payload: { deliveryId: id }, runAt: now }, now)
    ids.push(id)
  }
  return ids
}

/**
 * Sends a `ping` to one webhook now, once (no retries), and returns what happened: the newsroom's and the
 * command line's "test" button.
 */
export async function sendTestDelivery(deps: DeliveryDeps, webhookId: number): Promise<WebhookDelivery> {
  const now = deps.clock.now()
  const body = JSON.stringify({ event: 'ping', created_at: now.toISOString(), data: { message: 'A test delivery from Dateline.' } })
  const id = await insertDelivery(deps.db, { webhookId, event: 'ping', body, at: now })
  await attemptDelivery(deps, id, 1, true).catch(() => {})
  return (await listDeliveries(deps.db, webhookId, 50)).find((d) => d.id === id)!
}

const articleUrl = (siteUrl: string, path: string) => `${siteUrl}${path}`

/**
 * What a webhook is told about an article: public fields only, as readers see them; nothing (no delivery) for an
 * article "published" with a time still to come, as an import can write: it is not public yet.
 */
async function articleData(deps: DeliveryDeps, articleId: number, type: string) {
  const a = await findArticleById(deps.db, articleId)
  if (!a) return { article: { id: articleId } }
  const visible = a.status === 'published' && a.publishedAt !== null && a.publishedAt <= deps.clock.now()
  if (type !== 'article.unpublished' && !visible) return undefined
  return {
    article: {
      id: a.id, slug: a.slug, url: articleUrl(deps.config.siteUrl, a.path), headline: a.headline, standfirst: a.standfirst, status: a.status,
      section: { slug: a.section.slug, name: a.section.name }, authors: a.authors.map((x) => ({ slug: x.slug, name: x.name })),
      published_at: a.publishedAt?.toISOString() ?? null, updated_at: a.updatedAt?.toISOString() ?? null,
    },
  }
}

/** What a webhook is told about a comment: the public shape (which has no email field) and its article. */
async function commentData(deps: DeliveryDeps, articleId: number, commentId: number, status: 'approved' | 'pending') {
  const [comment, article] = await Promise.all([findPublicComment(deps.db, commentId), articleForComments(deps.db, articleId)])
  return {
    comment: comment && {
      id: comment.id, parent_id: comment.parentId, depth: comment.depth, author_name: comment.authorName, author_website: comment.authorWebsite,
      body_html: comment.bodyHtml, staff: comment.staff, status, created_at: comment.createdAt.toISOString(),
    },
    article: article && { id: article.id, headline: article.headline, url: articleUrl(deps.config.siteUrl, article.path) },
  }
}

async function onEvent(deps: DeliveryDeps, event: DomainEvent): Promise<void> {
  if (!isWebhookEvent(event.type)) return
  // Most sites have no webhook for most events: ask before building anything.
  const targets = await webhooksFor(deps.db, event.type)
  if (targets.length === 0) return
  const ids = targets.map((t) => t.id)
  switch (event.type) {
    case 'article.published':
    case 'article.updated':
    case 'article.unpublished': {
      const data = await articleData(deps, event.articleId, event.type)
      if (data) await queueEvent(deps, event.type, data, ids)
      return
    }
    case 'comment.approved':
    case 'comment.held':
      await queueEvent(deps, event.type, await commentData(deps, event.articleId, event.commentId, event.type === 'comment.approved' ? 'approved' : 'pending'), ids)
  }
}

/**
 * Wires webhooks into a process: the delivery job's handler on its runner, and a listener turning domain events
 * into queued deliveries. Once per process (the server and every CLI command that changes content).
 * @example registerWebhooks(runner, events, deps)
 */
export function registerWebhooks(runner: Pick<JobRunner, 'register'>, events: Events, deps: DeliveryDeps): void {
  runner.register(deliveryJobKind, async (payload, job) => {
    const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId
    if (typeof deliveryId !== 'number') throw new Error('webhook-delivery job without a delivery id')
    await attemptDelivery(deps, deliveryId, job.attempts)
  })
  events.on((event) => onEvent(deps, event))
}
