import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Parser from 'rss-parser'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { hasXmllint, schemaErrors } from '../feeds/xmllint.js'

const site = 'https://news.example.test'
// rss-parser puts RSS's <content:encoded> under its own name and the <description> under `content`.
const parser = new Parser<Record<string, never>, { 'content:encoded'?: string; id?: string; author?: string }>()

interface JsonFeed {
  version: string
  title: string
  items: { id: string; url: string; title: string; content_html?: string; content_text?: string; summary?: string; date_published: string; date_modified: string; tags: string[] }[]
}

describe.each(testDialects())('%s: feeds, sitemaps and robots.txt', (dialect) => {
  let t: TestApp
  /** Every request comes in under another name, so any link built from the Host header would show. */
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { host: 'evil.example', ...headers } })

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, {
      slug: 'missiles-strike-depot', headline: 'Missiles strike depot & <port> stores', section: 'Politics',
      standfirst: 'A night attack hit the eastern depot.', topics: ['Border Conflict'], tags: ['defence'], authors: ['Ada Reporter', 'Ben Writer'],
      agency: 'Oss Valley Press', publishedAt: new Date('2026-11-25T09:00:00Z'),
      corrections: [{ kind: 'correction', text: 'An earlier version misstated the number of launchers.', createdAt: new Date('2026-11-25T11:30:00Z') }],
      body: [
        '<p>missiles</p><p>like</p>',
        '<ul><li>first</li><li>second</li></ul>',
        '<p>alpha<br>beta</p>',
        'A sequence ]]> inside the text, and a *stressed*word.',
      ].join('\n\n'),
    })
    await createArticle(t.services, {
      slug: 'suppliers-warn', headline: 'Suppliers warn of shortages', section: 'Business', topics: ['Border Conflict'], tags: ['border conflict', 'supply'],
      publishedAt: new Date('2026-11-24T15:00:00Z'),
    })
    await createArticle(t.services, { slug: 'cup-final', headline: 'Halvern win the cup final', section: 'Sport', publishedAt: new Date('2026-11-20T18:00:00Z') })
    await createArticle(t.services, { slug: 'secret-draft', headline: 'A secret draft', status: 'draft', publishedAt: undefined })
    await createArticle(t.services, { slug: 'withdrawn-story', headline: 'A withdrawn story', status: 'unpublished' })
    await createArticle(t.services, { slug: 'scheduled-story', headline: 'A scheduled story', status: 'scheduled', publishedAt: new Date('2026-11-26T08:00:00Z') })
    await createArticle(t.services, { slug: 'embargoed-story', headline: 'An embargoed story', section: 'Politics', publishedAt: new Date('2026-11-26T08:00:00Z') })
  })
  afterAll(() => t.close())

  const hidden = ['A secret draft', 'A withdrawn story', 'A scheduled story', 'An embargoed story']

  it('serves the site RSS feed with absolute links from SITE_URL, full content and no hidden articles', async () => {
    const res = await get('/feed/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    expect(res.body).not.toContain('evil.example')
    const feed = await parser.parseString(res.body)
    expect(feed.link).toBe(`${site}/`)
    expect(feed.items.map((i) => i.title)).toEqual(['Missiles strike depot & <port> stores', 'Suppliers warn of shortages', 'Halvern win the cup final'])
    for (const item of feed.items) expect(item.link).toMatch(new RegExp(`^${site}/`))
    const first = feed.items[0]!
    expect(first.link).toBe(`${site}/politics/missiles-strike-depot/`)
    expect(first.creator).toBe('Ada Reporter')
    expect(first.categories).toEqual(['Politics', 'Border Conflict', 'defence'])
    expect(first.isoDate).toBe('2026-11-25T09:00:00.000Z')
    const content = first['content:encoded']!
    expect(content).toContain('A sequence ]]&gt; inside the text')
    expect(content).toContain('<p>missiles</p>')
    expect(content).toContain('With information from Oss Valley Press.')
    expect(content).toContain('An earlier version misstated the number of launchers.')
    expect(content).toMatch(/<time datetime="2026-11-25T11:30:00.000Z">25 November 2026\D+11:30/)
    expect(first.contentSnippet).toBe('A night attack hit the eastern depot.')
  })

  it('serves Atom with entries that carry ids, authors and an update time that counts corrections', async () => {
    const res = await get('/feed/atom/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    const feed = await parser.parseString(res.body)
    expect(feed.items.map((i) => i.title)).toEqual(['Missiles strike depot & <port> stores', 'Suppliers warn of shortages', 'Halvern win the cup final'])
    const first = feed.items[0]!
    expect(first.link).toBe(`${site}/politics/missiles-strike-depot/`)
    expect(first.id).toMatch(/^tag:news\.example\.test,\d{4}:article:\d+$/)
    expect(first.author).toBe('Ada Reporter')
    expect(first.content).toContain('With information from Oss Valley Press.')
    expect(res.body).toContain('<updated>2026-11-25T11:30:00Z</updated>')
    expect(res.body).toContain('<published>2026-11-25T09:00:00Z</published>')
  })

  it('serves JSON Feed 1.1 whose plain-text parts keep every word boundary', async () => {
    const res = await get('/feed/json/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8')
    const feed = res.json() as JsonFeed
    // The fields JSON Feed 1.1 requires: version, title, items; each item an id and content_html or content_text.
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1')
    expect(typeof feed.title).toBe('string')
    expect(Array.isArray(feed.items)).toBe(true)
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(typeof (item.content_html ?? item.content_text)).toBe('string')
      expect(item.url).toMatch(new RegExp(`^${site}/`))
    }
    const first = feed.items[0]!
    const text = first.content_text!
    expect(text).toMatch(/missiles\s+like/)
    expect(text).toMatch(/first\s+second/)
    expect(text).toMatch(/alpha\s+beta/)
    for (const glued of ['missileslike', 'firstsecond', 'alphabeta']) expect(text).not.toContain(glued)
    expect(text).toContain('A sequence ]]> inside the text')
    expect(first.summary).toBe('A night attack hit the eastern depot.')
    expect(first.date_modified).toBe('2026-11-25T11:30:00Z')
    for (const title of hidden) expect(feed.items.map((i) => i.title)).not.toContain(title)
  })

  it('summarises an article without a standfirst from its body, words apart', async () => {
    await createArticle(t.services, {
      slug: 'no-standfirst', headline: 'Briefly', section: 'Sport', standfirst: '', publishedAt: new Date('2026-11-21T10:00:00Z'),
      body: '<p>Rain</p><p>stopped</p><ul><li>play</li><li>twice</li></ul>',
    })
    const feed = (await get('/sport/feed/json/')).json() as JsonFeed
    expect(feed.items.find((i) => i.title === 'Briefly')?.summary).toBe('Rain stopped play twice')
    const rss = await parser.parseString((await get('/sport/feed/')).body)
    expect(rss.items.find((i) => i.title === 'Briefly')?.contentSnippet).toBe('Rain stopped play twice')
  })

  it('gives a section and a topic feeds holding only their own articles', async () => {
    const politics = await parser.parseString((await get('/politics/feed/')).body)
    expect(politics.title).toContain('Politics')
    expect(politics.items.map((i) => i.title)).toEqual(['Missiles strike depot & <port> stores'])
    const topic = (await get('/topic/border-conflict/feed/json/')).json() as JsonFeed
    expect(topic.items.map((i) => i.title)).toEqual(['Missiles strike depot & <port> stores', 'Suppliers warn of shortages'])
    expect(topic.items[1]!.tags).toEqual(['Business', 'Border Conflict', 'supply'])
    const topicAtom = await parser.parseString((await get('/topic/border-conflict/feed/atom/')).body)
    expect(topicAtom.items).toHaveLength(2)
    expect((await get('/business/feed/atom/')).statusCode).toBe(200)
  })

  it('answers 404 for the feed of an unknown section, topic, author or tag', async () => {
    for (const url of ['/no-such-section/feed/', '/no-such-section/feed/json/', '/topic/no-such-topic/feed/', '/topic/no-such-topic/feed/atom/', '/author/nobody/feed/', '/tag/nothing/feed/json/']) {
      expect((await get(url)).statusCode, url).toBe(404)
    }
  })

  it('sends feeds through the page cache with a strong ETag, 304 and cache tags', async () => {
    const first = await get('/politics/feed/atom/')
    expect(first.headers['surrogate-key']).toMatch(/\bfeed\b/)
    expect(first.headers['surrogate-key']).toMatch(/\bsection:\d+\b/)
    const again = await get('/politics/feed/atom/')
    expect(again.headers['x-cache']).toBe('HIT')
    const revalidated = await get('/politics/feed/atom/', { 'if-none-match': first.headers.etag as string })
    expect(revalidated.statusCode).toBe(304)
    expect((await get('/topic/border-conflict/feed/')).headers['surrogate-key']).toMatch(/\btopic:\d+\b/)
  })

  it('publishes a sitemap index whose children list every visible article and hub page, valid against the schema', async () => {
    const index = await get('/sitemap.xml')
    expect(index.statusCode).toBe(200)
    expect(index.headers['content-type']).toBe('application/xml; charset=utf-8')
    const children = [...index.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(children).toEqual([`${site}/sitemaps/sections.xml`, `${site}/sitemaps/articles-1.xml`])
    const articles = (await get('/sitemaps/articles-1.xml')).body
    const sections = (await get('/sitemaps/sections.xml')).body
    expect(articles).toContain(`<loc>${site}/politics/missiles-strike-depot/</loc><lastmod>2026-11-25T09:00:00Z</lastmod>`)
    expect(articles).toContain(`${site}/sport/cup-final/`)
    for (const slug of ['secret-draft', 'withdrawn-story', 'scheduled-story', 'embargoed-story']) expect(articles).not.toContain(slug)
    for (const path of ['/', '/politics/', '/business/', '/topic/border-conflict/', '/author/ada-reporter/']) expect(sections).toContain(`<loc>${site}${path}</loc>`)
    expect((await get('/sitemaps/articles-2.xml')).statusCode).toBe(404)
    expect((await get('/sitemaps/articles-x.xml')).statusCode).toBe(404)
    if (!hasXmllint()) return
    expect(schemaErrors(index.body, 'siteindex.xsd')).toBe('')
    expect(schemaErrors(articles, 'sitemap.xsd')).toBe('')
    expect(schemaErrors(sections, 'sitemap.xsd')).toBe('')
  })

  it('lists in the news sitemap only what was published in the last 48 hours by the clock', async () => {
    const now = await get('/news-sitemap.xml')
    expect(now.statusCode).toBe(200)
    expect(now.body).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"')
    expect(now.body).toContain('<news:publication><news:name>The Dateline Courier</news:name><news:language>en</news:language></news:publication>')
    expect(now.body).toContain('<news:publication_date>2026-11-25T09:00:00Z</news:publication_date><news:title>Missiles strike depot &amp; &lt;port&gt; stores</news:title>')
    expect(now.body).toContain('/business/suppliers-warn/')
    expect(now.body).not.toContain('cup-final')
    expect(now.body).not.toContain('embargoed-story')
    if (hasXmllint()) expect(schemaErrors(now.body, 'sitemap.xsd')).toBe('')

    // Time moves on without a content event, so drop the cached copy as the page cache's expiry would.
    t.clock.set('2026-11-27T10:00:00Z')
    t.services.cache.clear()
    const later = (await get('/news-sitemap.xml')).body
    expect(later).not.toContain('missiles-strike-depot')
    expect(later).not.toContain('suppliers-warn')
    expect(later).toContain('/politics/embargoed-story/')
    if (hasXmllint()) expect(schemaErrors(later, 'sitemap.xsd')).toBe('')

    // A quiet spell leaves an empty but well-formed url set rather than an error a crawler would report.
    t.clock.set('2026-12-10T10:00:00Z')
    t.services.cache.clear()
    const quiet = await get('/news-sitemap.xml')
    expect(quiet.statusCode).toBe(200)
    expect(quiet.body).not.toContain('<url>')
    expect(quiet.body).toContain('</urlset>')
    t.clock.set('2026-11-25T12:00:00Z')
    t.services.cache.clear()
  })

  it('serves robots.txt that allows all but the newsroom and search, pointing at both sitemaps', async () => {
    const res = await get('/robots.txt')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
    const lines = res.body.split('\n')
    expect(lines).toEqual(expect.arrayContaining([
      'User-agent: *', 'Allow: /', 'Disallow: /newsroom/', 'Disallow: /search',
      `Sitemap: ${site}/sitemap.xml`, `Sitemap: ${site}/news-sitemap.xml`,
    ]))
  })
})
