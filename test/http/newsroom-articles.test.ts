// The newsroom's article pages through inject(): list and filters, the editor and its buttons per role, autosave,
// preview without JavaScript, scheduling, unpublishing, corrections, revisions, and drafts kept off every public URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { utcToZoned, zonedToUtc } from '../../src/newsroom/editor.form.js'

describe('newsroom articles', () => {
  let t: TestApp
  let editor: StaffSession
  let author: StaffSession
  let contributor: StaffSession

  beforeAll(async () => {
    t = await buildTestApp()
    await createArticle(t.services, { headline: 'Ferry timetable changes for winter', section: 'News' })
    editor = await signInAs(t, 'editor')
    author = await signInAs(t, 'author')
    contributor = await signInAs(t, 'contributor')
  })
  afterAll(() => t.close())

  const fields = (over: Record<string, string> = {}) => ({
    headline: 'Lighthouse keeper retires after forty years', slug: '', topic: 'Coast life', section: 'News', tags: 'Harbour, People',
    authors: 'Ada Reporter', standfirst: 'The last keeper leaves the island.', dateline: 'Porthaven', body: 'She climbed the stairs every night.\n\nNow she rests.',
    image_url: '', image_alt: '', image_caption: '', image_credit: '', image_media_id: '', agency: '', seo_title: '', seo_description: '', comments_open: 'on',
    ...over,
  })
  const create = async (who: StaffSession, over: Record<string, string> = {}) => {
    const res = await t.app.inject(formPost(who, '/newsroom/articles', { ...fields(over), action: 'save' }))
    expect(res.statusCode).toBe(303)
    const id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(res.headers.location))?.[1])
    expect(id).toBeGreaterThan(0)
    return id
  }
  const get = (who: StaffSession, url: string) => t.app.inject({ url, headers: { cookie: who.cookie } })
  const publicGet = (url: string) => t.app.inject({ url })

  it('shows every control of the editor with its label, and the buttons the role allows', async () => {
    const page = await get(author, '/newsroom/articles/new')
    expect(page.statusCode).toBe(200)
    for (const [id, label] of [['headline', 'Headline'], ['slug', 'Slug'], ['topic', 'Topic'], ['section', 'Section'], ['tags', 'Tags'],
      ['authors', 'Authors'], ['standfirst', 'Standfirst'], ['dateline', 'Dateline'], ['body', 'Body'], ['image_url', 'Image URL'],
      ['image_alt', 'Alt text'], ['agency', 'Agency credit'], ['seo_title', 'SEO title'], ['seo_description', 'SEO description'], ['comments_open', 'Comments open']]) {
      expect(page.body).toContain(`<label for="${id}">${label}</label>`)
    }
    for (const button of ['Save draft', 'Preview', 'Publish', 'Schedule']) expect(page.body).toContain(`>${button}</button>`)
    const theirs = await get(contributor, '/newsroom/articles/new')
    expect(theirs.body).toContain('>Save draft</button>')
    expect(theirs.body).not.toContain('>Publish</button>')
    expect(theirs.body).not.toContain('>Schedule</button>')
  })

  it('refuses a contributor who forces Publish with 403, and saves nothing', async () => {
    const id = await create(contributor)
    const res = await t.app.inject(formPost(contributor, `/newsroom/articles/${id}`, { ...fields({ headline: 'Forced through' }), action: 'publish' }))
    expect(res.statusCode).toBe(403)
    const page = await get(contributor, `/newsroom/articles/${id}`)
    expect(page.body).toContain('>Draft</span>')
    expect(page.body).not.toContain('Forced through')
  })

  it('previews without JavaScript by a full round trip, sanitised, keeping every word typed', async () => {
    const res = await t.app.inject(formPost(author, '/newsroom/articles', { ...fields({ body: 'Safe **bold** words <script>alert(1)</script>' }), action: 'preview' }))
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<strong>bold</strong>')
    expect(res.body).not.toContain('<script>alert(1)</script>')
    expect(res.body).toContain('Safe **bold** words &lt;script>')
  })

  it('refuses to publish a new article without a body, saving nothing and keeping the headline', async () => {
    const before = (await get(author, '/newsroom/articles?q=bodiless')).body
    expect(before).not.toContain('Bodiless story')
    const res = await t.app.inject(formPost(author, '/newsroom/articles', { ...fields({ headline: 'Bodiless story', body: '' }), action: 'publish' }))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('body is required')
    expect(res.body).toContain('value="Bodiless story"')
    expect((await get(author, '/newsroom/articles?q=bodiless')).body).not.toContain('>Bodiless story</a>')
  })

  it('explains a slug clash next to the field and keeps the text', async () => {
    const first = await create(author, { headline: 'Harbour crane arrives' })
    expect(first).toBeGreaterThan(0)
    const res = await t.app.inject(formPost(author, '/newsroom/articles', { ...fields({ headline: 'Another crane', slug: 'harbour-crane-arrives', body: 'Text I must not lose.' }), action: 'save' }))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Another article already uses the slug')
    expect(res.body).toContain('Text I must not lose.')
  })

  it('autosaves as JSON with the CSRF header, recording a revision only when something changed', async () => {
    const id = await create(author, { headline: 'Autosaved story' })
    const send = (body: Record<string, string>, headers = author.headers) => t.app.inject({
      method: 'POST', url: `/newsroom/articles/${id}/autosave`, headers: { ...headers, 'content-type': 'application/json', accept: 'application/json' }, payload: body,
    })
    const changed = await send(fields({ headline: 'Autosaved story', body: 'A new paragraph.' }))
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toMatchObject({ id, revision: 2, applied: true })
    expect((await send(fields({ headline: 'Autosaved story', body: 'A new paragraph.' }))).json()).toMatchObject({ revision: null })
    const forged = await send(fields({ headline: 'Autosaved story' }), { cookie: author.cookie, origin: t.config.siteUrl })
    expect(forged.statusCode).toBe(403)
    expect(forged.json()).toMatchObject({ error: { code: 'CSRF' } })
  })

  it('schedules in the site time zone and publishes when a scheduler tick finds the time has come', async () => {
    // The shared test clock stands at 12:00 UTC; 13:30 local (UTC) is ninety minutes ahead.
    const id = await create(author, { headline: 'Regatta results tonight' })
    const res = await t.app.inject(formPost(author, `/newsroom/articles/${id}`, { ...fields({ headline: 'Regatta results tonight' }), action: 'schedule', publish_at: '2026-11-25T13:30' }))
    expect(res.statusCode).toBe(303)
    expect((await publicGet('/news/regatta-results-tonight/')).statusCode).toBe(404)
    t.clock.set('2026-11-25T13:30:04Z')
    await t.services.jobs.tick()
    expect((await publicGet('/news/regatta-results-tonight/')).statusCode).toBe(200)
    expect((await publicGet('/')).body).toContain('Regatta results tonight')
    t.clock.set('2026-11-25T12:00:00Z')
  })

  it('unpublishes: the page answers 410 and the article leaves the home page and the feed', async () => {
    const id = await create(editor, { headline: 'Quay wall repaired' })
    await t.app.inject(formPost(editor, `/newsroom/articles/${id}`, { ...fields({ headline: 'Quay wall repaired' }), action: 'publish' }))
    expect((await publicGet('/')).body).toContain('Quay wall repaired')
    const res = await t.app.inject(formPost(editor, `/newsroom/articles/${id}`, { ...fields({ headline: 'Quay wall repaired' }), action: 'unpublish' }))
    expect(res.statusCode).toBe(303)
    expect((await publicGet('/news/quay-wall-repaired/')).statusCode).toBe(410)
    expect((await publicGet('/')).body).not.toContain('Quay wall repaired')
    expect((await publicGet('/feed/')).body).not.toContain('Quay wall repaired')
    expect((await publicGet('/sitemaps/articles-1.xml')).body).not.toContain('quay-wall-repaired')
  })

  it('sends readers of a published article’s old address to its new slug', async () => {
    const id = await create(editor, { headline: 'Tide tables printed wrong' })
    await t.app.inject(formPost(editor, `/newsroom/articles/${id}`, { ...fields({ headline: 'Tide tables printed wrong' }), action: 'publish' }))
    await t.app.inject(formPost(editor, `/newsroom/articles/${id}`, { ...fields({ headline: 'Tide tables printed wrong', slug: 'tide-tables-corrected' }), action: 'save' }))
    const old = await publicGet('/news/tide-tables-printed-wrong/')
    expect(old.statusCode).toBe(301)
    expect(old.headers.location).toBe('/news/tide-tables-corrected/')
  })

  it('adds a correction that readers see on the page', async () => {
    const id = await create(author, { headline: 'Bakery wins award' })
    await t.app.inject(formPost(author, `/newsroom/articles/${id}`, { ...fields({ headline: 'Bakery wins award' }), action: 'publish' }))
    const res = await t.app.inject(formPost(author, `/newsroom/articles/${id}/corrections`, { kind: 'correction', text: 'The bakery is on Mill Lane, not Mill Road.' }))
    expect(res.statusCode).toBe(303)
    const page = await publicGet('/news/bakery-wins-award/')
    expect(page.body).toContain('The bakery is on Mill Lane, not Mill Road.')
  })

  it('lists revisions and compares two with escaped insertions and deletions, then restores one', async () => {
    const id = await create(author, { headline: 'Council <b>budget</b> vote', body: 'The vote is on Monday.' })
    await t.app.inject(formPost(author, `/newsroom/articles/${id}`, { ...fields({ headline: 'Council <b>budget</b> vote', body: 'The vote is on Tuesday.' }), action: 'save' }))
    const list = await get(author, `/newsroom/articles/${id}/revisions`)
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain('Revision 2')
    const diff = await get(author, `/newsroom/articles/${id}/revisions/compare?a=1&b=2`)
    expect(diff.body).toContain('<del>Monday</del>')
    expect(diff.body).toContain('<ins>Tuesday</ins>')
    expect(diff.body).not.toContain('<b>budget</b>')
    const restore = await t.app.inject(formPost(author, `/newsroom/articles/${id}/revisions/1/restore`, {}))
    expect(restore.statusCode).toBe(303)
    expect((await get(author, `/newsroom/articles/${id}`)).body).toContain('The vote is on Monday.')
  })

  it('filters the list by status and text', async () => {
    await create(author, { headline: 'Orchard harvest festival' })
    const drafts = await get(contributor, '/newsroom/articles?status=draft&q=orchard')
    expect(drafts.statusCode).toBe(200)
    expect(drafts.body).toContain('Orchard harvest festival')
    expect(drafts.body).not.toContain('Ferry timetable changes')
    const published = await get(contributor, '/newsroom/articles?status=published')
    expect(published.body).toContain('Ferry timetable changes')
    expect(published.body).not.toContain('Orchard harvest festival')
  })

  it('keeps drafts and scheduled articles off every public URL', async () => {
    // A published neighbour sharing topic and tags, so a leak through "Related news" or "Also read" would show.
    const neighbour = await create(author, { headline: 'Moorings fees rise next spring', topic: 'Hidden topic', tags: 'Hiddentag' })
    await t.app.inject(formPost(author, `/newsroom/articles/${neighbour}`, { ...fields({ headline: 'Moorings fees rise next spring', topic: 'Hidden topic', tags: 'Hiddentag' }), action: 'publish' }))
    await create(author, { headline: 'Secret draft about the moorings', topic: 'Hidden topic', tags: 'Hiddentag', authors: 'Hidden Writer' })
    const scheduled = await create(author, { headline: 'Embargoed mooring report' })
    await t.app.inject(formPost(author, `/newsroom/articles/${scheduled}`, { ...fields({ headline: 'Embargoed mooring report' }), action: 'schedule', publish_at: '2026-11-26T09:00' }))
    const sitemap = await publicGet('/sitemap.xml')
    const children = [...sitemap.body.matchAll(/<loc>https:\/\/news\.example\.test([^<]+)<\/loc>/g)].map((m) => m[1]!)
    const urls = [
      '/', '/news/', '/news/feed/', '/feed/', '/feed/atom/', '/feed/json/', '/sitemap.xml', '/news-sitemap.xml', ...children,
      '/search?q=secret+draft', '/search?q=embargoed', '/topic/hidden-topic/', '/tag/hiddentag/', '/author/hidden-writer/',
      '/news/moorings-fees-rise-next-spring/', '/topic/hidden-topic/feed/',
    ]
    for (const url of urls) {
      const res = await publicGet(url)
      expect(res.body, url).not.toMatch(/Secret draft about|Embargoed mooring/i)
    }
    expect((await publicGet('/news/moorings-fees-rise-next-spring/')).statusCode).toBe(200)
    expect((await publicGet('/news/secret-draft-about-the-moorings/')).statusCode).toBe(404)
    expect((await publicGet('/news/embargoed-mooring-report/')).statusCode).toBe(404)
  })
})

describe('schedule times in the site time zone', () => {
  it('reads a datetime-local value as wall-clock time in the zone, either side of daylight saving', () => {
    expect(zonedToUtc('2026-11-26T07:30', 'UTC')?.toISOString()).toBe('2026-11-26T07:30:00.000Z')
    expect(zonedToUtc('2026-07-01T09:00', 'Europe/Lisbon')?.toISOString()).toBe('2026-07-01T08:00:00.000Z')
    expect(zonedToUtc('2026-12-01T09:00', 'America/New_York')?.toISOString()).toBe('2026-12-01T14:00:00.000Z')
    expect(zonedToUtc('2026-03-29T12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T10:00:00.000Z')
    expect(zonedToUtc('tomorrow at nine', 'UTC')).toBeUndefined()
    expect(utcToZoned(new Date('2026-07-01T08:00:00Z'), 'Europe/Lisbon')).toBe('2026-07-01T09:00')
  })
})
