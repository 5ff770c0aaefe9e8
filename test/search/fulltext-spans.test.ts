// PostgreSQL search looks through the newest ids first, in spans its head index names by lexeme (migration 0017).
// Archives of the tests' size fit in one span, so here the ids are moved on to where a large archive's would be.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { searchArticles } from '../../src/search/index.js'

describe.skipIf(!testDialects().includes('postgres'))('PostgreSQL search across spans of ids', () => {
  let t: TestApp
  const made = new Map<number, string>()
  const at = async (id: number, headline: string, body = 'Notes from the cliffs.') => {
    await sql`select setval('article_id_seq', ${id - 1})`.execute(t.services.db)
    const { id: got } = await createArticle(t.services, { headline, body })
    made.set(got, headline)
  }

  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'postgres' })
    // Old ones (the last look), ones either side of a span's edge at 40,000 and at 180,000, and the newest at 200,000.
    for (const id of [11, 12, 39_999, 40_000, 40_001, 179_999, 180_000, 180_001, 199_999]) await at(id, `Gannet count ${id}`)
    for (const id of [13, 100_000]) await at(id, `Harbour notes ${id}`, 'A gannet flew over.')
    await at(200_000, `Gannet count ${200_000}`)
  }, 60_000)
  afterAll(async () => {
    await t?.close()
  })

  it('finds every headline match, newest first after the ranked window, and body matches after them', async () => {
    const { hits, total } = await searchArticles(t.services, { query: 'gannet', limit: 20, offset: 0, now: t.clock.now() })
    expect(total).toBe(12)
    const shown = hits.map((h) => made.get(h.id))
    expect(shown.slice(0, 10).sort()).toEqual([...made.values()].filter((h) => h.startsWith('Gannet')).sort())
    expect(shown.slice(10)).toEqual(['Harbour notes 100000', 'Harbour notes 13'])
  })

  it('pages through them without losing or repeating one', async () => {
    const page = (offset: number) => searchArticles(t.services, { query: 'gannet', limit: 3, offset, now: t.clock.now() })
    const ids = []
    for (let offset = 0; offset < 12; offset += 3) ids.push(...(await page(offset)).hits.map((h) => h.id))
    expect(new Set(ids).size).toBe(12)
  })

  it('finds a word that only the oldest articles hold', async () => {
    const { hits } = await searchArticles(t.services, { query: 'gannet 11', limit: 20, offset: 0, now: t.clock.now() })
    expect(hits.map((h) => made.get(h.id))).toEqual(['Gannet count 11'])
  })
})
