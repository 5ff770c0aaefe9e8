import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { signInAs, type StaffSession } from '../support/auth.js'
import { startReceiver } from '../webhooks/receiver.js'

const origin = 'https://news.example.test'

function post(session: StaffSession, url: string, fields: [string, string][], csrf = session.csrf) {
  return { method: 'POST' as const, url, headers: { cookie: session.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams([['_csrf', csrf], ...fields]).toString() }
}

describe.each(testDialects())('%s: newsroom webhooks page', (dialect) => {
  let t: TestApp
  let admin: StaffSession
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { WEBHOOK_ALLOW_PRIVATE: 'on' } })
    admin = await signInAs(t, 'administrator')
    receiver = await startReceiver()
  })
  afterAll(async () => {
    await receiver.close()
    await t.close()
  })

  it('is for administrators only', async () => {
    const editor = await signInAs(t, 'editor')
    expect((await t.app.inject({ url: '/newsroom/webhooks', headers: { cookie: editor.cookie } })).statusCode).toBe(403)
    expect((await t.app.inject(post(editor, '/newsroom/webhooks', [['url', receiver.url], ['events', 'article.published']]))).statusCode).toBe(403)
    const stranger = await t.app.inject({ url: '/newsroom/webhooks' })
    expect(stranger.statusCode).toBe(303)
  })

  it('adds a webhook, shows its secret once, tests it and shows the delivery log, then removes it', async () => {
    const added = await t.app.inject(post(admin, '/newsroom/webhooks', [['url', receiver.url], ['events', 'article.published'], ['events', 'comment.held'], ['description', 'Partner feed']]))
    expect(added.statusCode).toBe(201)
    const secret = /id="webhook-secret">(whsec_[\w-]+)</.exec(added.body)?.[1]
    expect(secret).toBeDefined()
    const page = await t.app.inject({ url: '/newsroom/webhooks', headers: { cookie: admin.cookie } })
    expect(page.body).toContain(receiver.url)
    expect(page.body).toContain('Partner feed')
    expect(page.body).not.toContain(secret!)
    const id = /\/newsroom\/webhooks\/(\d+)\/test/.exec(page.body)![1]
    const tested = await t.app.inject(post(admin, `/newsroom/webhooks/${id}/test`, []))
    expect(tested.headers.location).toBe('/newsroom/webhooks?done=test-ok')
    expect(receiver.received).toHaveLength(1)
    const log = await t.app.inject({ url: '/newsroom/webhooks?done=test-ok', headers: { cookie: admin.cookie } })
    expect(log.body).toContain('Test delivered')
    expect(log.body).toMatch(/<td class="nr-mono">ping<\/td><td>Delivered<\/td><td>1<\/td><td>200<\/td>/)
    const removed = await t.app.inject(post(admin, `/newsroom/webhooks/${id}/remove`, []))
    expect(removed.headers.location).toBe('/newsroom/webhooks?done=removed')
    expect((await t.app.inject({ url: '/newsroom/webhooks', headers: { cookie: admin.cookie } })).body).not.toContain(receiver.url)
  })

  it('refuses a forged form and explains bad input next to the fields', async () => {
    expect((await t.app.inject(post(admin, '/newsroom/webhooks', [['url', receiver.url], ['events', 'article.published']], 'forged'))).statusCode).toBe(403)
    const bad = await t.app.inject(post(admin, '/newsroom/webhooks', [['url', 'not a url'], ['description', 'x'.repeat(300)]]))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The address is not a URL')
    expect(bad.body).toContain('Choose at least one event')
    expect(bad.body).toContain('The description may be at most 200 characters')
  })
})

describe('newsroom webhooks page without WEBHOOK_ALLOW_PRIVATE', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp() })
  afterAll(() => t.close())

  it('refuses an address on this machine with a clear message', async () => {
    const admin = await signInAs(t, 'administrator')
    const res = await t.app.inject(post(admin, '/newsroom/webhooks', [['url', 'http://127.0.0.1:8080/hook'], ['events', 'article.published']]))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Refused: 127.0.0.1 is a loopback, private or link-local address')
  })
})
