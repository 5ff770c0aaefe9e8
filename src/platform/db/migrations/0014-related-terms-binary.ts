// Related news read each candidate's vector as JSON, about 110 of them per article picked: parsing them was a
// third of one article's picks (decision 0016, "Speed"). The vector becomes `terms`, term hashes and weights packed
// as little-endian 32-bit words (related.store.ts), read straight into typed arrays; existing profiles are converted.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

// The format as it was when this migration was written (related.store.ts owns it): a migration is never edited,
// so it keeps its own copy rather than importing a capability's.
function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
const termHash = (term: string) => fnv1a(term) | 0 || 1

/** [n, n hashes, n float32 weights, then per name phrase: its index, its word count, its words' hashes]. */
function pack(vector: [string, number][]): Buffer {
  const phrases = vector.flatMap(([t], i) => (t.startsWith('@') && t.includes(' ') ? [[i, ...t.slice(1).split(' ').map((w) => termHash(`@${w}`))]] : []))
  const words = new Int32Array(1 + 2 * vector.length + phrases.reduce((n, p) => n + p.length + 1, 0))
  const weights = new Float32Array(words.buffer)
  words[0] = vector.length
  vector.forEach(([t, w], i) => { words[1 + i] = termHash(t); weights[1 + vector.length + i] = w })
  let at = 1 + 2 * vector.length
  for (const [index, ...parts] of phrases) {
    words[at++] = index!
    words[at++] = parts.length
    for (const h of parts) words[at++] = h
  }
  return Buffer.from(words.buffer)
}

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema.alterTable('related_profile').addColumn('terms', dialect === 'postgres' ? 'bytea' : 'blob').execute()
  for (let after = 0; ;) {
    const rows = await db.selectFrom('related_profile').select(['article_id', 'vector']).where('article_id', '>', after)
      .orderBy('article_id').limit(1000).execute() as { article_id: number; vector: string }[]
    if (rows.length === 0) break
    const packed = rows.map((r) => ({ id: r.article_id, terms: pack(JSON.parse(r.vector) as [string, number][]) }))
    if (dialect === 'postgres') {
      // One statement per thousand rows: a row at a time took 101 s for 100,000 profiles (26 s this way, load 16).
      const values = packed.map((r) => sql`(cast(${r.id} as integer), cast(${r.terms} as bytea))`)
      await sql`update related_profile set terms = v.column2 from (values ${sql.join(values)}) as v
        where related_profile.article_id = v.column1`.execute(db)
    } else {
      // SQLite's UPDATE … FROM VALUES was slower here (81 s against 27 s); one transaction per thousand rows instead.
      await db.transaction().execute(async (trx) => {
        for (const r of packed) await trx.updateTable('related_profile').set({ terms: r.terms }).where('article_id', '=', r.id).execute()
      })
    }
    after = rows.at(-1)!.article_id
  }
  await db.schema.alterTable('related_profile').dropColumn('vector').execute()
}
