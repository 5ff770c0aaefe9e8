// The Admin API: a program with a key writes exactly as a person with the key's role could, and nothing else lets it in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { signInAs } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { tinyImage } from '../media/images.js'
import { createApiKey, listAudit, revokeApiKey, type Role } from '../../src/identity/index.js'
import { testDialects } from '../support/db.js'

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----dateline${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

describe.each(testDialects())('%s: Admin API', (dialect) => {
  let t: TestApp
  const keys = new Map<Role, string>()

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    for (const role of ['contributor', 'author', 'editor', 'administrator'] as const) {
      keys.set(role, (await createApiKey(t.services, null, { name: `${role} bot`, kind: 'admin', role })).secret)
    }
  })
  afterAll(async () => t?.close())

  const call = (role: Role | string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method, url: `/api/v1/admin${url}`, payload,
      headers: { authorization: `Bearer ${keys.get(role as Role) ?? role}`, ...headers },
    })

  it('creates and updates a draft, then an author key publishes it and the audit log names the key', async () => {
    const created = await call('author', 'POST', '/articles', { headline: 'Tram line opens', section: 'City', body: 'The first tram ran at dawn.', tags: ['Transport'] })
    expect(created.statusCode).toBe(201)
    const draft = created.json()
    expect(draft).toMatchObject({ status: 'draft', headline: 'Tram line opens', slug: 'tram-line-opens', section: 'City', tags: ['Transport'], revision: 1 })
    const updated = await call('author', 'PATCH', `/articles/${draft.id}`, { standfirst: 'Commuters cheered.' })
    expect(updated.json()).toMatchObject({ status: 'draft', standfirst: 'Commuters cheered.', body: 'The first tram ran at dawn.', revision: 2 })
    const published = await call('author', 'POST', `/articles/${draft.id}/publish`)
    expect(published.statusCode).toBe(200)
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: '2026-11-25T12:00:00.000Z', url: 'https://news.example.test/city/tram-line-opens/' })
    expect((await t.app.inject({ method: 'GET', url: '/city/tram-line-opens/' })).statusCode).toBe(200)
    const unpublished = await call('author', 'POST', `/articles/${draft.id}/unpublish`)
    expect(unpublished.json().status).toBe('unpublished')
    const { entries } = await listAudit(t.services.db, { action: 'article' })
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual(expect.arrayContaining([
      ['article.published', expect.stringMatching(/^API key “author bot” <api-key:\d+>$/)],
      ['article.unpublished', expect.stringMatching(/^API key “author bot”/)],
    ]))
  })

  it('holds a contributor key to what a contributor may do', async () => {
    const created = await call('contributor', 'POST', '/articles', { headline: 'Contributor copy', body: 'Text.' })
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect((await call('contributor', 'PATCH', `/articles/${id}`, { body: 'Better text.' })).statusCode).toBe(200)
    const publish = await call('contributor', 'POST', `/articles/${id}/publish`)
    expect(publish.statusCode).toBe(403)
    expect(publish.json().error.code).toBe('FORBIDDEN')
    // Someone else's article is not the key's to edit.
    const { id: other } = await createArticle(t.services, { headline: 'Someone else’s story', status: 'draft', publishedAt: undefined })
    expect((await call('contributor', 'PATCH', `/articles/${other}`, { body: 'Hijack' })).statusCode).toBe(403)
    expect((await call('author', 'POST', `/articles/${other}/publish`)).statusCode).toBe(403)
    // An editor may publish anyone's.
    expect((await call('editor', 'POST', `/articles/${id}/publish`)).json().status).toBe('published')
  })

  it('schedules for a time, and the job publishes it then', async () => {
    const { id } = (await call('editor', 'POST', '/articles', { headline: 'Budget day', body: 'Numbers.' })).json()
    const past = await call('editor', 'POST', `/articles/${id}/schedule`, { publishAt: '2026-11-25T11:00:00Z' })
    expect(past.statusCode).toBe(400)
    const scheduled = await call('editor', 'POST', `/articles/${id}/schedule`, { publishAt: '2026-11-26T06:00:00Z' })
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', publishedAt: '2026-11-26T06:00:00.000Z' })
    t.clock.set('2026-11-26T06:00:01Z')
    await t.services.jobs.tick()
    expect((await call('editor', 'GET', `/articles/${id}`)).json().status).toBe('published')
    t.clock.set('2026-11-25T12:00:00Z')
  })

  it('uploads an image to the media library and uses it as a featured image', async () => {
    const body = multipart({ alt: 'A tram at dawn', credit: 'Ana Lee' }, { name: 'tram.jpg', type: 'image/jpeg', bytes: await tinyImage('jpeg') })
    const res = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/media', payload: body.payload,
      headers: { authorization: `Bearer ${keys.get('contributor')}`, 'content-type': body.contentType },
    })
    expect(res.statusCode).toBe(201)
    const media = res.json()
    expect(media).toMatchObject({ alt: 'A tram at dawn', credit: 'Ana Lee', width: 400, height: 300 })
    expect(media.variants.length).toBeGreaterThan(0)
    const article = await call('contributor', 'POST', '/articles', { headline: 'With a picture', imageMediaId: media.id })
    expect(article.json()).toMatchObject({ imageMediaId: media.id, imageAlt: 'A tram at dawn' })
    const noAlt = multipart({}, { name: 'x.png', type: 'image/png', bytes: await tinyImage('png') })
    const refused = await t.app.inject({
      method: 'POST', url: '/api/v1/admin/media', payload: noAlt.payload,
      headers: { authorization: `Bearer ${keys.get('contributor')}`, 'content-type': noAlt.contentType },
    })
    expect(refused.statusCode).toBe(400)
  })

  it('makes a retried create safe with Idempotency-Key', async () => {
    const payload = { headline: 'Only once', body: 'Text.' }
    const first = await call('author', 'POST', '/articles', payload, { 'idempotency-key': 'retry-1' })
    const second = await call('author', 'POST', '/articles', payload, { 'idempotency-key': 'retry-1' })
    expect(first.statusCode).toBe(201)
    expect(second.statusCode).toBe(201)
    expect(second.headers['idempotent-replayed']).toBe('true')
    expect(second.body).toBe(first.body)
    const count = await t.services.db.selectFrom('article').select((eb) => eb.fn.countAll().as('n')).where('headline', '=', 'Only once').executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
    const different = await call('author', 'POST', '/articles', { ...payload, headline: 'Something else' }, { 'idempotency-key': 'retry-1' })
    expect(different.statusCode).toBe(409)
    // Another key's Idempotency-Key space is its own.
    expect((await call('editor', 'POST', '/articles', payload, { 'idempotency-key': 'retry-1' })).headers['idempotent-replayed']).toBeUndefined()
    // After a day the key may be used afresh.
    t.clock.advance(24 * 3_600_000 + 1000)
    expect((await call('author', 'POST', '/articles', payload, { 'idempotency-key': 'retry-1' })).headers['idempotent-replayed']).toBeUndefined()
    t.clock.set('2026-11-25T12:00:00Z')
    // A failed create is not remembered: fixing the request and retrying with the same key works.
    const invalid = await call('author', 'POST', '/articles', { headline: '' }, { 'idempotency-key': 'retry-2' })
    expect(invalid.statusCode).toBe(400)
    expect((await call('author', 'POST', '/articles', { headline: 'Fixed' }, { 'idempotency-key': 'retry-2' })).statusCode).toBe(201)
  })

  it('refuses cookies, content keys, revoked keys and bad input without a stack trace', async () => {
    const editor = await signInAs(t, 'administrator')
    const withCookie = await t.app.inject({ method: 'POST', url: '/api/v1/admin/articles', payload: { headline: 'Cookie' }, headers: editor.headers })
    expect(withCookie.statusCode).toBe(401)
    expect(withCookie.json().error.code).toBe('UNAUTHENTICATED')
    const content = await createApiKey(t.services, null, { name: 'reader', kind: 'content' })
    expect((await call(content.secret, 'POST', '/articles', { headline: 'x' })).statusCode).toBe(401)
    const doomed = await createApiKey(t.services, null, { name: 'doomed', kind: 'admin', role: 'editor' })
    expect((await call(doomed.secret, 'POST', '/articles', { headline: 'Before' })).statusCode).toBe(201)
    await revokeApiKey(t.services, null, doomed.key.id)
    expect((await call(doomed.secret, 'POST', '/articles', { headline: 'After' })).statusCode).toBe(401)
    // Properties the schema does not list are dropped (Fastify's way): a status sent with a create does not publish.
    expect((await call('editor', 'POST', '/articles', { headline: 'Sneaky', status: 'published' })).json().status).toBe('draft')
    for (const payload of [{ headline: 'x'.repeat(5000) }, { headline: { a: 1 } }, { headline: 'x', tags: [{}] }, { headline: 'x', imageMediaId: 'seven' }, {}]) {
      const res = await call('editor', 'POST', '/articles', payload)
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400)
      expect(res.json().error.code).toBe('VALIDATION')
    }
    expect((await call('editor', 'PATCH', '/articles/999999', { body: 'x' })).statusCode).toBe(404)
    expect((await call('editor', 'POST', '/articles/abc/publish')).statusCode).toBe(400)
  })
})
