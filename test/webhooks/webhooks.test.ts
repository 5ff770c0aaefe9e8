import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { createStaff } from '../support/auth.js'
import { unpublishArticle } from '../../src/content/index.js'
import { moderateComments } from '../../src/comments/index.js'
import { createWebhook, isPrivateAddress, listDeliveries, queueEvent, verifySignature } from '../../src/webhooks/index.js'
import { webhookCommand } from '../../src/cli/webhook.js'
import { addComment } from '../api/support.js'
import { startReceiver } from './receiver.js'

const nowSeconds = (t: TestApp) => Math.floor(t.clock.now().getTime() / 1000)

describe.each(testDialects())('%s: webhooks', (dialect) => {
  let t: TestApp
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { WEBHOOK_ALLOW_PRIVATE: 'on' } })
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver.close()
    await t.close()
  })
  afterEach(async () => {
    await t.services.db.deleteFrom('webhook').execute()
    receiver.received.length = 0
  })

  it('sends a signed JSON POST when an article is published, that the secret verifies', async () => {
    const { secret } = await createWebhook(t.services, null, { url: receiver.url, events: ['article.published'] })
    expect(secret).toMatch(/^whsec_[\w-]{40,}$/)
    const { id } = await createArticle(t.services, { slug: 'tram-line-opens', headline: 'Tram line opens' })
    // The publish also queues related news, a job of its own; the delivery is the other one.
    expect(await t.services.jobs.tick()).toMatchObject({ done: 2, failed: 0 })
    expect(receiver.received).toHaveLength(1)
    const [delivery] = receiver.received
    expect(delivery!.headers['content-type']).toBe('application/json')
    expect(delivery!.headers['x-dateline-event']).toBe('article.published')
    const signature = String(delivery!.headers['x-dateline-signature'])
    expect(signature).toMatch(new RegExp(`^t=${nowSeconds(t)},v1=[0-9a-f]{64}$`))
    expect(verifySignature(secret, signature, delivery!.body, nowSeconds(t))).toBe(true)
    expect(verifySignature(secret, signature, `${delivery!.body} `, nowSeconds(t))).toBe(false)
    expect(verifySignature('whsec_other', signature, delivery!.body, nowSeconds(t))).toBe(false)
    const body = JSON.parse(delivery!.body)
    expect(body).toMatchObject({
      event: 'article.published', created_at: t.clock.now().toISOString(),
      data: { article: { id, slug: 'tram-line-opens', headline: 'Tram line opens', url: 'https://news.example.test/news/tram-line-opens/' } },
    })
  })

  it('sends only the events a webhook asked for', async () => {
    await createWebhook(t.services, null, { url: receiver.url, events: ['article.unpublished'] })
    const { id } = await createArticle(t.services)
    await t.services.jobs.tick()
    expect(receiver.received).toHaveLength(0)
    const admin = await createStaff(t.services, { role: 'administrator' })
    await unpublishArticle(t.services, admin, id)
    await t.services.jobs.tick()
    expect(receiver.received.map((r) => JSON.parse(r.body).event)).toEqual(['article.unpublished'])
  })

  it('says nothing of an article whose publication time is still to come', async () => {
    await createWebhook(t.services, null, { url: receiver.url, events: ['article.published'] })
    await createArticle(t.services, { slug: 'embargoed-until-tomorrow', status: 'published', publishedAt: new Date('2026-11-26T06:00:00Z') })
    await t.services.jobs.tick()
    expect(receiver.received).toHaveLength(0)
  })

  it('retries a delivery answered with 500, waiting longer each time, and logs every attempt', async () => {
    const { webhook } = await createWebhook(t.services, null, { url: receiver.url, events: ['article.published'] })
    receiver.answer(500, 500)
    await createArticle(t.services)
    expect(await t.services.jobs.tick()).toMatchObject({ retried: 1 })
    let [log] = await listDeliveries(t.services.db, webhook.id)
    expect(log).toMatchObject({ status: 'retrying', attempts: 1, responseStatus: 500, lastError: 'answered 500' })
    // Not before its time: the first wait is 30 s.
    t.clock.advance(29_000)
    expect(await t.services.jobs.tick()).toMatchObject({ done: 0, retried: 0 })
    t.clock.advance(1_000)
    expect(await t.services.jobs.tick()).toMatchObject({ retried: 1 })
    // The second wait is longer: a minute.
    t.clock.advance(59_000)
    expect(await t.services.jobs.tick()).toMatchObject({ done: 0, retried: 0 })
    t.clock.advance(1_000)
    expect(await t.services.jobs.tick()).toMatchObject({ done: 1 })
    ;[log] = await listDeliveries(t.services.db, webhook.id)
    expect(log).toMatchObject({ status: 'delivered', attempts: 3, responseStatus: 200, lastError: '' })
    expect(receiver.received).toHaveLength(3)
    // Every attempt is signed afresh with its own time, over the same body.
    const times = receiver.received.map((r) => String(r.headers['x-dateline-signature']).split(',')[0])
    expect(new Set(times).size).toBe(3)
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1)
  })

  it('tells of approved and held comments without the commenter\'s email', async () => {
    await createWebhook(t.services, null, { url: receiver.url, events: ['comment.approved', 'comment.held'] })
    const { id } = await createArticle(t.services, { slug: 'comments-story' })
    const commentId = await addComment(t.services, id, { status: 'pending', name: 'Careful Reader', email: 'careful.reader@example.org' })
    await moderateComments(t.services, [commentId], 'approve', 'test')
    await moderateComments(t.services, [commentId], 'unapprove', 'test')
    await t.services.jobs.tick()
    expect(receiver.received.map((r) => JSON.parse(r.body).event).sort()).toEqual(['comment.approved', 'comment.held'])
    for (const r of receiver.received) {
      expect(r.body).not.toContain('careful.reader')
      expect(r.body).not.toContain('@example.org')
      expect(r.body).not.toContain('hash')
      expect(JSON.parse(r.body).data.comment).toMatchObject({ id: commentId, author_name: 'Careful Reader' })
    }
  })

  it('adds, lists, tests and removes webhooks from the command line; the secret is the last line', async () => {
    const out: string[] = []
    const err: string[] = []
    expect(await webhookCommand(t.services, ['add', '--url', receiver.url, '--events', 'article.published,comment.held'], (l) => out.push(l), (l) => err.push(l))).toBe(0)
    expect(out.at(-1)).toMatch(/^whsec_/)
    const id = Number(/Added webhook (\d+)/.exec(out[0]!)![1])
    out.length = 0
    expect(await webhookCommand(t.services, ['test', String(id)], (l) => out.push(l), (l) => err.push(l))).toBe(0)
    expect(out).toEqual(['Delivered: HTTP 200.'])
    expect(JSON.parse(receiver.received[0]!.body).event).toBe('ping')
    out.length = 0
    await webhookCommand(t.services, ['list'], (l) => out.push(l))
    expect(out[0]).toContain(`${id}  ${receiver.url}  article.published,comment.held  last: ping delivered after 1 attempt(s) (HTTP 200)`)
    expect(await webhookCommand(t.services, ['add', '--url', receiver.url, '--events', 'article.eaten'], () => {}, (l) => err.push(l))).toBe(2)
    expect(err.at(-1)).toContain('Unknown event: article.eaten')
    expect(await webhookCommand(t.services, ['remove', String(id)], (l) => out.push(l))).toBe(0)
    expect(await webhookCommand(t.services, ['remove', String(id)], () => {}, (l) => err.push(l))).toBe(1)
  })
})

describe('webhook addresses', () => {
  let t: TestApp
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    t = await buildTestApp()
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver.close()
    await t.close()
  })

  it('knows loopback, private, link-local and metadata addresses, in IPv4 and IPv6', () => {
    for (const a of ['127.0.0.1', '127.8.9.10', '0.0.0.0', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1',
      '::1', '::', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'not an address']) {
      expect(isPrivateAddress(a), a).toBe(true)
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '2a00:1450:4001::200e']) expect(isPrivateAddress(a), a).toBe(false)
  })

  it('refuses to register private addresses without WEBHOOK_ALLOW_PRIVATE, names that resolve to them included', async () => {
    for (const url of [receiver.url, 'http://localhost:9/x', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://0.0.0.0/x', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/x']) {
      await expect(createWebhook(t.services, null, { url, events: ['article.published'] }), url).rejects.toMatchObject({ code: 'VALIDATION' })
    }
    await expect(createWebhook(t.services, null, { url: 'ftp://example.com/x', events: ['article.published'] })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses at delivery time too, and the receiver never hears of it', async () => {
    // As if registered elsewhere, or before the address turned private: the check runs again on every attempt.
    const row = await t.services.db.insertInto('webhook').values({
      url: receiver.url, events: 'article.published', secret: 'whsec_x', description: '', created_by: null, created_at: t.clock.now().toISOString(),
    }).returning('id').executeTakeFirstOrThrow()
    await queueEvent(t.services, 'article.published', { article: { id: 1 } })
    expect(await t.services.jobs.tick()).toMatchObject({ retried: 1 })
    const [log] = await listDeliveries(t.services.db, row.id)
    expect(log).toMatchObject({ status: 'retrying', responseStatus: null })
    expect(log!.lastError).toContain('loopback, private or link-local')
    expect(receiver.received).toHaveLength(0)
  })
})
