import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'

describe.each(testDialects())('%s: search page', (dialect) => {
  let t: TestApp
  const get = (url: string) => t.app.inject({ url })
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, {
      headline: 'Why <script> tags worry the bank', standfirst: 'A <b>security</b> & safety story.', section: 'Business',
      body: 'Engineers found `<script>alert(1)</script>` inside a cheque scanner.\n\nThe scanner was replaced.',
    })
    await createArticle(t.services, {
      headline: 'Missile defence radar switched on', section: 'Politics',
      body: '<p>They counted missiles</p><p>like hailstones.</p>\n\nA *quiet* radar hum followed.',
    })
    for (let i = 0; i < 23; i++) {
      await createArticle(t.services, { headline: `Regatta result ${i}`, body: 'Sailing boats raced.', section: 'Sport' })
    }
  })
  afterAll(() => t.close())

  it('highlights matches and keeps words apart in snippets', async () => {
    const res = await get('/search?q=missiles')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<mark>missiles</mark> like hailstones')
    expect(res.body).not.toMatch(/missiles(<\/mark>)?like/)
  })

  it('escapes markup found in headlines, snippets and the query itself', async () => {
    const res = await get('/search?q=scanner')
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Why &lt;script> tags worry the bank')
    expect(res.body).not.toContain('<script>alert')
    expect(res.body).toContain('Engineers found &lt;script>alert(1)&lt;/script> inside a cheque <mark>scanner</mark>.')
    const echoed = await get(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`)
    expect(echoed.statusCode).toBe(200)
    expect(echoed.body).not.toContain('<img src=x')
    expect(echoed.body).toContain('No articles match “&lt;img src=x onerror=alert(1)>”')
  })

  it('says clearly when nothing matches, and explains the box when the query is empty', async () => {
    const none = await get('/search?q=zzyzx')
    expect(none.statusCode).toBe(200)
    expect(none.body).toContain('No articles match “zzyzx”.')
    expect(none.body).not.toContain('<ol class="results"')
    const empty = await get('/search')
    expect(empty.statusCode).toBe(200)
    expect(empty.body).toContain('Use “quotes” for an exact phrase')
    expect(empty.body).not.toContain('No articles match')
  })

  it('pages results with links to the next and previous pages', async () => {
    const first = await get('/search?q=regatta')
    expect(first.body).toContain('23 articles match “regatta”, page 1 of 2.')
    expect(first.body.match(/class="result"/g)).toHaveLength(20)
    expect(first.body).toContain('href="/search?q=regatta&amp;page=2"')
    const second = await get('/search?q=regatta&page=2')
    expect(second.body.match(/class="result"/g)).toHaveLength(3)
    expect(second.body).toContain('<ol class="results" start="21">')
    const past = await get('/search?q=regatta&page=9')
    expect(past.statusCode).toBe(200)
    expect(past.body).toContain('There is no page 9 for “regatta”')
  })

  it('never fails on hostile input', async () => {
    const queries = [
      '"', 'AND', 'OR OR', 'NOT', 'NEAR(a b)', '*', '^', ':', "'; drop table article; --", ') OR 1=1 --', 'a'.repeat(5000),
      '\u0000', '%00', '🎉', '東京', '!!', '<->', 'regatta:*', '{headline}:x',
    ]
    for (const q of queries) {
      const res = await get(`/search?q=${encodeURIComponent(q)}`)
      expect(res.statusCode, q).toBe(200)
    }
    for (const url of ['/search?q=a&q=b', '/search?q[]=x', '/search?q[a]=x', '/search?page=0', '/search?q=regatta&page=-1', '/search?q=regatta&page=abc', '/search?q=%E0%A4%A']) {
      const res = await get(url)
      expect(res.statusCode, url).toBeLessThan(500)
    }
    const json = await t.app.inject({ url: '/search?q=%22', headers: { accept: 'application/json' } })
    expect(json.statusCode).toBeLessThan(500)
  })
})
