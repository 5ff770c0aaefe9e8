import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createDb } from '../../src/platform/db/index.js'
import { createArticle } from '../support/factories.js'
import { searchArticles, type SearchResults } from '../../src/search/index.js'
import { summariesByIds } from '../../src/content/index.js'

const plain = (snippet: string) => snippet.replace(/[\u0002\u0003]/g, '')

describe.each(testDialects())('%s: full-text search', (dialect) => {
  let t: TestApp
  const search = (query: string, page = 1): Promise<SearchResults> =>
    searchArticles(t.services, { query, limit: 20, offset: (page - 1) * 20, now: t.clock.now() })
  const headlines = async (query: string) => {
    const { hits } = await search(query)
    return (await summariesByIds(t.services.db, hits.map((h) => h.id))).map((a) => a.headline)
  }

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    const at = (iso: string) => new Date(iso)
    await createArticle(t.services, {
      headline: 'Council budget talks continue', standfirst: 'The port plan was mentioned only in passing.',
      body: 'Harbour harbour harbour. The harbour came up again and again: harbour fees, harbour walls, harbour lights.\n\nMore harbour.',
      publishedAt: at('2026-11-25T10:00:00Z'),
    })
    await createArticle(t.services, {
      headline: 'Harbour wall repairs begin', standfirst: 'Work starts on Monday.', body: 'Crews arrive with cranes.\n\nThe work takes a year.',
      publishedAt: at('2026-11-20T10:00:00Z'),
    })
    await createArticle(t.services, {
      headline: 'Fishing fleet returns', standfirst: 'Boats came back to the harbour at dawn.', body: 'A calm sea.\n\nNets were full.',
      publishedAt: at('2026-11-22T10:00:00Z'),
    })
    // Same words, different days: the newer one comes first.
    for (const day of ['10', '12', '11']) {
      await createArticle(t.services, {
        headline: `Lighthouse keeper retires ${day}`, standfirst: 'After forty years.', body: 'The lamp is automatic now.',
        publishedAt: at(`2026-11-${day}T08:00:00Z`),
      })
    }
    // Word boundaries where markup ends.
    await createArticle(t.services, {
      headline: 'Boundaries story', standfirst: 'Testing how text is joined.',
      body: '<p>They counted missiles</p><p>like hailstones.</p>\n\n- radar\n- sonar\n\nFirst line<br>second zeppelin line\n\nA quietly *emphatic* gondola arrived with **bold** news.',
    })
    // Headline is the only match.
    await createArticle(t.services, {
      headline: 'Quokka census completed', standfirst: 'Rangers counted every animal on the island.', body: 'The count took a week.\n\nNumbers were stable.',
    })
    await createArticle(t.services, {
      headline: 'Phrase test one', standfirst: '', body: 'The price cap was approved.', publishedAt: at('2026-11-24T08:00:00Z'),
    })
    await createArticle(t.services, {
      headline: 'Phrase test two', standfirst: '', body: 'The cap on the price was dropped. Winter is near.', publishedAt: at('2026-11-24T09:00:00Z'),
    })
    await createArticle(t.services, { headline: 'Ferry to Łódź and Zürich', standfirst: 'Unicode places.', body: 'Tickets for 東京 too.' })
    await createArticle(t.services, {
      headline: 'Long read', standfirst: 'A very long body.',
      body: `${'Plenty of filler words about nothing much. '.repeat(150)}\n\nThe xylophones played at dawn.\n\n${'More filler. '.repeat(50)}`,
    })
    await createArticle(t.services, {
      headline: 'Long read two', standfirst: 'Long words.', body: `${'Extraordinarily '.repeat(40)}glockenspiels ${'Extraordinarily '.repeat(40)}`,
    })
    // Hidden from readers: a draft, a future schedule, a withdrawn article.
    await createArticle(t.services, { headline: 'Secret walrus draft', status: 'draft', publishedAt: undefined })
    await createArticle(t.services, { headline: 'Scheduled walrus story', status: 'scheduled', publishedAt: at('2026-11-26T08:00:00Z') })
    await createArticle(t.services, { headline: 'Future walrus story', status: 'published', publishedAt: at('2026-11-30T08:00:00Z') })
    await createArticle(t.services, { headline: 'Withdrawn walrus story', status: 'unpublished' })
    await createArticle(t.services, { headline: 'Visible walrus story' })
    for (let i = 0; i < 45; i++) {
      await createArticle(t.services, {
        headline: `Allotment report ${i}`, standfirst: 'Vegetables.', body: `Marrows and pumpkins, week ${i}.`,
        publishedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 3_600_000),
      })
    }
  })
  afterAll(() => t.close())

  it('puts headline matches before standfirst matches before body-only matches', async () => {
    expect(await headlines('harbour')).toEqual(['Harbour wall repairs begin', 'Fishing fleet returns', 'Council budget talks continue'])
  })

  it('breaks ties by recency', async () => {
    expect(await headlines('lighthouse keeper')).toEqual(['Lighthouse keeper retires 12', 'Lighthouse keeper retires 11', 'Lighthouse keeper retires 10'])
  })

  it('pages results twenty at a time without repeating any', async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((p) => search('allotment', p)))
    expect(pages.map((p) => p.hits.length)).toEqual([20, 20, 5, 0])
    expect(pages.every((p) => p.total === 45)).toBe(true)
    const ids = pages.flatMap((p) => p.hits.map((h) => h.id))
    expect(new Set(ids).size).toBe(45)
  })

  it('stops counting at the pages a reader would visit and says that more match', async () => {
    const upTo = (countUpTo: number, page = 1) =>
      searchArticles(t.services, { query: 'allotment', limit: 20, offset: (page - 1) * 20, now: t.clock.now(), countUpTo })
    const first = await upTo(30)
    expect([first.total, first.more, first.hits.length]).toEqual([30, true, 20])
    const beyond = await upTo(30, 3)
    expect([beyond.total, beyond.more, beyond.hits.length]).toEqual([30, true, 0])
    const all = await upTo(45)
    expect([all.total, all.more]).toEqual([45, undefined])
  })

  it.runIf(dialect === 'postgres')('answers "more than" from the statistics when they expect far more matches, and counts exactly when the pages run short', async () => {
    // Drafts match too, in the index the statistics describe: thirty of them and three published articles.
    for (let i = 0; i < 30; i++) await createArticle(t.services, { headline: `Gazebo draft ${i}`, body: 'A gazebo.', status: 'draft', publishedAt: undefined })
    for (let i = 0; i < 3; i++) await createArticle(t.services, { headline: `Gazebo opens ${i}`, body: 'The gazebo opened.' })
    await sql`analyze article`.execute(t.services.db)
    const upTo = (query: string, countUpTo: number, page = 1) =>
      searchArticles(t.services, { query, limit: 20, offset: (page - 1) * 20, now: t.clock.now(), countUpTo })
    // 45 allotment articles, expected by the statistics: more than 10, without counting.
    const many = await upTo('allotment', 10)
    expect([many.total, many.more, many.hits.length]).toEqual([10, true, 20])
    expect((await upTo('allotment', 10, 2)).hits).toEqual([])
    // 33 gazebos expected, three shown: the short page says three.
    const few = await upTo('gazebo', 5)
    expect([few.total, few.more, few.hits.length]).toEqual([3, undefined, 3])
    const beyond = await upTo('gazebo', 5, 2)
    expect([beyond.total, beyond.hits.length]).toEqual([3, 0])
  })

  it.runIf(dialect === 'postgres')('gives exact counts and "more than" alike for words found together and for words found apart', async () => {
    // Puffin and burrow always together (the statistics, taking them as independent, expect far fewer than match);
    // otter and lichen each as often, never together.
    for (let i = 0; i < 110; i++) await createArticle(t.services, { headline: `Puffin burrow survey ${i}`, body: 'Cliff count.' })
    for (let i = 0; i < 110; i++) await createArticle(t.services, { headline: i % 2 ? `Otter sighting ${i}` : `Lichen growth ${i}`, body: 'Shore notes.' })
    await sql`analyze article`.execute(t.services.db)
    const expected = async (query: string) => Number((await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain (format json)
      select 1 from article where search_vector @@ to_tsquery('english', ${query})`.execute(t.services.db)).rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'])
    const together = await expected('puffin & burrow')
    const rarest = Math.min(await expected('puffin'), await expected('burrow'))
    // A cap whose bar (twice the cap) lies between the planner's figure and the one for words always found together.
    const countUpTo = Math.max(1, Math.floor((together + Math.sqrt(together * rarest)) / 4))
    const upTo = (query: string, page = 1) =>
      searchArticles(t.services, { query, limit: 20, offset: (page - 1) * 20, now: t.clock.now(), countUpTo })
    const many = await upTo('puffin burrow')
    expect(countUpTo).toBeLessThan(110)
    expect([many.total, many.more, many.hits.length]).toEqual([countUpTo, true, 20])
    // Pages end where counting stopped; before that they are full.
    expect((await upTo('puffin burrow', 2)).hits.length).toBe(countUpTo > 20 ? 20 : 0)
    // Words found apart: no match, and no page that says otherwise.
    expect(await upTo('otter lichen')).toEqual({ hits: [], total: 0 })
    expect(await upTo('otter lichen', 2)).toEqual({ hits: [], total: 0 })
  })

  it('ranks body-only matches after headline matches on later pages too', async () => {
    for (let i = 0; i < 22; i++) await createArticle(t.services, { headline: `Kelp farm report ${i}`, body: 'Rows of seaweed.' })
    for (let i = 0; i < 3; i++) await createArticle(t.services, { headline: `Seaweed harvest ${i}`, standfirst: 'Coastal news.', body: 'The kelp grew fast.' })
    const [one, two] = [await search('kelp', 1), await search('kelp', 2)]
    expect([one.total, two.total, one.hits.length, two.hits.length]).toEqual([25, 25, 20, 5])
    const second = (await summariesByIds(t.services.db, two.hits.map((h) => h.id))).map((a) => a.headline.replace(/ \d+$/, ''))
    expect(second).toEqual(['Kelp farm report', 'Kelp farm report', 'Seaweed harvest', 'Seaweed harvest', 'Seaweed harvest'])
  })

  it('shows only published articles whose time has come', async () => {
    expect(await headlines('walrus')).toEqual(['Visible walrus story'])
  })

  it('keeps words apart where paragraphs, list items, line breaks and emphasis end', async () => {
    const snippet = async (q: string) => plain((await search(q)).hits[0]!.snippet)
    const missiles = await snippet('missiles')
    expect(missiles).toContain('missiles like')
    expect(missiles).not.toMatch(/missileslike|radarsonar|hailstones\.radar/)
    expect(await snippet('sonar')).toMatch(/radar sonar/)
    expect(await snippet('zeppelin')).toMatch(/line second zeppelin/)
    const gondola = await snippet('gondola')
    expect(gondola).toContain('quietly emphatic gondola')
    expect(gondola).toContain('with bold news')
    expect(gondola).not.toContain('\n')
  })

  it('marks the matched words in the snippet', async () => {
    const { hits } = await search('missiles')
    expect(hits[0]!.snippet).toMatch(/\u0002missiles\u0003/)
  })

  it('finds the snippet deep inside a long body, starting on a whole word', async () => {
    const { hits } = await search('xylophones')
    expect(hits[0]!.snippet).toMatch(/\u0002xylophones\u0003 played at dawn/)
    const first = plain(hits[0]!.snippet).replace(/^…/, '').split(' ')[0]!
    expect(['Plenty', 'of', 'filler', 'words', 'about', 'nothing', 'much.', 'The', 'xylophones']).toContain(first)
    const words = plain((await search('glockenspiels')).hits[0]!.snippet).replace(/…/g, ' ').split(/\s+/).filter(Boolean)
    expect(words).toContain('glockenspiels')
    expect(words.every((w) => w === 'Extraordinarily' || w === 'glockenspiels'), words.join(' ')).toBe(true)
  })

  it('shows the standfirst when only the headline matches', async () => {
    const { hits } = await search('quokka')
    expect(plain(hits[0]!.snippet)).toBe('Rangers counted every animal on the island.')
  })

  it('understands quoted phrases, OR, exclusion and prefixes', async () => {
    expect(await headlines('"price cap"')).toEqual(['Phrase test one'])
    expect((await headlines('price cap')).sort()).toEqual(['Phrase test one', 'Phrase test two'])
    expect(await headlines('price cap -winter')).toEqual(['Phrase test one'])
    expect(await headlines('price NOT winter')).toEqual(['Phrase test one'])
    expect((await headlines('quokka OR gondola')).sort()).toEqual(['Boundaries story', 'Quokka census completed'])
    expect(await headlines('zeppel*')).toEqual(['Boundaries story'])
  })

  it('finds words in other scripts and with diacritics', async () => {
    expect(await headlines('Łódź')).toEqual(['Ferry to Łódź and Zürich'])
    expect(await headlines('zürich')).toEqual(['Ferry to Łódź and Zürich'])
    expect(await headlines('東京')).toEqual(['Ferry to Łódź and Zürich'])
  })

  it('answers hostile and malformed queries without failing', async () => {
    const queries = [
      '', ' ', '"', '""', '"unterminated phrase', 'AND', 'OR', 'NOT', 'OR harbour', 'harbour OR', 'NOT harbour', '-harbour',
      'NEAR(harbour wall)', 'harbour NEAR wall', '*', '**', 'harb*r', '^harbour', 'headline:harbour', '{headline}: harbour',
      'harbour:*', "harbour' OR '1'='1", "'; drop table article; --", ') OR 1=1 --', 'harbour & | ! <-> :* \\', '((((', '))',
      '\u0000harbour', '🎉🎉', 'a', 'हिन्दी*', '東京*', 'straße* OR "ﬁsh"', '-"" -', 'OR OR OR', 'NOT NOT x', 'x'.repeat(10_000), 'harbour '.repeat(500), 'the', 'the of and', '!!harbour', '\u0002mark\u0003',
    ]
    for (const q of queries) {
      const result = await search(q)
      expect(result.total).toBeGreaterThanOrEqual(result.hits.length)
    }
    expect(await headlines("'; drop table article; --")).toEqual([])
    expect((await headlines('headline:harbour')).length).toBe(0)
    expect((await headlines('^harbour')).length).toBe(3)
  })

  it('ends its transaction with the search, so the connection goes back to the pool with its settings as they were', async (ctx) => {
    if (dialect !== 'postgres') return ctx.skip()
    // One connection: the statement after the search runs on the connection the search used.
    const handle = await createDb(t.services.config.databaseUrl, { poolMax: 1 })
    const settings = async () => (await sql<{ seqscan: string; jit: string }>`select current_setting('enable_seqscan') as seqscan,
      current_setting('jit') as jit`.execute(handle.db)).rows[0]
    try {
      const before = await settings()
      expect((await searchArticles(handle, { query: 'harbour', limit: 20, offset: 0, now: t.clock.now() })).hits.length).toBeGreaterThan(0)
      expect(await settings()).toEqual(before)
      expect(before?.seqscan).toBe('on')
    } finally {
      await handle.close()
    }
  })
})
