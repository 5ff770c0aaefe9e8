// Signed preview links: a draft is readable by whoever holds a genuine, unexpired link, and by no other public road.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { previewPath, verifyPreview } from '../../src/content/index.js'

describe.each(testDialects())('%s: preview links', (dialect) => {
  let t: TestApp
  let writer: StaffSession
  let editor: StaffSession
  let otherContributor: StaffSession
  let draftId: number
  let link: string

  const headline = 'Quarry expansion plan zyxwvut leaked'
  const fields = {
    headline, slug: '', topic: '', section: 'News', tags: 'Quarry', authors: 'Ada Reporter', standfirst: 'Plans seen before the vote.',
    dateline: 'Halvern', body: 'The quarry would double in size zyxwvut.\n\nResidents have not been told.', image_url: '', image_alt: '',
    image_caption: '', image_credit: '', image_media_id: '', agency: '', seo_title: '', seo_description: '', comments_open: 'on',
  }
  const linkIn = (html: string) => /id="preview-link"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="preview-link"/.exec(html)

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, { headline: 'Published neighbour story', section: 'News', tags: ['Quarry'] })
    writer = await signInAs(t, 'contributor')
    editor = await signInAs(t, 'editor')
    otherContributor = await signInAs(t, 'contributor')
    const res = await t.app.inject(formPost(writer, '/newsroom/articles', { ...fields, action: 'save' }))
    expect(res.statusCode).toBe(303)
    draftId = Number(/\/newsroom\/articles\/(\d+)/.exec(String(res.headers.location))?.[1])
    const page = await t.app.inject({ url: `/newsroom/articles/${draftId}`, headers: { cookie: writer.cookie } })
    const found = linkIn(page.body)
    expect(found).not.toBeNull()
    link = (found![1] ?? found![2])!
  }, 60_000)
  afterAll(() => t.close())

  const path = (url: string) => url.slice(t.config.siteUrl.length)

  it('shows the editor an absolute link with its expiry in the site time zone, only to those who may edit', async () => {
    expect(link).toMatch(new RegExp(`^${t.config.siteUrl}/preview/${draftId}/\\d+/[A-Za-z0-9_-]{43}/$`))
    const writerPage = await t.app.inject({ url: `/newsroom/articles/${draftId}`, headers: { cookie: writer.cookie } })
    expect(writerPage.body).toContain('>Preview link</h2>')
    expect(writerPage.body).toContain('datetime="2026-11-27T12:00:00.000Z"')
    const editorPage = await t.app.inject({ url: `/newsroom/articles/${draftId}`, headers: { cookie: editor.cookie } })
    expect(linkIn(editorPage.body)).not.toBeNull()
    const readOnly = await t.app.inject({ url: `/newsroom/articles/${draftId}`, headers: { cookie: otherContributor.cookie } })
    expect(readOnly.statusCode).toBe(200)
    expect(readOnly.body).not.toContain('/preview/')
    expect(readOnly.body).not.toContain('Preview link')
  })

  it('shows the draft to anyone holding the link, marked as a preview, never indexed or kept', async () => {
    const res = await t.app.inject(path(link))
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(headline)
    expect(res.body).toContain('Preview — not published')
    expect(res.body).toContain('<meta name="robots" content="noindex"/>')
    expect(res.headers['x-robots-tag']).toBe('noindex')
    expect(res.headers['cache-control']).toBe('private, no-store')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.body).not.toMatch(/<form[^>]*comment/i)
    expect(res.body).not.toContain('<textarea')
  })

  it('never puts a preview in the page cache', async () => {
    await t.app.inject(path(link))
    const again = await t.app.inject(path(link))
    expect(again.headers['x-cache']).toBeUndefined()
    expect(again.headers['surrogate-key']).toBeUndefined()
  })

  it('refuses a tampered id, expiry or signature with a plain 403 page', async () => {
    const [, , id, expires, sig] = path(link).split('/') as [string, string, string, string, string]
    const other = await createArticle(t.services, { headline: 'Another draft story', status: 'draft', publishedAt: undefined })
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    for (const url of [
      `/preview/${other.id}/${expires}/${sig}/`, `/preview/${id}/${Number(expires) + 86_400}/${sig}/`, `/preview/${id}/${expires}/${flipped}/`,
      `/preview/0${id}/${expires}/${sig}/`, `/preview/${id}/${expires}/short/`, `/preview/abc/${expires}/${sig}/`, `/preview/${id}/${expires}/${'x'.repeat(60)}/`,
    ]) {
      const res = await t.app.inject(url)
      expect(res.statusCode, url).toBe(403)
      expect(res.body).toContain('This preview link is not valid')
      expect(res.body).not.toContain(headline)
      expect(res.body).not.toContain('Another draft story')
    }
    // Past the router's parameter limit the answer is the router's own refusal, still never a 500 or the draft.
    const overlong = await t.app.inject(`/preview/${id}/${expires}/${'x'.repeat(300)}/`)
    expect(overlong.statusCode).toBeGreaterThanOrEqual(400)
    expect(overlong.statusCode).toBeLessThan(500)
  })

  it('answers 404 for a genuine link to an article that no longer exists', async () => {
    const res = await t.app.inject(previewPath(t.services.secret, 999_999, new Date('2026-11-26T12:00:00Z')))
    expect(res.statusCode).toBe(404)
  })

  it('keeps the draft off every other public address: its URL, lists, feeds, sitemaps, search', async () => {
    const slug = 'quarry-expansion-plan-zyxwvut-leaked'
    expect((await t.app.inject(`/news/${slug}/`)).statusCode).toBe(404)
    for (const url of ['/', '/news/', '/tag/quarry/', '/feed/', '/feed/atom/', '/feed/json/', '/news/feed/', '/sitemap.xml', '/sitemaps/articles-1.xml', '/news-sitemap.xml']) {
      const res = await t.app.inject(url)
      expect(res.body, url).not.toContain('zyxwvut')
      expect(res.body, url).not.toContain(`/preview/`)
    }
    const search = await t.app.inject('/search?q=zyxwvut')
    expect(search.body).toContain('No articles match')
    expect(search.body).not.toContain(headline)
  })

  it('stops working once the link has expired', async () => {
    t.clock.advance(48 * 3_600_000 + 1000)
    try {
      const res = await t.app.inject(path(link))
      expect(res.statusCode).toBe(410)
      expect(res.body).toContain('This preview link has expired')
      expect(res.body).not.toContain(headline)
      expect(res.headers['cache-control']).toBe('private, no-store')
    } finally {
      t.clock.set('2026-11-25T12:00:00.000Z')
    }
  })
})

describe('preview signatures', () => {
  const secret = 'a-secret-a-secret-a-secret-a-secret'
  const now = new Date('2026-11-25T12:00:00Z')
  const parts = (p: string) => p.split('/').slice(2, 5) as [string, string, string]

  it('accepts its own link until the expiry and refuses another secret', () => {
    const [id, expires, sig] = parts(previewPath(secret, 7, new Date('2026-11-27T12:00:00Z')))
    expect(verifyPreview(secret, id, expires, sig, now)).toEqual({ ok: true, articleId: 7 })
    expect(verifyPreview(secret, id, expires, sig, new Date('2026-11-27T12:00:00Z'))).toEqual({ ok: false, reason: 'expired' })
    expect(verifyPreview('another-secret-another-secret-xx', id, expires, sig, now)).toEqual({ ok: false, reason: 'forged' })
  })
})
