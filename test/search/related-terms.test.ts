// Packed term vectors: what the engine writes, what migration 0014 converts the old JSON vectors to, and scoring by hash.
import { Kysely, SqliteDialect } from 'kysely'
import SQLite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { up as packStoredVectors } from '../../src/platform/db/migrations/0014-related-terms-binary.js'
import { cosine, packTerms, profileOf } from '../../src/search/related-engine.js'
import { decodeTerms, encodeTerms } from '../../src/search/related.store.js'
import { termHash } from '../../src/search/related-text.js'

const vector = new Map([['@halvern museum of art', 0.5], ['@halvern', 0.4], ['museum', 0.3], ['@art', 0.2], ['#212 passeng', 0.1], ['@ana okafor', 0.05]])
const candidate = (terms: Map<string, number>) => ({ id: 2, vector: packTerms(terms), signature: new Uint32Array(0), publishedAt: 0, sectionId: 1, topicIds: [], tagIds: [] })

describe('packed term vectors', () => {
  it('keep terms strongest first, with each name phrase\'s words, through the database bytes', () => {
    const packed = decodeTerms(encodeTerms(packTerms(vector)))
    expect([...packed.hashes]).toEqual([...vector.keys()].map(termHash))
    expect([...packed.weights].map((w) => Math.round(w * 1e5) / 1e5)).toEqual([...vector.values()])
    expect(packed.phrases().get(termHash('@ana okafor'))).toEqual(Int32Array.from(['@ana', '@okafor'].map(termHash)))
  })

  it('count a shared name once, as the words did', () => {
    const article = profileOf(candidate(vector))
    // Sharing the phrase and its words adds the phrase alone; "museum" is a plain word, not a part of the name.
    const other = new Map([['@halvern museum of art', 0.6], ['@halvern', 0.6], ['@art', 0.5], ['museum', 0.1]])
    expect(cosine(article, packTerms(other))).toBeCloseTo(0.5 * 0.6 + 0.3 * 0.1, 6)
  })

  it('are what migration 0014 makes of a profile stored as JSON', async () => {
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) })
    await db.schema.createTable('related_profile').addColumn('article_id', 'integer', (c) => c.primaryKey()).addColumn('vector', 'text', (c) => c.notNull()).execute()
    await db.insertInto('related_profile').values({ article_id: 1, vector: JSON.stringify([...vector]) }).execute()
    await packStoredVectors(db, 'sqlite')
    const row = await db.selectFrom('related_profile').selectAll().executeTakeFirstOrThrow()
    expect(Object.keys(row)).toEqual(['article_id', 'terms'])
    expect(decodeTerms(row.terms as Buffer).words).toEqual(packTerms(vector).words)
    await db.destroy()
  })
})
