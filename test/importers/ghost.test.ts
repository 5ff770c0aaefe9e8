// Ghost import end to end: html-, Lexical- and Mobiledoc-only posts, a page, tags and authors in order, feature
// images with alt and caption, old addresses; members and API keys never imported.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { detectFormat, ImportError, renderLexical, renderMobiledoc } from '../../src/importers/index.js'
import { fixture, importFile, snapshot, uploadsFolder } from './support.js'

describe.each(testDialects())('%s: Ghost import', (dialect) => {
  let t: TestApp
  let images: string
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    images = await uploadsFolder()
  })
  afterAll(() => t.close())

  it('detects the format and imports posts and pages', async () => {
    expect(await detectFormat(fixture('ghost.json'))).toBe('ghost')
    expect(await detectFormat(fixture('wordpress.xml'))).toBe('wordpress')
    const report = await importFile(t, fixture('ghost.json'), { mediaDir: images })
    expect(report).toMatchObject({ format: 'ghost', created: 5, updated: 0, skipped: [], media: { found: 2, missing: [] } })
  })

  it('serves a post from its html with the primary tag as section, authors in order and the feature image', async () => {
    // The internal #hidden tag is first by sort_order but ignored; Weather is the primary tag.
    const res = await t.app.inject('/weather/tide-tables/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Rendered from <strong>html</strong>')
    expect(res.body).toContain('<a href="/pier-opens/">the pier</a>')
    expect(res.body).not.toContain('__GHOST_URL__')
    expect(res.body).toContain('<p class="article__standfirst">High and low water through February.</p>')
    expect(res.body).toMatch(/By <a href="\/author\/lena-berg\/" rel="author">Lena Berg<\/a> and <a href="\/author\/ivo-lund\/" rel="author">Ivo Lund<\/a>/)
    expect(res.body).toContain('alt="Harbour feature"')
    expect(res.body).toContain('<figcaption>Harbour at noon</figcaption>')
    expect(res.body).toContain('href="/tag/coast/"')
    expect(res.body).not.toContain('#hidden')
    expect(res.body).not.toContain('hash-hidden')
  })

  it('renders Lexical-only and Mobiledoc-only posts', async () => {
    const lexical = (await t.app.inject('/transport/winter-ferry/')).body
    expect(lexical).toContain('Rendered from <strong>Lexical</strong> with <a href="/tide-tables/">a link</a>')
    expect(lexical).toContain('<h2>Lexical heading</h2>')
    expect(lexical).toContain('<li>second item</li>')
    expect(lexical).toContain('<em>A quoted line</em>')
    expect(lexical).toMatch(/alt="Ferry in Lexical"[^>]*\/><\/picture><figcaption>Lexical caption<\/figcaption>/)
    const mobiledoc = (await t.app.inject('/coast/pier-opens/')).body
    expect(mobiledoc).toContain('Rendered from <em>Mobiledoc</em> with <a href="https://example.org/pier">a pier link</a>')
    expect(mobiledoc).toContain('<h2>Mobiledoc heading</h2>')
    expect(mobiledoc).toContain('<li><strong>two</strong></li>')
    expect(mobiledoc).toContain('<img src="https://cdn.example.net/pier.jpg" alt="The pier"')
    expect(mobiledoc).toContain('Markdown <strong>card</strong> text')
    expect((await t.app.inject('/ethics/')).body).toContain('We correct our mistakes in public.')
  })

  it('redirects the old post, tag and author addresses', async () => {
    for (const [from, to] of [['/tide-tables/', '/weather/tide-tables/'], ['/pier-opens/', '/coast/pier-opens/'], ['/tag/weather-news/', '/weather/'], ['/author/lena/', '/author/lena-berg/']]) {
      const res = await t.app.inject(from!)
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to])
    }
  })

  it('never stores the export\'s members, API keys or staff emails', async () => {
    const db = t.services.db
    const tables = ['article', 'page', 'author', 'tag', 'section', 'comment', 'media', 'slug_redirect', 'import_source', 'setting', 'staff_user', 'audit_log']
    for (const table of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db).catch(() => ({ rows: [] }))
      const text = JSON.stringify(rows.rows)
      for (const secret of ['SUPERSECRETAPIKEY', 'member.secret@example.net', 'Member Secret', 'lena.private@example.org']) expect(text, table).not.toContain(secret)
    }
  })

  it('updates instead of duplicating on a second run', async () => {
    const before = await snapshot(t)
    const again = await importFile(t, fixture('ghost.json'), { mediaDir: images })
    expect(again).toMatchObject({ created: 0, updated: 5 })
    expect(await snapshot(t)).toEqual(before)
  })

  it('stops a malformed export with the line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-ghost-'))
    const file = join(dir, 'broken.json')
    writeFileSync(file, '{"db": [{"data": {\n  "posts": [\n    {"id": "x",, "title": "Broken"}\n  ]}}]}')
    const err = await importFile(t, file).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ImportError)
    expect((err as Error).message).toMatch(/^The file is not valid JSON at line 3, column \d+/)
    writeFileSync(file, '{"db": [{"data": {"users": []}}]}')
    await expect(importFile(t, file)).rejects.toThrow(/not a Ghost export/)
  })
})

describe('Ghost editor formats', () => {
  const md = (m: string) => `<p>${m}</p>`
  it('renders Lexical text formats, lists, links and unknown nodes by their text', () => {
    const doc = { root: { type: 'root', children: [
      { type: 'paragraph', children: [{ type: 'text', text: 'a<b>', format: 3 }, { type: 'linebreak' }, { type: 'text', text: 'c', format: 16 }] },
      { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [{ type: 'text', text: 'one' }] }] },
      { type: 'mystery-card', children: [{ type: 'text', text: 'kept' }] },
    ] } }
    expect(renderLexical(doc, md)).toBe('<p><em><strong>a&lt;b&gt;</strong></em><br><code>c</code></p><ol><li>one</li></ol>kept')
  })
  it('renders Mobiledoc markups across markers and soft returns', () => {
    const doc = { version: '0.3.1', atoms: [['soft-return', '', {}]], cards: [], markups: [['strong'], ['a', ['href', 'https://x.example/']]],
      sections: [[1, 'p', [[0, [0], 0, 'bold '], [0, [1], 2, 'link'], [1, [], 0, 0], [0, [], 0, 'after']]]] }
    expect(renderMobiledoc(doc, md)).toBe('<p><strong>bold <a href="https://x.example/">link</a></strong><br>after</p>')
  })
})
