import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Validator } from '@seriousme/openapi-schema-validator'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createApiKey, revokeApiKey } from '../../src/identity/index.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { createStaff } from '../support/auth.js'
import { publishArticle, savePage } from '../../src/content/index.js'
import { addComment } from './support.js'

describe.each(testDialects())('%s: read API /api/v1/', (dialect) => {
  let t: TestApp
  let priceCap: number
  let draftId: number
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    ;({ id: priceCap } = await createArticle(t.services, {
      slug: 'parliament-approves-winter-price-cap', headline: 'Parliament approves winter price cap', section: 'Politics',
      topics: ['Energy Crisis'], tags: ['energy prices'], authors: ['Ada Reporter'], publishedAt: new Date('2026-11-25T09:00:00Z'),
      body: 'MPs voted late on Tuesday on the tariff.\n\nThe cap limits unit prices.',
    }))
    await createArticle(t.services, {
      slug: 'ferry-timetable-changes', headline: 'Ferry timetable changes for winter', section: 'Local', authors: ['Ben Writer'],
      publishedAt: new Date('2026-11-24T09:00:00Z'),
    })
    ;({ id: draftId } = await createArticle(t.services, {
      slug: 'secret-draft', headline: 'A secret draft about the tariff', status: 'draft', publishedAt: undefined, tags: ['embargoed-tag'], authors: ['Draft Only Author'],
    }))
    await createArticle(t.services, {
      slug: 'scheduled-story', headline: 'Scheduled tariff story', status: 'scheduled', publishedAt: new Date('2026-11-26T06:00:00Z'), topics: ['Future Topic'],
    })
    await addComment(t.services, priceCap, { name: 'Approved Reader', email: 'approved.reader@example.org' })
    await addComment(t.services, priceCap, { status: 'pending', name: 'Held Reader', email: 'held.reader@example.org' })
  })
  afterAll(() => t.close())

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers })

  it('lists published articles newest first, without drafts or scheduled ones', async () => {
    const res = await get('/api/v1/articles')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = res.json()
    expect(body.data.map((a: { slug: string }) => a.slug)).toEqual(['parliament-approves-winter-price-cap', 'ferry-timetable-changes'])
    expect(body.next_cursor).toBeNull()
    const first = body.data[0]
    expect(first).toMatchObject({
      id: priceCap, url: 'https://news.example.test/politics/parliament-approves-winter-price-cap/', headline: 'Parliament approves winter price cap',
      section: { slug: 'politics', name: 'Politics', url: 'https://news.example.test/politics/' },
      topic: { slug: 'energy-crisis', name: 'Energy Crisis' }, authors: [{ slug: 'ada-reporter', name: 'Ada Reporter', bio: '' }],
      published_at: '2026-11-25T09:00:00.000Z', comment_count: 0,
    })
    expect(first.authors[0]).not.toHaveProperty('id')
    expect(first.section).not.toHaveProperty('id')
  })

  it('filters by section, topic, tag, author, updated_since and q; an unknown slug gives an empty page', async () => {
    const slugs = async (query: string) => (await get(`/api/v1/articles?${query}`)).json().data.map((a: { slug: string }) => a.slug)
    expect(await slugs('section=local')).toEqual(['ferry-timetable-changes'])
    expect(await slugs('topic=energy-crisis')).toEqual(['parliament-approves-winter-price-cap'])
    expect(await slugs('tag=energy-prices')).toEqual(['parliament-approves-winter-price-cap'])
    expect(await slugs('author=ben-writer')).toEqual(['ferry-timetable-changes'])
    expect(await slugs('q=tariff')).toEqual(['parliament-approves-winter-price-cap'])
    expect(await slugs('q=tariff&section=local')).toEqual([])
    expect(await slugs('tag=embargoed-tag')).toEqual([])
    expect(await slugs('section=no-such-section')).toEqual([])
    expect(await slugs('updated_since=2099-01-01T00:00:00Z')).toEqual([])
    expect((await slugs('updated_since=2000-01-01T00:00:00Z')).length).toBe(2)
  })

  it('pages with an opaque cursor that stays put while new articles are published', async () => {
    for (let i = 0; i < 5; i++) await createArticle(t.services, { slug: `paged-${i}`, section: 'Paging', publishedAt: new Date(`2026-11-20T0${i}:00:00Z`) })
    const first = (await get('/api/v1/articles?section=paging&limit=2')).json()
    expect(first.data.map((a: { slug: string }) => a.slug)).toEqual(['paged-4', 'paged-3'])
    expect(first.next_cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    // Published meanwhile: lands on the first page, never shifts the next one.
    await createArticle(t.services, { slug: 'paged-new', section: 'Paging', publishedAt: new Date('2026-11-25T10:00:00Z') })
    const second = (await get(`/api/v1/articles?section=paging&limit=2&cursor=${first.next_cursor}`)).json()
    expect(second.data.map((a: { slug: string }) => a.slug)).toEqual(['paged-2', 'paged-1'])
    const third = (await get(`/api/v1/articles?section=paging&limit=2&cursor=${second.next_cursor}`)).json()
    expect(third.data.map((a: { slug: string }) => a.slug)).toEqual(['paged-0'])
    expect(third.next_cursor).toBeNull()
  })

  it('pages through articles published at the same instant without skipping or repeating one', async () => {
    for (let i = 0; i < 3; i++) await createArticle(t.services, { slug: `same-time-${i}`, section: 'Ties', publishedAt: new Date('2026-11-19T08:00:00Z') })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { data: { slug: string }[]; next_cursor: string | null } = (await get(`/api/v1/articles?section=ties&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()
      seen.push(...page.data.map((a) => a.slug))
      cursor = page.next_cursor
    } while (cursor)
    expect(seen.sort()).toEqual(['same-time-0', 'same-time-1', 'same-time-2'])
  })

  it('answers a cursor it did not give out with a 400 and a clear message', async () => {
    const res = await get('/api/v1/articles?cursor=bm90LWEtY3Vyc29y')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ error: { code: 'VALIDATION', message: 'cursor is not one this API gave out: pass next_cursor unchanged' } })
  })

  it('gives one article by id or by slug, with body, tags and topics', async () => {
    const byId = await get(`/api/v1/articles/${priceCap}`)
    expect(byId.statusCode).toBe(200)
    const bySlug = await get('/api/v1/articles/parliament-approves-winter-price-cap')
    expect(bySlug.json()).toEqual(byId.json())
    const a = byId.json().data
    expect(a.body_html).toContain('<p>MPs voted late on Tuesday on the tariff.</p>')
    expect(a.tags).toEqual([{ slug: 'energy-prices', name: 'energy prices', url: 'https://news.example.test/tag/energy-prices/' }])
    expect(a).not.toHaveProperty('body_md')
    expect(a).not.toHaveProperty('created_by')
  })

  it('hides drafts and scheduled articles by id and by slug (404)', async () => {
    for (const ref of [String(draftId), 'secret-draft', 'scheduled-story']) {
      const res = await get(`/api/v1/articles/${ref}`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Article not found' } })
    }
  })

  it('keeps an article whose publication time is still to come hidden until then', async () => {
    await createArticle(t.services, { slug: 'due-tomorrow', section: 'Embargo', status: 'published', publishedAt: new Date('2026-11-26T06:00:00Z') })
    expect((await get('/api/v1/articles/due-tomorrow')).statusCode).toBe(404)
    expect((await get('/api/v1/articles?section=embargo')).json().data).toEqual([])
    t.clock.set('2026-11-26T07:00:00Z')
    try {
      expect((await get('/api/v1/articles/due-tomorrow?later=1')).statusCode).toBe(200)
      expect((await get('/api/v1/articles?section=embargo&later=1')).json().data).toHaveLength(1)
    } finally {
      t.clock.set('2026-11-25T12:00:00Z')
    }
  })

  it('lists approved comments only, in the public shape without any email', async () => {
    const res = await get(`/api/v1/articles/${priceCap}/comments`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.data).toHaveLength(1)
    expect(body.data[0]).toMatchObject({ author_name: 'Approved Reader', body_html: '<p>A comment.</p>', staff: false, parent_id: null })
    expect(res.body).not.toContain('@example.org')
    expect(res.body).not.toContain('hash')
    expect(res.body).not.toContain('Held Reader')
    expect((await get(`/api/v1/articles/${draftId}/comments`)).statusCode).toBe(404)
  })

  it('lists sections, topics, tags and authors, leaving out names only drafts use', async () => {
    const sections = (await get('/api/v1/sections')).json().data
    expect(sections.map((s: { slug: string }) => s.slug)).toContain('politics')
    const topics = (await get('/api/v1/topics')).json().data.map((x: { slug: string }) => x.slug)
    expect(topics).toEqual(['energy-crisis'])
    const tags = (await get('/api/v1/tags')).json().data.map((x: { slug: string }) => x.slug)
    expect(tags).toEqual(['energy-prices'])
    const authors = (await get('/api/v1/authors')).json().data
    expect(authors.map((x: { slug: string }) => x.slug)).not.toContain('draft-only-author')
    expect(authors[0]).toEqual({ slug: 'ada-reporter', name: 'Ada Reporter', bio: '', url: 'https://news.example.test/author/ada-reporter/' })
  })

  it('lists published pages and gives one by slug, never a draft page', async () => {
    await savePage(t.services, null, { title: 'About us', slug: 'about', body: 'Who we **are**.', status: 'published', inFooter: true, position: 0, seoDescription: 'About the paper' })
    await savePage(t.services, null, { title: 'Secret plans', slug: 'secret-plans', body: 'Not yet.', status: 'draft', inFooter: false, position: 0, seoDescription: '' })
    const list = (await get('/api/v1/pages')).json().data
    expect(list.map((p: { slug: string }) => p.slug)).toEqual(['about'])
    const about = await get('/api/v1/pages/about')
    expect(about.statusCode).toBe(200)
    expect(about.json().data).toMatchObject({ slug: 'about', title: 'About us', url: 'https://news.example.test/about/', description: 'About the paper' })
    expect(about.json().data.html).toContain('<strong>are</strong>')
    expect((await get('/api/v1/pages/secret-plans')).statusCode).toBe(404)
    expect((await get('/api/v1/pages/secret-plans')).json().error.code).toBe('NOT_FOUND')
  })

  it('searches published articles, best first, with snippets', async () => {
    const res = await get('/api/v1/search?q=tariff')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.data.map((r: { article: { slug: string } }) => r.article.slug)).toEqual(['parliament-approves-winter-price-cap'])
    expect(body.data[0].snippet).toContain('tariff')
    expect((await get('/api/v1/search')).statusCode).toBe(400)
  })

  it('caches like pages: ETag and 304, s-maxage, Surrogate-Key, CORS', async () => {
    const first = await get('/api/v1/articles?section=politics')
    expect(first.headers['cache-control']).toMatch(/s-maxage=\d+/)
    expect(first.headers['surrogate-key']).toContain('api:articles')
    expect(first.headers['access-control-allow-origin']).toBe('*')
    const again = await get('/api/v1/articles?section=politics')
    expect(again.headers['x-cache']).toBe('HIT')
    expect(again.headers['access-control-allow-origin']).toBe('*')
    const notModified = await get('/api/v1/articles?section=politics', { 'if-none-match': String(first.headers.etag) })
    expect(notModified.statusCode).toBe(304)
  })

  it('purges cached API answers when an article is published', async () => {
    const { id } = await createArticle(t.services, { slug: 'breaking-later', section: 'Politics', status: 'draft', publishedAt: undefined })
    const before = await get('/api/v1/articles?section=politics')
    expect(before.body).not.toContain('breaking-later')
    const editor = await createStaff(t.services, { role: 'editor' })
    await publishArticle(t.services, editor, id)
    const after = await get('/api/v1/articles?section=politics')
    expect(after.headers['x-cache']).toBeUndefined()
    expect(after.json().data[0].slug).toBe('breaking-later')
  })

  it('answers a CORS preflight', async () => {
    const res = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/articles', headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' } })
    expect(res.statusCode).toBe(204)
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['access-control-allow-methods']).toContain('GET')
    expect(res.headers['access-control-allow-headers']).toBe('if-none-match')
  })

  it('answers bad input and unknown routes with JSON errors', async () => {
    const bad = await get('/api/v1/articles?limit=1000')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('VALIDATION')
    expect(bad.headers['access-control-allow-origin']).toBe('*')
    const missing = await get('/api/v1/nothing-here')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('NOT_FOUND')
  })

  it('publishes a valid OpenAPI 3.1 document naming every operation, and a readable reference', async () => {
    const res = await get('/api/v1/openapi.json')
    expect(res.statusCode).toBe(200)
    const spec = res.json()
    expect(spec.openapi).toBe('3.1.0')
    const result = await new Validator().validate(spec)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/api/v1/articles', '/api/v1/articles/{ref}', '/api/v1/articles/{ref}/comments', '/api/v1/authors', '/api/v1/pages', '/api/v1/pages/{slug}', '/api/v1/search',
      '/api/v1/sections', '/api/v1/tags', '/api/v1/topics',
    ])
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Article', 'ArticleSummary', 'Comment', 'Error']))
    const docs = await get('/api/v1/docs')
    expect(docs.statusCode).toBe(200)
    expect(docs.body).toContain('GET /api/v1/articles/{ref}/comments')
    expect(docs.body).toContain('updated_since')
  })
})

describe('read API rate limit', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp({ env: { API_RATE_LIMIT: '3', PAGE_CACHE: 'off' } }) })
  afterAll(() => t.close())

  it('refuses a client past its allowance with 429 and Retry-After', async () => {
    const codes = []
    for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ url: '/api/v1/sections', remoteAddress: '198.51.100.7' })).statusCode)
    expect(codes).toEqual([200, 200, 200, 429])
    const refused = await t.app.inject({ url: '/api/v1/sections', remoteAddress: '198.51.100.7' })
    expect(refused.json().error.code).toBe('RATE_LIMITED')
    expect(refused.headers['retry-after']).toBeDefined()
    expect((await t.app.inject({ url: '/api/v1/sections', remoteAddress: '198.51.100.8' })).statusCode).toBe(200)
  })
})

describe('read API rate limit with API keys', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp({ env: { API_RATE_LIMIT: '3', API_KEY_RATE_LIMIT: '6', PAGE_CACHE: 'off' } }) })
  afterAll(() => t.close())
  const from = (remoteAddress: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, remoteAddress, headers })

  it('gives a client with a content key (?key=) its own, larger bucket once the address has spent its own', async () => {
    const { secret } = await createApiKey(t.services, null, { name: 'Front end', kind: 'content' })
    const anonymous = []
    for (let i = 0; i < 4; i++) anonymous.push((await from('198.51.100.20', '/api/v1/sections')).statusCode)
    expect(anonymous).toEqual([200, 200, 200, 429])
    const keyed = []
    for (let i = 0; i < 7; i++) keyed.push((await from('198.51.100.20', `/api/v1/sections?key=${secret}`)).statusCode)
    expect(keyed).toEqual([200, 200, 200, 200, 200, 200, 429])
    const last = await from('198.51.100.21', `/api/v1/sections?key=${secret}`)
    expect(last.statusCode).toBe(429)
    expect(last.headers['x-ratelimit-limit']).toBe('6')
  })

  it('counts a bearer key (content or admin) against that key, whatever the address', async () => {
    const admin = await createApiKey(t.services, null, { name: 'Sync', kind: 'admin', role: 'editor' })
    const codes = []
    for (let i = 0; i < 7; i++) codes.push((await from(`198.51.100.${30 + i}`, '/api/v1/articles', { authorization: `Bearer ${admin.secret}` })).statusCode)
    expect(codes).toEqual([200, 200, 200, 200, 200, 200, 429])
    const content = await createApiKey(t.services, null, { name: 'Reader', kind: 'content' })
    expect((await from('198.51.100.30', '/api/v1/articles', { authorization: `bearer ${content.secret}` })).statusCode).toBe(200)
    // A proxy's Basic credentials are not a key: the request is anonymous.
    expect((await from('198.51.100.40', '/api/v1/articles', { authorization: 'Basic dXNlcjpwYXNz' })).statusCode).toBe(200)
  })

  it('refuses an unknown key with 401 and a JSON error, and still counts it against the address', async () => {
    for (const [url, headers] of [
      ['/api/v1/sections?key=0123456789abcdef0123456789', {}],
      ['/api/v1/sections?key=not-a-key', {}],
      ['/api/v1/sections?key=', {}],
      ['/api/v1/sections', { authorization: 'Bearer dla_0000' }],
      ['/api/v1/sections', { authorization: 'Bearer' }],
    ] as const) {
      const res = await from('198.51.100.50', url, headers)
      expect(res.statusCode, url).toBeOneOf([401, 429])
      if (res.statusCode === 401) {
        expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } })
        expect(res.body).not.toContain('dla_0000')
      }
    }
    expect((await from('198.51.100.50', '/api/v1/sections')).statusCode).toBe(429)
    // A browser's preflight is answered whatever the address holds.
    const preflight = await t.app.inject({ method: 'OPTIONS', url: '/api/v1/sections?key=0123456789abcdef0123456789', remoteAddress: '198.51.100.51' })
    expect(preflight.statusCode).toBe(204)
  })

  it('refuses an admin key sent in the URL, where it would be logged', async () => {
    const admin = await createApiKey(t.services, null, { name: 'Leaky', kind: 'admin', role: 'author' })
    const res = await from('198.51.100.60', `/api/v1/sections?key=${admin.secret}`)
    expect(res.statusCode).toBe(401)
    expect(res.json().error.message).toMatch(/Authorization header/)
  })

  it('refuses a key as soon as it is revoked, and purges what was cached for it', async () => {
    const { key, secret } = await createApiKey(t.services, null, { name: 'Doomed', kind: 'content' })
    expect((await from('198.51.100.70', `/api/v1/sections?key=${secret}`)).statusCode).toBe(200)
    expect((await from('198.51.100.70', '/api/v1/tags', { authorization: `Bearer ${secret}` })).statusCode).toBe(200)
    await revokeApiKey(t.services, null, key.id)
    const refused = await from('198.51.100.70', `/api/v1/sections?key=${secret}`)
    expect(refused.statusCode).toBe(401)
    expect(refused.json().error).toEqual({ code: 'UNAUTHENTICATED', message: 'This API key is not known or has been revoked' })
    expect((await from('198.51.100.70', '/api/v1/tags', { authorization: `Bearer ${secret}` })).statusCode).toBe(401)
  })
})

describe('read API answers for a key, cached', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp() })
  afterAll(() => t.close())

  it('are purged when the key is revoked, so a revoked key is not answered from the cache', async () => {
    const { key, secret } = await createApiKey(t.services, null, { name: 'Cached', kind: 'content' })
    const url = `/api/v1/sections?key=${secret}`
    expect((await t.app.inject({ url })).statusCode).toBe(200)
    expect(t.services.cache.get(url)?.tags).toContain(`api-key:${key.id}`)
    await revokeApiKey(t.services, null, key.id)
    expect((await t.app.inject({ url })).statusCode).toBe(401)
  })
})
