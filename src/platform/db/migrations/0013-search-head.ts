// PostgreSQL search ranks headline and standfirst matches first; reading them from the whole article's vector meant
// detoasting every match's body lexemes (10,000 of them for two common words at 100,000 articles). A small vector of
// the headline (A) and standfirst (B) alone, with its own GIN index, answers the first tiers without the bodies.
import { sql, type Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'postgres') return
  // The same words and positions as the first two parts of search_vector (migration 0006), so tiers agree with it.
  await sql`alter table article add column search_head tsvector generated always as (
    setweight(to_tsvector('english', replace(coalesce(headline, ''), '<', ' ')), 'A') ||
    setweight(to_tsvector('english', replace(coalesce(standfirst, ''), '<', ' ')), 'B')) stored`.execute(db)
  await sql`create index article_search_head on article using gin (search_head)`.execute(db)
}
