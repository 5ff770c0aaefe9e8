// PostgreSQL's text parser reads "<word …>" as a tag and skips what follows, so words after a literal "<" in an
// article never reached the search index. Rebuild the generated column with "<" turned into a space.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  await sql`alter table article drop column search_vector`.execute(db)
  await sql`alter table article add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', replace(coalesce(headline, ''), '<', ' ')), 'A') ||
    setweight(to_tsvector('english', replace(coalesce(standfirst, ''), '<', ' ')), 'B') ||
    setweight(to_tsvector('english', replace(coalesce(body_text, ''), '<', ' ')), 'C')) stored`.execute(db)
  await sql`create index article_search_vector on article using gin (search_vector)`.execute(db)
}
