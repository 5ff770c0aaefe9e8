import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { saveArticle } from '../../src/content/index.js'

describe('page cache', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp()
    await createArticle(t.services, { slug: 'budget-vote', headline: 'Council passes the budget', section: 'News', tags: ['budget'] })
  })
  afterAll(() => t.close())

  it('names what a page shows in Surrogate-Key and Cache-Tag, and lets a CDN keep it briefly', async () => {
    const res = await t.app.inject('/news/budget-vote/')
    expect(res.headers['surrogate-key']).toMatch(/\barticle:\d+\b/)
    expect(res.headers['surrogate-key']).toMatch(/\bsection:\d+\b/)
    expect(res.headers['cache-tag']).toContain(',')
    expect(res.headers['cache-control']).toMatch(/s-maxage=\d+/)
    expect(res.headers['cache-control']).toMatch(/stale-while-revalidate=\d+/)
  })

  it('never stores or serves a cached copy to a request with a personal cookie', async () => {
    await t.app.inject('/news/')
    const anonymous = await t.app.inject('/news/')
    expect(anonymous.headers['x-cache']).toBe('HIT')
    const personal = await t.app.inject({ url: '/news/', headers: { cookie: 'dl_session=abc' } })
    expect(personal.headers['x-cache']).toBeUndefined()
    expect(personal.headers['cache-control']).toBe('private, no-store')
  })

  it('ignores cookies that do not change the page', async () => {
    await t.app.inject('/news/')
    const res = await t.app.inject({ url: '/news/', headers: { cookie: 'analytics=1' } })
    expect(res.headers['x-cache']).toBe('HIT')
  })

  it('shows an edited headline at once: the edit purges the cached pages', async () => {
    await t.app.inject('/news/budget-vote/')
    expect((await t.app.inject('/news/budget-vote/')).headers['x-cache']).toBe('HIT')
    await saveArticle(t.services, {
      slug: 'budget-vote', headline: 'Council passes the budget after all-night session', standfirst: '', body: 'Text.',
      section: 'News', publishedAt: new Date('2026-11-25T09:00:00Z'),
    })
    const res = await t.app.inject('/news/budget-vote/')
    expect(res.headers['x-cache']).toBeUndefined()
    expect(res.body).toContain('after all-night session')
  })

  it('answers 410 once an article is unpublished, and drops it from lists', async () => {
    await createArticle(t.services, { slug: 'withdrawn-story', headline: 'A withdrawn story', section: 'News' })
    expect((await t.app.inject('/news/')).body).toContain('A withdrawn story')
    await saveArticle(t.services, {
      slug: 'withdrawn-story', headline: 'A withdrawn story', standfirst: '', body: 'Text.', section: 'News',
      status: 'unpublished', publishedAt: new Date('2026-11-25T09:00:00Z'),
    })
    expect((await t.app.inject('/news/withdrawn-story/')).statusCode).toBe(410)
    expect((await t.app.inject('/news/')).body).not.toContain('A withdrawn story')
  })

  it('hides an article scheduled for later until its time comes', async () => {
    await createArticle(t.services, { slug: 'future-story', headline: 'Future story', section: 'News', publishedAt: new Date('2026-11-26T09:00:00Z') })
    expect((await t.app.inject('/news/future-story/')).statusCode).toBe(404)
  })
})

describe('addresses and bad input', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp()
    await createArticle(t.services, { slug: 'filed-story', headline: 'Filed story', section: 'Politics' })
  })
  afterAll(() => t.close())

  it('redirects an article requested under the wrong section to its real address', async () => {
    const res = await t.app.inject('/news/filed-story/')
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/politics/filed-story/')
  })

  it.each([
    '/%E0%A4%A', '/politics/%00/', '/politics/?page=-1', '/politics/?page=abc', '/search?q=%22%22%22', '/search?q=NEAR(a%20b)',
    `/search?q=${'x'.repeat(5000)}`, '/topic/%2e%2e/', '/author/../../etc/passwd', '/politics/?page=999999',
  ])('never answers %s with a server error', async (url) => {
    const res = await t.app.inject(url)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('uses the configured site URL for absolute links, never the Host header', async () => {
    const res = await t.app.inject({ url: '/politics/filed-story/', headers: { host: 'evil.example' } })
    expect(res.body).toContain('<link rel="canonical" href="https://news.example.test/politics/filed-story/"/>')
    expect(res.body).not.toContain('evil.example')
  })

  it('describes the article to search engines as a NewsArticle with breadcrumbs', async () => {
    const res = await t.app.inject('/politics/filed-story/')
    const blocks = [...res.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!))
    const article = blocks.find((b) => b['@type'] === 'NewsArticle')
    expect(article).toMatchObject({
      headline: 'Filed story', datePublished: '2026-11-25T09:00:00.000Z', articleSection: 'Politics',
      mainEntityOfPage: { '@id': 'https://news.example.test/politics/filed-story/' },
      author: [{ '@type': 'Person', name: 'Ada Reporter', url: 'https://news.example.test/author/ada-reporter/' }],
      publisher: { '@type': 'NewsMediaOrganization', logo: { '@type': 'ImageObject' } },
    })
    expect(blocks.find((b) => b['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3)
    expect(res.body).toContain('<meta property="og:type" content="article"/>')
    expect(res.body).toContain('<meta name="twitter:card"')
  })
})
