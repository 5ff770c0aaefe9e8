import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'

describe.each(testDialects())('%s: reader pages', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, {
      slug: 'parliament-approves-winter-price-cap', headline: 'Parliament approves winter price cap', section: 'Politics',
      topics: ['Energy Crisis'], tags: ['energy prices', 'parliament'], dateline: 'HALVERN',
      body: 'MPs voted late on Tuesday.\n\nThe cap limits *unit* prices.\n\n> “It is a fair deal,” said the minister.\n\nCritics disagreed.\n\nThe vote was 120 to 80.',
    })
    await createArticle(t.services, {
      slug: 'energy-suppliers-warn-of-losses', headline: 'Energy suppliers warn of losses under the cap', section: 'Business',
      topics: ['Energy Crisis'], tags: ['energy prices'],
    })
    await createArticle(t.services, { slug: 'draft-story', headline: 'A secret draft', status: 'draft', publishedAt: undefined })
  })
  afterAll(() => t.close())

  it('shows the masthead with today\'s date on the home page', async () => {
    const res = await t.app.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Wednesday, November 25')
    expect(res.body).toContain('Parliament approves winter price cap')
  })

  it('renders an article with its topic label, byline and times', async () => {
    const res = await t.app.inject('/politics/parliament-approves-winter-price-cap/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/Energy Crisis<\/a><span class="topic-sep" aria-hidden="true"> \| <\/span>Parliament approves winter price cap/)
    expect(res.body).toContain('datetime="2026-11-25T09:00:00.000Z"')
    expect(res.body).toContain('href="/author/ada-reporter/"')
    expect(res.body).toContain('<blockquote>')
  })

  it('links "Also read" to an article of the same running story', async () => {
    const res = await t.app.inject('/politics/parliament-approves-winter-price-cap/')
    expect(res.body).toMatch(/Also read:<\/strong> <a href="\/business\/energy-suppliers-warn-of-losses\/">/)
  })

  it('answers 404 for a draft and for an unknown article', async () => {
    expect((await t.app.inject('/news/draft-story/')).statusCode).toBe(404)
    expect((await t.app.inject('/news/no-such-story/')).statusCode).toBe(404)
  })

  it('gives clients JSON errors with a stable code', async () => {
    const res = await t.app.inject({ url: '/news/no-such-story/', headers: { accept: 'application/json' } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Article not found' } })
  })

  it('serves a repeat visit from the page cache with a strong ETag and 304', async () => {
    const first = await t.app.inject('/politics/')
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers['surrogate-key']).toContain('section:')
    const again = await t.app.inject('/politics/')
    expect(again.headers['x-cache']).toBe('HIT')
    const revalidated = await t.app.inject({ url: '/politics/', headers: { 'if-none-match': first.headers.etag as string } })
    expect(revalidated.statusCode).toBe(304)
  })

  it('serves a link shared with tracking parameters from the same cached page', async () => {
    const plain = await t.app.inject('/politics/parliament-approves-winter-price-cap/')
    for (const url of [
      '/politics/parliament-approves-winter-price-cap/?utm_source=newsletter&utm_medium=email',
      '/politics/parliament-approves-winter-price-cap/?fbclid=IwAR0abc123',
    ]) {
      const shared = await t.app.inject(url)
      expect(shared.headers['x-cache']).toBe('HIT')
      expect(shared.headers.etag).toBe(plain.headers.etag)
    }
    // Parameters a page does read still make pages of their own.
    const tracked = await t.app.inject('/search?q=winter&utm_campaign=x')
    expect(tracked.body).toContain('Parliament approves winter price cap')
    const search = await t.app.inject('/search?q=winter')
    expect(search.headers['x-cache']).toBe('HIT')
    expect(search.body).toBe(tracked.body)
    expect((await t.app.inject('/search?q=price')).headers['x-cache']).toBeUndefined()
  })

  it('finds articles by full-text search with highlighted words', async () => {
    const res = await t.app.inject('/search?q=cap')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Parliament approves winter price cap')
    expect(res.body).toContain('<mark>')
  })

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' })
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' })
  })
})
