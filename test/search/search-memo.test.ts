import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { findSearchResults, searchArticles } from '../../src/search/index.js'

describe.each(testDialects())('%s: remembered search results', (dialect) => {
  let t: TestApp
  const find = (query: string, offset = 0) =>
    findSearchResults(t.services, { query, limit: 20, offset, now: t.clock.now() })
  const headlines = async (query: string) => (await find(query)).results.map((r) => r.article.headline)

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, {
      slug: 'tide-mill-reopens', headline: 'Tide mill reopens', standfirst: 'The old tide mill grinds again.',
      body: 'Volunteers restored the wheel.', publishedAt: new Date('2026-11-20T10:00:00Z'),
    })
    await createArticle(t.services, {
      slug: 'tide-tables-printed', headline: 'Tide tables printed', standfirst: 'The harbour office prints them yearly.',
      body: 'Fishermen queue for copies.', publishedAt: new Date('2026-11-21T10:00:00Z'),
    })
  })
  afterAll(() => t.close())

  it('gives the same results, summaries and snippets as a fresh search, and answers a repeat from memory', async () => {
    const first = await find('tide')
    const fresh = await searchArticles(t.services, { query: 'tide', limit: 20, offset: 0, now: t.clock.now() })
    expect(first.total).toBe(fresh.total)
    expect(first.results.map((r) => [r.article.id, r.snippet])).toEqual(fresh.hits.map((h) => [h.id, h.snippet]))
    expect(first.results[0]!.article.path).toMatch(/^\/news\/tide-/)
    // Spelt differently, searched alike: the same remembered page.
    expect(await find('  TIDE ')).toBe(first)
  })

  it('shows a new article at once', async () => {
    expect(await headlines('lifeboat')).toEqual([])
    await createArticle(t.services, { slug: 'lifeboat-launch', headline: 'Lifeboat launch draws crowds', publishedAt: new Date('2026-11-24T10:00:00Z') })
    expect(await headlines('lifeboat')).toEqual(['Lifeboat launch draws crowds'])
  })

  it('shows a changed headline and snippet at once', async () => {
    expect((await find('mill')).results[0]!.article.headline).toBe('Tide mill reopens')
    await createArticle(t.services, {
      slug: 'tide-mill-reopens', headline: 'Tide mill reopens to visitors', standfirst: 'The old tide mill grinds flour again.',
      body: 'Volunteers restored the wheel.', publishedAt: new Date('2026-11-20T10:00:00Z'),
    })
    const after = await find('flour')
    expect(after.results.map((r) => r.article.headline)).toEqual(['Tide mill reopens to visitors'])
    expect(after.results[0]!.snippet).toContain('\u0002flour\u0003')
    expect((await find('mill')).results[0]!.article.headline).toBe('Tide mill reopens to visitors')
  })

  it('drops an unpublished article at once', async () => {
    expect(await headlines('tables')).toEqual(['Tide tables printed'])
    // As unpublishArticle does: change the row, then announce it.
    const { id } = (await t.services.db.selectFrom('article').select('id').where('slug', '=', 'tide-tables-printed').executeTakeFirstOrThrow())
    await t.services.db.updateTable('article').set({ status: 'unpublished' }).where('id', '=', id).execute()
    await t.services.events.emit({ type: 'article.unpublished', articleId: id, tags: ['site'] })
    expect(await headlines('tables')).toEqual([])
    expect((await find('tide')).total).toBe(1)
  })

  it('notices a change another process wrote to the change log', async () => {
    expect(await headlines('lifeboat')).toEqual(['Lifeboat launch draws crowds'])
    // Another process shares the database and the change log, not this one's events.
    await t.services.db.updateTable('article').set({ status: 'draft' }).where('slug', '=', 'lifeboat-launch').execute()
    await t.services.db.insertInto('change_log').values({ tags: 'site', created_at: t.clock.now().toISOString() }).execute()
    expect(await headlines('lifeboat')).toEqual([])
  })

  it('shows an article scheduled for later once its time comes, with nothing written in between', async () => {
    await createArticle(t.services, {
      slug: 'regatta-tomorrow', headline: 'Regatta results', status: 'published', publishedAt: new Date(t.clock.now().getTime() + 3_600_000),
    })
    expect(await headlines('regatta')).toEqual([])
    t.clock.advance(3_600_000)
    expect(await headlines('regatta')).toEqual(['Regatta results'])
    // And a clock set back does not see it early from memory.
    t.clock.advance(-3_600_000 - 1)
    expect(await headlines('regatta')).toEqual([])
    t.clock.advance(3_600_000 + 1)
  })

  it('keeps pages of one query apart', async () => {
    for (let i = 0; i < 23; i++) {
      await createArticle(t.services, { headline: `Oyster season report ${i}`, publishedAt: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 3_600_000) })
    }
    const [one, two] = [await find('oyster', 0), await find('oyster', 20)]
    expect([one.results.length, two.results.length, one.total, two.total]).toEqual([20, 3, 23, 23])
    expect(new Set([...one.results, ...two.results].map((r) => r.article.id)).size).toBe(23)
  })
})
