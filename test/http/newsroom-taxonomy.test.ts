import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { recordSlugRedirect } from '../../src/content/index.js'

describe.each(testDialects())('%s: newsroom taxonomy', (dialect) => {
  let t: TestApp
  let editor: StaffSession
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    editor = await signInAs(t, 'editor')
    await createArticle(t.services, {
      slug: 'budget-passes', headline: 'Budget passes', section: 'International', topics: ['Energy Crisis'], tags: ['budget'], authors: ['Ada Reporter'],
    })
  })
  afterAll(() => t.close())

  const post = (url: string, fields: Record<string, string>) => t.app.inject(formPost(editor, url, fields))
  const idOf = async (kind: string, name: string) => {
    const res = await t.app.inject({ url: `/newsroom/${kind}s`, headers: { cookie: editor.cookie, accept: 'application/json' } })
    return (res.json().items as { id: number; name: string }[]).find((i) => i.name === name)!.id
  }

  it('lists sections with their article counts and creates one', async () => {
    const created = await post('/newsroom/sections', { name: 'Climate & Weather', slug: '', description: 'The valley\'s weather', position: '5' })
    expect(created.statusCode).toBe(303)
    const list = await t.app.inject({ url: '/newsroom/sections?done=created', headers: { cookie: editor.cookie } })
    expect(list.body).toContain('Created.')
    expect(list.body).toContain('href="/climate-weather/"')
    expect(list.body).toMatch(/International<\/td><td><a class="nr-mono" href="\/international\/">\/international\/<\/a><\/td><td>1<\/td>/)
    expect((await t.app.inject('/climate-weather/')).statusCode).toBe(200)
  })

  it('refuses a reserved or taken section slug with a clear message', async () => {
    const reserved = await post('/newsroom/sections', { name: 'Newsroom', slug: 'newsroom' })
    expect(reserved.statusCode).toBe(400)
    expect(reserved.body).toContain('&quot;newsroom&quot; is a reserved address')
    const taken = await post('/newsroom/sections', { name: 'Another', slug: 'international' })
    expect(taken.statusCode).toBe(400)
    expect(taken.body).toContain('Another section already uses the address /international/')
  })

  it('renames a section; its old address and its articles\' old addresses redirect with 301', async () => {
    const id = await idOf('section', 'International')
    const res = await post(`/newsroom/sections/${id}`, { name: 'World', slug: 'world', description: '', position: '1' })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/newsroom/sections/${id}?done=moved`)
    const old = await t.app.inject('/international/?page=1')
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe('/world/?page=1')
    const article = await t.app.inject('/international/budget-passes/')
    expect(article.statusCode).toBe(301)
    expect(article.headers.location).toBe('/world/budget-passes/')
    expect((await t.app.inject('/world/budget-passes/')).statusCode).toBe(200)

    // Renamed again: the first address goes straight to the newest, never through a chain.
    await post(`/newsroom/sections/${id}`, { name: 'World news', slug: 'world-news', description: '', position: '1' })
    expect((await t.app.inject('/international/')).headers.location).toBe('/world-news/')
    expect((await t.app.inject('/world/')).headers.location).toBe('/world-news/')
  })

  it('lets a new section take an address that used to redirect', async () => {
    await post('/newsroom/sections', { name: 'International', slug: 'international' })
    expect((await t.app.inject('/international/')).statusCode).toBe(200)
  })

  it('purges cached pages when a name changes', async () => {
    await t.app.inject('/')
    expect((await t.app.inject('/')).headers['x-cache']).toBe('HIT')
    const id = await idOf('section', 'World news')
    await post(`/newsroom/sections/${id}`, { name: 'Foreign desk', slug: 'world-news', description: '', position: '1' })
    const home = await t.app.inject('/')
    expect(home.headers['x-cache']).toBeUndefined()
    expect(home.body).toContain('Foreign desk')
  })

  it('refuses to remove a section that still has articles, and removes an empty one', async () => {
    const full = await post(`/newsroom/sections/${await idOf('section', 'Foreign desk')}/remove`, {})
    expect(full.statusCode).toBe(409)
    expect(full.body).toContain('The section &quot;Foreign desk&quot; still has 1 article; move it to another section before removing it.')
    const empty = await post(`/newsroom/sections/${await idOf('section', 'Climate & Weather')}/remove`, {})
    expect(empty.statusCode).toBe(303)
    expect((await t.app.inject('/climate-weather/')).statusCode).toBe(404)
  })

  it('renames topics, tags and authors with redirects', async () => {
    for (const [kind, name, fresh, from, to] of [
      ['topic', 'Energy Crisis', 'Energy prices', '/topic/energy-crisis/', '/topic/energy-prices/'],
      ['tag', 'budget', 'city budget', '/tag/budget/', '/tag/city-budget/'],
      ['author', 'Ada Reporter', 'Ada Lovelace', '/author/ada-reporter/', '/author/ada-lovelace/'],
    ] as const) {
      const res = await post(`/newsroom/${kind}s/${await idOf(kind, name)}`, { name: fresh, slug: '', description: '' })
      expect(res.statusCode).toBe(303)
      const old = await t.app.inject(from)
      expect([old.statusCode, old.headers.location]).toEqual([301, to])
      expect((await t.app.inject(to)).statusCode).toBe(200)
    }
  })

  it('removes a tag and the article simply loses it', async () => {
    const res = await post(`/newsroom/tags/${await idOf('tag', 'city budget')}/remove`, {})
    expect(res.statusCode).toBe(303)
    expect((await t.app.inject('/tag/city-budget/')).statusCode).toBe(404)
    const article = await t.app.inject('/world-news/budget-passes/')
    expect(article.statusCode).toBe(200)
    expect(article.body).not.toContain('/tag/city-budget/')
  })

  it('sends a reader following an article\'s old slug to its current address', async () => {
    await createArticle(t.services, { slug: 'ferry-returns', headline: 'Ferry returns', section: 'News' })
    await recordSlugRedirect(t.services.db, 'article', 'ferry-back', 'ferry-returns', '2026-11-25T10:00:00.000Z')
    const res = await t.app.inject('/news/ferry-back/')
    expect([res.statusCode, res.headers.location]).toEqual([301, '/news/ferry-returns/'])
    expect((await t.app.inject('/news/never-existed/')).statusCode).toBe(404)
  })

  it('is for editors and administrators only', async () => {
    const [author, admin] = await Promise.all([signInAs(t, 'author'), signInAs(t, 'administrator')])
    for (const kind of ['sections', 'topics', 'tags', 'authors']) {
      expect((await t.app.inject({ url: `/newsroom/${kind}`, headers: { cookie: author.cookie } })).statusCode).toBe(403)
      expect((await t.app.inject({ url: `/newsroom/${kind}`, headers: { cookie: admin.cookie } })).statusCode).toBe(200)
      expect((await t.app.inject(formPost(author, `/newsroom/${kind}`, { name: 'Sneaky' }))).statusCode).toBe(403)
      const stranger = await t.app.inject(`/newsroom/${kind}`)
      expect(stranger.statusCode).toBe(303)
    }
  })
})
