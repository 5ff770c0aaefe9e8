// WordPress import end to end: import a WXR export, read the pages, follow the old addresses, see the comments,
// import again without duplicates, and resume an interrupted import to the same result as one run.
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { ImportError } from '../../src/importers/index.js'
import { fixture, importFile, snapshot, uploadsFolder } from './support.js'

describe.each(testDialects())('%s: WordPress import', (dialect) => {
  let t: TestApp
  let uploads: string
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    uploads = await uploadsFolder()
  })
  afterAll(() => t.close())

  it('imports posts, pages, comments and media and reports what it left out', async () => {
    const report = await importFile(t, fixture('wordpress.xml'), { mediaDir: uploads })
    expect(report).toMatchObject({ format: 'wordpress', created: 5, updated: 0, comments: { created: 5, existing: 0 } })
    expect(report.skipped).toEqual([
      { line: 199, title: 'Private memo', reason: 'private post: not imported', deliberate: true },
      { line: 207, title: 'Deleted story', reason: 'in the trash: not imported', deliberate: true },
    ])
    expect(report.ignored).toEqual({ pingbacks: 1, 'menu items': 1, revisions: 1, 'custom post type "product"': 1 })
    expect(report.media.found).toBe(2)
    expect(report.media.missing).toEqual(['https://old.example.com/wp-content/uploads/2025/01/gone.jpg'])
    expect(report.unknownShortcodes).toEqual({ 'contact-form-7': 1 })
    expect(report.redirects).toBeGreaterThanOrEqual(20)
    // Related news for the imported archive is queued as one job, worked out off the request path.
    const jobs = await t.services.db.selectFrom('job').select(['kind', 'status']).where('kind', '=', 'related-refresh').execute()
    expect(jobs).toEqual([{ kind: 'related-refresh', status: 'queued' }])
  })

  it('serves a classic post with its paragraphs, figures, gallery, links and table, and nothing executable', async () => {
    // The Yoast primary category is the section; the other category a topic.
    const res = await t.app.inject('/council-politics/harbour-tolls-frozen/')
    expect(res.statusCode).toBe(200)
    const body = res.body
    expect(body).toContain('<p>The port authority kept its fees at last year’s level.')
    // [caption] is a figure of the imported picture (served in its responsive variants) with its caption.
    expect(body).toMatch(/<img src="\/media\/[0-9a-f]+-64\.jpg"[^>]* alt="Boats at dawn"[^>]*\/><\/picture><figcaption>Saltmere harbour at dawn\.<\/figcaption><\/figure>/)
    expect(body).toContain('<h2>What the chair said</h2>')
    expect(body).toContain('<blockquote>')
    expect(body).toContain('<li>Mooring fees fall</li>')
    expect(body).toMatch(/<img src="\/media\/[0-9a-f]+-40\.jpg"[^>]* alt="The ferry"/)
    expect(body).toContain('<a href="https://video.example.net/watch/harbour">')
    expect(body).toContain('<a href="https://maps.example.net/saltmere">')
    expect(body).toContain('[contact-form-7 id=')
    expect(body).toContain('<td>Toll</td>')
    // Split CDATA: the ]]> WordPress cut in two arrives whole.
    expect(body).toContain('a]]&gt;b in the ledger')
    for (const bad of ['<script>alert', 'onclick', '<iframe', 'evil.example']) expect(body).not.toContain(bad)
    // Standfirst from the text before <!--more-->, byline from dc:creator's display name, featured image from _thumbnail_id.
    expect(body).toContain('The vote was unanimous.')
    expect(body).toContain('Mira Holm')
    expect(body).toContain('alt="Fishing boats moored in Saltmere harbour"')
    expect(body).toContain('href="/topic/news/"')
  })

  it('shows approved comments in their threads, never a commenter email, and nothing held or spam', async () => {
    const body = (await t.app.inject('/council-politics/harbour-tolls-frozen/')).body
    const first = body.indexOf('Good news for the boats &amp; their crews.')
    const second = body.indexOf('I disagree.')
    const third = body.indexOf('A reply to the reply.')
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first)
    expect(third).toBeGreaterThan(second)
    expect(body).toContain('Fees should fall.')
    expect(body).not.toContain('Waiting for a moderator')
    expect(body).not.toContain('Buy now')
    expect(body).not.toContain('javascript:')
    const pages = ['/', '/council-politics/harbour-tolls-frozen/', '/culture/', '/feed/', '/council-politics/feed/', '/author/mira-holm/', '/about/']
    for (const path of pages) {
      const res = await t.app.inject(path)
      for (const email of ['first.reader@example.net', 'second.reader@example.net', 'third.reader@example.net', 'mira.private@example.org']) {
        expect(res.body, path).not.toContain(email)
      }
    }
    const { depths } = { depths: await t.services.db.selectFrom('comment').select(['author_name', 'depth']).where('status', '=', 'approved').orderBy('depth').execute() }
    expect(depths.map((d) => [d.author_name, d.depth])).toEqual([['First Reader', 0], ['Second Reader', 1], ['Third Reader', 2]])
  })

  it('serves a block-editor post with hostile Unicode and a page without dates or comments', async () => {
    const ferry = await t.app.inject('/culture/ferry-nordlys-returns-evil-with-and-zalgo/')
    expect(ferry.statusCode).toBe(200)
    expect(ferry.body).toContain('Ferry “Nordlys” returns ‮evil‬ with 🎉 and Z̸a̸l̸g̸o̸')
    expect(ferry.body).toContain('Block <strong>content</strong> with <em>emphasis</em>')
    expect(ferry.body).toContain('<h3>On board</h3>')
    expect(ferry.body).not.toContain('wp:paragraph')
    expect(ferry.body).toMatch(/<figcaption>The ferry at the quay\.<\/figcaption>/)
    expect(ferry.body).toContain('<li>Sail</li>')
    const about = await t.app.inject('/about/')
    expect(about.statusCode).toBe(200)
    expect(about.body).toContain('About the Courier')
    expect(about.body).toContain('<p>We have reported on Saltmere since 1921.</p>')
    expect(about.body).not.toContain('Leave a Reply')
  })

  it('answers every old address with a 301 to the new one', async () => {
    const moves: [string, string][] = [
      ['/2026/11/harbour-tolls-frozen/', '/council-politics/harbour-tolls-frozen/'],
      ['/2026/11/harbour-tolls-frozen', '/council-politics/harbour-tolls-frozen/'],
      ['/?p=101', '/council-politics/harbour-tolls-frozen/'],
      ['/culture/%D0%BF%D0%B0%D1%80%D0%BE%D0%BC/', '/culture/ferry-nordlys-returns-evil-with-and-zalgo/'],
      ['/?page_id=107', '/about/'],
      ['/category/council/', '/council-politics/'],
      ['/category/news/council/', '/council-politics/'],
      ['/category/council/feed/', '/council-politics/feed/'],
      ['/category/news/', '/news/'],
      ['/tag/%C3%A9t%C3%A9/', '/tag/ete/'],
      ['/author/mholm/', '/author/mira-holm/'],
      ['/author/ade/feed/', '/author/ade-okafor/feed/'],
    ]
    for (const [from, to] of moves) {
      const res = await t.app.inject(from)
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to])
    }
    for (const [, to] of moves.slice(0, 6)) expect((await t.app.inject(to)).statusCode).toBe(200)
    expect((await t.app.inject('/2019/01/never-existed/')).statusCode).toBe(404)
  })

  it('files a scheduled post and a draft without showing them', async () => {
    const rows = await t.services.db.selectFrom('article').select(['slug', 'status', 'published_at']).where('status', '!=', 'published').orderBy('slug').execute()
    expect(rows).toEqual([
      { slug: 'budget-notes', status: 'draft', published_at: null },
      { slug: 'tomorrows-tide-tables-published-ahead', status: 'scheduled', published_at: '2026-12-01T06:00:00.000Z' },
    ])
    expect((await t.app.inject('/news/tomorrows-tide-tables-published-ahead/')).statusCode).toBe(404)
    const job = await t.services.db.selectFrom('job').select(['kind', 'run_at']).where('kind', '=', 'publish-article').executeTakeFirst()
    expect(job).toEqual({ kind: 'publish-article', run_at: '2026-12-01T06:00:00.000Z' })
  })

  it('updates instead of duplicating when the same export is imported again', async () => {
    const before = await snapshot(t)
    const again = await importFile(t, fixture('wordpress.xml'), { mediaDir: uploads })
    expect(again).toMatchObject({ created: 0, updated: 5, comments: { created: 0, existing: 5 } })
    expect(again.media.found).toBe(2)
    expect(await snapshot(t)).toEqual(before)
  })

  it('reads the https spelling of the wp namespace under another prefix, and a .html permalink', async () => {
    const report = await importFile(t, fixture('wordpress-https.xml'))
    expect(report).toMatchObject({ created: 1, skipped: [] })
    const moved = await t.app.inject('/lighthouse-reopens.html')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/news/lighthouse-reopens/')
  })

  it('writes nothing on a dry run', async () => {
    const before = await snapshot(t)
    const report = await importFile(t, fixture('wordpress.xml'), { mediaDir: uploads, dryRun: true })
    expect(report).toMatchObject({ dryRun: true, created: 0, updated: 5 })
    expect(await snapshot(t)).toEqual(before)
  })

  it('stops a malformed file with the line and column, keeping what was imported before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-wxr-'))
    const broken = join(dir, 'broken.xml')
    const text = readFileSync(fixture('wordpress-https.xml'), 'utf8').replace('<title>Lighthouse reopens</title>', '<title>Lighthouse <b>reopens</title>')
    writeFileSync(broken, text)
    const err = await importFile(t, broken).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImportError)
    expect((err as Error).message).toMatch(/^The file is not well-formed XML at line 9, column \d+: .+/)
    writeFileSync(broken, 'not xml at all')
    await expect(importFile(t, broken, { format: 'wordpress' })).rejects.toThrow(/not well-formed XML|no WordPress channel/)
  })
})

describe.each(testDialects())('%s: WordPress import stopped part-way', (dialect) => {
  let once: TestApp
  let resumed: TestApp
  let uploads: string
  beforeAll(async () => {
    [once, resumed] = await Promise.all([buildTestApp({ dialect }), buildTestApp({ dialect })])
    uploads = await uploadsFolder()
  })
  afterAll(() => Promise.all([once.close(), resumed.close()]))

  it('ends, when run again after being stopped, exactly as one uninterrupted run', async () => {
    await importFile(once, fixture('wordpress.xml'), { mediaDir: uploads })
    // Stopped after the second item was committed, as Ctrl-C or kill -9 would between transactions.
    const stop = new Error('stopped')
    const interrupted = importFile(resumed, fixture('wordpress.xml'), {
      mediaDir: uploads, batchSize: 1, onProgress: (done) => { if (done === 2) throw stop },
    })
    await expect(interrupted).rejects.toBe(stop)
    expect(Number((await resumed.services.db.selectFrom('article').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBeLessThan(4)
    await importFile(resumed, fixture('wordpress.xml'), { mediaDir: uploads })
    expect(await snapshot(resumed)).toEqual(await snapshot(once))
  })
})
