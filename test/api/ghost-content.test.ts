// Ghost Content API compatibility, driven by Ghost's own client (@tryghost/content-api) against a listening server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import GhostContentAPI from '@tryghost/content-api'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { createApiKey, revokeApiKey } from '../../src/identity/index.js'
import { saveSettings, getSettings, savePage } from '../../src/content/index.js'
import { testDialects } from '../support/db.js'

describe.each(testDialects())('%s: Ghost Content API', (dialect) => {
  let t: TestApp
  let url: string
  let key: string
  let keyId: number
  let api: ReturnType<typeof GhostContentAPI>
  const get = (path: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path, headers })

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    const made = await createApiKey(t.services, null, { name: 'Front end', kind: 'content' })
    key = made.secret
    keyId = made.key.id
    await saveSettings(t.services, null, { ...(await getSettings(t.services.db, t.config)), name: 'The Daily Test', description: 'News for tests' })
    // Six public articles, newest last, and one of every kind that must never be seen.
    for (let i = 1; i <= 6; i++) {
      await createArticle(t.services, {
        headline: `Energy story ${i}`, slug: `energy-story-${i}`, section: i % 2 ? 'Business' : 'Politics', topics: ['Energy Crisis'],
        tags: i <= 2 ? ['Prices'] : ['Grid'], authors: i === 6 ? ['Ben Writer', 'Ada Reporter'] : ['Ada Reporter'],
        body: `Paragraph ${i} *with* [a link](https://example.org/x) about **missiles**\n\nlike the second paragraph.`,
        standfirst: i === 1 ? '' : `Standfirst ${i}.`, seoTitle: i === 3 ? 'SEO title three' : '',
        publishedAt: new Date(Date.parse('2026-11-20T09:00:00Z') + i * 3_600_000),
      })
    }
    await createArticle(t.services, { headline: 'Secret draft', slug: 'secret-draft', status: 'draft', tags: ['Prices'], publishedAt: undefined })
    await createArticle(t.services, { headline: 'Scheduled', slug: 'scheduled-later', status: 'scheduled', publishedAt: new Date('2026-12-01T09:00:00Z') })
    await createArticle(t.services, { headline: 'Withdrawn', slug: 'withdrawn-one', status: 'unpublished', publishedAt: new Date('2026-11-01T09:00:00Z') })
    await createArticle(t.services, { headline: 'Old news', slug: 'old-news', section: 'Business', publishedAt: new Date('2025-01-01T09:00:00Z'), authors: ['Cy Old'] })
    url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
    api = GhostContentAPI({ url, key, version: 'v5.0' })
  })
  afterAll(async () => t?.close())

  it('browses posts newest first with tags and authors, the section as primary tag, and Ghost pagination', async () => {
    const posts = await api.posts.browse({ include: 'tags,authors', limit: 3 })
    expect(posts.map((p) => p.slug)).toEqual(['energy-story-6', 'energy-story-5', 'energy-story-4'])
    expect(posts.meta.pagination).toEqual({ page: 1, limit: 3, pages: 3, total: 7, next: 2, prev: null })
    const six = posts[0]!
    expect(six.id).toMatch(/^[0-9a-f]{24}$/)
    expect(six.primary_tag).toMatchObject({ slug: 'politics', name: 'Politics', url: 'https://news.example.test/politics/' })
    expect(six.tags.map((tag: { slug: string }) => tag.slug)).toEqual(['politics', 'energy-crisis', 'grid'])
    expect(six.authors.map((a: { slug: string }) => a.slug)).toEqual(['ben-writer', 'ada-reporter'])
    expect(six.primary_author.name).toBe('Ben Writer')
    expect(six).toMatchObject({
      title: 'Energy story 6', url: 'https://news.example.test/politics/energy-story-6/', custom_excerpt: 'Standfirst 6.', excerpt: 'Standfirst 6.',
      featured: false, visibility: 'public', published_at: '2026-11-20T15:00:00.000+00:00', feature_image: null, reading_time: 1,
    })
    expect(six.html).toContain('<strong>missiles</strong>')
    for (const key of ['meta_title', 'meta_description', 'og_image', 'og_title', 'twitter_image', 'feature_image_alt', 'feature_image_caption', 'updated_at']) {
      expect(six).toHaveProperty(key)
    }
    expect(six).not.toHaveProperty('plaintext')
  })

  it('pages through results with next and prev', async () => {
    const second = await api.posts.browse({ limit: 3, page: 2 })
    expect(second.map((p) => p.slug)).toEqual(['energy-story-3', 'energy-story-2', 'energy-story-1'])
    expect(second.meta.pagination).toEqual({ page: 2, limit: 3, pages: 3, total: 7, next: 3, prev: 1 })
    const last = await api.posts.browse({ limit: 3, page: 3 })
    expect(last.map((p) => p.slug)).toEqual(['old-news'])
    expect(last.meta.pagination.next).toBeNull()
    const all = await api.posts.browse({ limit: 'all' as unknown as number })
    expect(all.meta.pagination.limit).toBe(100)
    expect((await api.posts.browse({ limit: 5000 })).meta.pagination.limit).toBe(100)
  })

  it('filters with NQL: tags, authors, negation, lists, groups, dates and relative dates', async () => {
    const slugs = async (filter: string, extra: Record<string, string> = {}) => (await api.posts.browse({ filter, limit: 'all' as unknown as number, ...extra })).map((p) => p.slug)
    expect(await slugs('tag:prices')).toEqual(['energy-story-2', 'energy-story-1'])
    expect(await slugs('tags.slug:grid+primary_tag:business')).toEqual(['energy-story-5', 'energy-story-3'])
    expect(await slugs('tag:energy-crisis+tag:-grid')).toEqual(['energy-story-2', 'energy-story-1'])
    expect(await slugs('authors.slug:ben-writer')).toEqual(['energy-story-6'])
    expect(await slugs('author:cy-old,slug:energy-story-4')).toEqual(['energy-story-4', 'old-news'])
    expect(await slugs('slug:[energy-story-1,old-news]')).toEqual(['energy-story-1', 'old-news'])
    expect(await slugs('slug:-[energy-story-1,old-news]+tag:energy-crisis')).toHaveLength(5)
    expect(await slugs("(tag:prices,tag:grid)+published_at:>'2026-11-20 13:00:00'")).toEqual(['energy-story-6', 'energy-story-5'])
    expect(await slugs('published_at:<=2026-11-20T11:00:00Z')).toEqual(['energy-story-2', 'energy-story-1', 'old-news'])
    expect(await slugs('published_at:>now-30d')).toHaveLength(6)
    expect(await slugs('published_at:<now-30d')).toEqual(['old-news'])
    expect(await slugs('featured:true')).toEqual([])
    expect(await slugs('featured:false+tag:prices')).toEqual(['energy-story-2', 'energy-story-1'])
    expect(await slugs('tag:prices', { order: 'published_at asc' })).toEqual(['energy-story-1', 'energy-story-2'])
    expect(await slugs('tag:prices', { order: 'title desc' })).toEqual(['energy-story-2', 'energy-story-1'])
    const one = (await api.posts.browse({ filter: 'slug:energy-story-3' }))[0]!
    expect(await slugs(`id:${one.id}`)).toEqual(['energy-story-3'])
    // Drafts, scheduled and withdrawn articles match nothing, whatever the filter says.
    expect(await slugs('slug:[secret-draft,scheduled-later,withdrawn-one]')).toEqual([])
    expect(await slugs('tag:prices+slug:secret-draft')).toEqual([])
  })

  it('reads one post by slug and by id; never a draft', async () => {
    const post = await api.posts.read({ slug: 'energy-story-3' }, { include: 'tags', formats: 'html,plaintext' })
    expect(post.title).toBe('Energy story 3')
    expect(post.meta_title).toBe('SEO title three')
    // Words on each side of where inline markup ended stay apart in the plain text.
    expect(post.plaintext).toMatch(/missiles\s+like/)
    expect(post.plaintext).toMatch(/Paragraph 3 with a link about missiles/)
    const byId = await api.posts.read({ id: post.id })
    expect(byId.slug).toBe('energy-story-3')
    await expect(api.posts.read({ slug: 'secret-draft' })).rejects.toMatchObject({ name: 'NotFoundError' })
    await expect(api.posts.read({ slug: 'scheduled-later' })).rejects.toMatchObject({ name: 'NotFoundError' })
    await expect(api.posts.read({ id: '00000001000000000000ffff' })).rejects.toMatchObject({ name: 'NotFoundError' })
  })

  it('keeps only the fields asked for', async () => {
    const posts = await api.posts.browse({ fields: 'title,url', limit: 1 })
    expect(Object.keys(posts[0]!).sort()).toEqual(['title', 'url'])
  })

  it('lists authors and tags with public counts, and reads them by slug', async () => {
    const authors = await api.authors.browse({ include: 'count.posts', limit: 'all' as unknown as number })
    expect(authors.map((a) => [a.slug, a.count.posts])).toEqual([['ada-reporter', 6], ['ben-writer', 1], ['cy-old', 1]])
    expect(authors[0]).toMatchObject({ name: 'Ada Reporter', url: 'https://news.example.test/author/ada-reporter/', profile_image: null })
    const author = await api.authors.read({ slug: 'ben-writer' })
    expect(author.name).toBe('Ben Writer')
    const tags = await api.tags.browse({ include: 'count.posts', limit: 'all' as unknown as number })
    const counts = Object.fromEntries(tags.map((tag) => [tag.slug, tag.count.posts]))
    // The draft's tag is counted for public articles only.
    expect(counts).toMatchObject({ business: 4, politics: 3, 'energy-crisis': 6, prices: 2, grid: 4 })
    const filtered = await api.tags.browse({ filter: 'slug:[prices,grid]', order: 'slug asc' })
    expect(filtered.map((tag) => tag.slug)).toEqual(['grid', 'prices'])
    expect((await api.tags.read({ slug: 'energy-crisis' })).url).toBe('https://news.example.test/topic/energy-crisis/')
    await expect(api.tags.read({ slug: 'nope' })).rejects.toMatchObject({ name: 'NotFoundError' })
  })

  it('describes the site in settings', async () => {
    const settings = await api.settings.browse()
    expect(settings).toMatchObject({ title: 'The Daily Test', description: 'News for tests', url: 'https://news.example.test/', lang: 'en' })
    expect(settings.navigation.map((n: { label: string }) => n.label)).toEqual(expect.arrayContaining(['Business', 'Politics']))
  })

  describe('pages', () => {
    beforeAll(async () => {
      await savePage(t.services, null, { title: 'About us', slug: 'about', body: 'Who *we* are, and **why**.', status: 'published', seoDescription: 'The newsroom' })
      t.clock.advance(60_000)
      await savePage(t.services, null, { title: 'Contact', body: 'Write to us.', status: 'published' })
      t.clock.advance(60_000)
      await savePage(t.services, null, { title: 'Ethics draft', slug: 'ethics', body: 'Not yet.', status: 'draft' })
    })

    it('lists published pages newest first with a post’s keys, never a draft', async () => {
      const pages = await api.pages.browse({ include: 'tags,authors' })
      expect(pages.map((p) => p.slug)).toEqual(['contact', 'about'])
      expect(pages.meta.pagination).toEqual({ page: 1, limit: 15, pages: 1, total: 2, next: null, prev: null })
      const about = pages[1]!
      expect(about.id).toMatch(/^00000002[0-9a-f]{16}$/)
      expect(about).toMatchObject({
        title: 'About us', url: 'https://news.example.test/about/', visibility: 'public', featured: false, tags: [], authors: [],
        primary_tag: null, primary_author: null, meta_description: 'The newsroom', excerpt: 'Who we are, and why.', reading_time: 1,
        published_at: '2026-11-25T12:00:00.000+00:00',
      })
      expect(about.html).toContain('<em>we</em>')
      const [post] = await api.posts.browse({ include: 'tags,authors', limit: 1 })
      for (const k of Object.keys(post!).filter((k) => !['comment_id', 'email_subject'].includes(k))) expect(about, k).toHaveProperty(k)
    })

    it('reads one page by slug and by id, with formats and fields; a draft or a post is not a page', async () => {
      const about = await api.pages.read({ slug: 'about' }, { formats: 'plaintext', fields: 'title,plaintext,slug,id' })
      expect(about).toEqual({ id: expect.any(String), title: 'About us', slug: 'about', plaintext: 'Who we are, and why.' })
      expect((await api.pages.read({ id: about.id })).slug).toBe('about')
      await expect(api.pages.read({ slug: 'ethics' })).rejects.toMatchObject({ name: 'NotFoundError' })
      await expect(api.pages.read({ slug: 'energy-story-1' })).rejects.toMatchObject({ name: 'NotFoundError' })
      const [post] = await api.posts.browse({ limit: 1 })
      await expect(api.pages.read({ id: post!.id })).rejects.toMatchObject({ name: 'NotFoundError' })
    })

    it('filters, orders and pages as posts do', async () => {
      expect((await api.pages.browse({ filter: 'slug:about' })).map((p) => p.slug)).toEqual(['about'])
      expect((await api.pages.browse({ filter: "title:~'BOUT'" })).map((p) => p.slug)).toEqual(['about'])
      expect((await api.pages.browse({ filter: 'slug:-~^ab+tag:-~x' })).map((p) => p.slug)).toEqual(['contact'])
      expect((await api.pages.browse({ filter: 'author:~a' })).map((p) => p.slug)).toEqual([])
      await expect(api.pages.browse({ filter: 'published_at:~2026' })).rejects.toMatchObject({ name: 'BadRequestError' })
      expect((await api.pages.browse({ filter: 'slug:-about' })).map((p) => p.slug)).toEqual(['contact'])
      expect((await api.pages.browse({ filter: 'tag:news' })).map((p) => p.slug)).toEqual([])
      expect((await api.pages.browse({ filter: 'tag:-news+featured:false', order: 'title asc' })).map((p) => p.slug)).toEqual(['about', 'contact'])
      expect((await api.pages.browse({ filter: 'published_at:>\'2026-11-25 12:00:30\'' })).map((p) => p.slug)).toEqual(['contact'])
      const second = await api.pages.browse({ limit: 1, page: 2 })
      expect(second.map((p) => p.slug)).toEqual(['about'])
      expect(second.meta.pagination).toEqual({ page: 2, limit: 1, pages: 2, total: 2, next: null, prev: 1 })
      await expect(api.pages.browse({ filter: 'nonsense:1' })).rejects.toMatchObject({ name: 'BadRequestError' })
      await expect(api.pages.browse({ order: 'nonsense asc' })).rejects.toMatchObject({ name: 'BadRequestError' })
    })
  })

  it('refuses a missing key (403) and an unknown key (401) in Ghost’s error envelope', async () => {
    const none = await get('/ghost/api/content/posts/')
    expect(none.statusCode).toBe(403)
    expect(none.json().errors[0]).toMatchObject({ type: 'NoPermissionError', message: 'Authorization failed' })
    const unknown = GhostContentAPI({ url, key: '0123456789abcdef0123456789', version: 'v5.0' })
    await expect(unknown.posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError', message: 'Authorization failed' })
    const bad = await api.posts.browse({ filter: 'tag:(' }).catch((err: { name: string; response: { status: number } }) => err)
    expect(bad).toMatchObject({ name: 'BadRequestError', response: { status: 400 } })
  })

  it('answers Accept-Version with Content-Version and allows browsers from anywhere', async () => {
    const res = await get(`/ghost/api/content/posts/?key=${key}&limit=1`, { 'accept-version': 'v5.0' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-version']).toBe('v6.0')
    expect(res.headers['access-control-allow-origin']).toBe('*')
    expect(res.headers['surrogate-key']).toContain('ghost')
    const preflight = await t.app.inject({ method: 'OPTIONS', url: `/ghost/api/content/posts/?key=${key}`, headers: { origin: 'https://front.example', 'access-control-request-headers': 'accept-version' } })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-headers']).toContain('Accept-Version')
  })

  it('serves repeat requests from the page cache, purged when an article is published or the key revoked', async () => {
    const path = `/ghost/api/content/posts/?key=${key}&limit=2&filter=tag:grid`
    const first = await fetch(`${url}${path}`)
    expect((await first.json()).posts[0].slug).toBe('energy-story-6')
    const again = await fetch(`${url}${path}`)
    expect(again.headers.get('x-cache')).toBe('HIT')
    await again.arrayBuffer()
    await createArticle(t.services, { headline: 'Fresh grid story', slug: 'fresh-grid', tags: ['Grid'], publishedAt: new Date('2026-11-25T11:00:00Z') })
    const after = await fetch(`${url}${path}`)
    expect(after.headers.get('x-cache')).toBeNull()
    expect((await after.json()).posts[0].slug).toBe('fresh-grid')
    const other = await createApiKey(t.services, null, { name: 'Soon revoked', kind: 'content' })
    const otherPath = `/ghost/api/content/posts/?key=${other.secret}&limit=1`
    await (await fetch(`${url}${otherPath}`)).arrayBuffer()
    expect((await fetch(`${url}${otherPath}`)).headers.get('x-cache')).toBe('HIT')
    await revokeApiKey(t.services, null, other.key.id)
    expect((await fetch(`${url}${otherPath}`)).status).toBe(401)
    expect(keyId).toBeGreaterThan(0)
  })

  it('matches text with ~ (contains), ~^ (starts with), ~$ (ends with) and their negations, case-insensitively', async () => {
    await createArticle(t.services, {
      headline: '100% off_the \\ record', slug: 'percent-off', section: 'Opinion', authors: ['Zed Quill'], tags: ['Offbeat'],
      publishedAt: new Date('2026-11-25T11:30:00Z'),
    })
    const slugs = async (filter: string) => (await api.posts.browse({ filter, limit: 'all' as unknown as number })).map((p) => p.slug).sort()
    const energy = [1, 2, 3, 4, 5, 6].map((i) => `energy-story-${i}`)
    expect(await slugs("title:~'ENERGY story'")).toEqual(energy)
    expect(await slugs("title:~^'old'")).toEqual(['old-news'])
    expect(await slugs("title:~$'story 6'")).toEqual(['energy-story-6'])
    expect(await slugs('slug:~^energy+slug:~$-3')).toEqual(['energy-story-3'])
    expect(await slugs('slug:-~energy')).toEqual(['fresh-grid', 'old-news', 'percent-off'])
    expect(await slugs("title:-~^'energy'+title:-~$'news'")).toEqual(['fresh-grid', 'percent-off'])
    expect(await slugs("tag:~'pri'")).toEqual(['energy-story-1', 'energy-story-2'])
    expect(await slugs('tags.slug:~^energy')).toEqual(energy)
    expect(await slugs('primary_tag:~^opin')).toEqual(['percent-off'])
    expect(await slugs('tag:-~e+tag:-~i')).toEqual([])
    expect(await slugs("author:~$'writer'")).toEqual(['energy-story-6'])
    expect(await slugs('primary_author:~^ben')).toEqual(['energy-story-6'])
    expect(await slugs('authors.slug:-~ada+slug:~energy')).toEqual([])
    // The value's own %, _ and \ are themselves, never wildcards; quotes and SQL stay inside the bound value.
    expect(await slugs("title:~'%'")).toEqual(['percent-off'])
    expect(await slugs("title:~'f_t'")).toEqual(['percent-off'])
    expect(await slugs("title:~'_'+slug:~energy")).toEqual([])
    expect(await slugs("title:~'\\\\'")).toEqual(['percent-off'])
    expect(await slugs("title:~'\\\\ r'")).toEqual(['percent-off'])
    expect(await slugs("title:~'%%'")).toEqual([])
    expect(await slugs("title:~^'%'")).toEqual([])
    expect(await slugs("slug:~\"' or 1=1 --\"")).toEqual([])
    expect(await slugs("title:~'\\') or 1=1 --'")).toEqual([])
    expect(await slugs("title:-~'%'")).toHaveLength(8)
    // Tags and authors are matched the same way, in memory.
    expect((await api.tags.browse({ filter: "slug:~^'en'", limit: 'all' as unknown as number })).map((x) => x.slug)).toEqual(['energy-crisis'])
    expect((await api.authors.browse({ filter: "name:~'REPORT'+slug:-~$'z'" })).map((x) => x.slug)).toEqual(['ada-reporter'])
    // Only text can be matched; anything else is a 400 naming the property.
    for (const bad of ["published_at:~'2026'", 'id:~1', 'featured:~true', 'slug:~[a,b]', 'slug:>~a', 'slug:~null', 'visibility:~pub', 'slug:~']) {
      const res = await get(`/ghost/api/content/posts/?key=${key}&filter=${encodeURIComponent(bad)}`)
      expect(res.statusCode, bad).toBe(400)
      expect(res.json().errors[0].type, bad).toBe('BadRequestError')
    }
    expect((await get(`/ghost/api/content/tags/?key=${key}&filter=${encodeURIComponent('count.posts:~1')}`)).statusCode).toBe(400)
  })
})
