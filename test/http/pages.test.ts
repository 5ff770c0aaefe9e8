// Pages (About, Contact): written in the newsroom, served at /<slug>/, never on a section's address, listed in the footer and sitemap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'

describe.each(testDialects())('%s: pages', (dialect) => {
  let t: TestApp
  let editor: StaffSession
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    editor = await signInAs(t, 'editor')
    await createArticle(t.services, { slug: 'budget-passes', headline: 'Budget passes', section: 'Politics' })
  })
  afterAll(() => t.close())

  const post = (url: string, fields: Record<string, string>) => t.app.inject(formPost(editor, url, fields))
  const page = (fields: Record<string, string>) => ({ title: '', slug: '', body: '', status: 'published', position: '10', seoDescription: '', ...fields })

  it('writes a page in the newsroom and serves it at its own address without dates, comments or related news', async () => {
    const created = await post('/newsroom/pages', page({ title: 'About us', body: 'We report on the **valley**.\n\n<script>alert(1)</script>', inFooter: '1' }))
    expect(created.statusCode).toBe(303)
    expect(created.headers.location).toMatch(/^\/newsroom\/pages\/\d+\?done=created$/)
    const res = await t.app.inject('/about-us/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1 id="page-title" class="article__headline">About us</h1>')
    expect(res.body).toContain('<strong>valley</strong>')
    expect(res.body).not.toContain('<script>alert')
    expect(res.body).not.toContain('<time datetime="2')
    expect(res.body).not.toContain('Leave a Reply')
    expect(res.body).not.toContain('Related news')
    // Every page's footer links it; the sitemap lists it.
    const home = await t.app.inject('/')
    expect(home.body).toMatch(/<nav aria-label="About this site" class="site-footer__pages"><ul><li><a href="\/about-us\/">About us<\/a>/)
    expect((await t.app.inject('/sitemaps/sections.xml')).body).toContain('<loc>https://news.example.test/about-us/</loc>')
  })

  it('keeps a draft off the site and out of the footer', async () => {
    await post('/newsroom/pages', page({ title: 'Ethics policy', status: 'draft', inFooter: '1' }))
    expect((await t.app.inject('/ethics-policy/')).statusCode).toBe(404)
    expect((await t.app.inject('/')).body).not.toContain('/ethics-policy/')
  })

  it('refuses a page on a section address, and a section on a page address', async () => {
    const clash = await post('/newsroom/pages', page({ title: 'Politics' }))
    expect(clash.statusCode).toBe(400)
    expect(clash.body).toContain('The section at /politics/ already uses this address')
    const reserved = await post('/newsroom/pages', page({ title: 'Search' }))
    expect(reserved.statusCode).toBe(400)
    const section = await post('/newsroom/sections', { name: 'About us', slug: 'about-us' })
    expect(section.statusCode).toBe(400)
    expect(section.body).toContain('A page already uses the address /about-us/')
    // An article filed under a new section of that name is refused too, rather than hiding the page.
    await expect(createArticle(t.services, { slug: 'x-about', headline: 'X', section: 'About us' })).rejects.toThrow(/clashes with the page/)
  })

  it('redirects the old address when a page slug changes', async () => {
    const created = await post('/newsroom/pages', page({ title: 'Contact' }))
    const id = created.headers.location!.match(/pages\/(\d+)/)![1]
    const saved = await post(`/newsroom/pages/${id}`, page({ title: 'Contact the newsroom', slug: 'contact-us' }))
    expect(saved.statusCode).toBe(303)
    const moved = await t.app.inject('/contact/')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/contact-us/')
    expect((await t.app.inject('/contact-us/')).statusCode).toBe(200)
  })

  it('lets only editors and administrators manage pages', async () => {
    const contributor = await signInAs(t, 'contributor')
    expect((await t.app.inject({ url: '/newsroom/pages', headers: { cookie: contributor.cookie } })).statusCode).toBe(403)
    const noCsrf = await t.app.inject({ method: 'POST', url: '/newsroom/pages', headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=X' })
    expect(noCsrf.statusCode).toBe(403)
  })
})
