// Full-text search over published articles: FTS5 on SQLite, tsvector + GIN on PostgreSQL (the index lives in migration 0001).
import { sql } from 'kysely'
import type { Db, DialectName } from '../platform/db/index.js'

export interface SearchHit {
  id: number
  /** Plain text with the matched words between \u0002 and \u0003; the view escapes it and marks them. */
  snippet: string
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
}

export const maxQueryLength = 200

/** Words of a reader's query, stripped of syntax so no input can break the search expression. */
export function queryTerms(q: string): string[] {
  return q.normalize('NFKC').toLowerCase().slice(0, maxQueryLength)
    .split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).slice(0, 12)
}

export async function searchArticles(
  db: Db, dialect: DialectName, q: string, limit: number, offset: number,
): Promise<SearchResults> {
  const terms = queryTerms(q)
  if (terms.length === 0) return { hits: [], total: 0 }
  return dialect === 'sqlite' ? searchSqlite(db, terms, limit, offset) : searchPostgres(db, terms, limit, offset)
}

async function searchSqlite(db: Db, terms: string[], limit: number, offset: number): Promise<SearchResults> {
  // Each term quoted as a phrase, all required; the last one also matches as a prefix (search as you type).
  const match = terms.map((t, i) => `"${t}"${i === terms.length - 1 && t.length > 2 ? '*' : ''}`).join(' ')
  const hits = await sql<{ id: number; snippet: string }>`
    select a.id, snippet(article_fts, 2, char(2), char(3), '…', 28) as snippet
    from article_fts join article a on a.id = article_fts.rowid
    where article_fts match ${match} and a.status = 'published'
    order by bm25(article_fts, 10.0, 4.0, 1.0), a.published_at desc
    limit ${limit} offset ${offset}`.execute(db)
  const count = await sql<{ n: number }>`
    select count(*) as n from article_fts join article a on a.id = article_fts.rowid
    where article_fts match ${match} and a.status = 'published'`.execute(db)
  return { hits: hits.rows, total: Number(count.rows[0]?.n ?? 0) }
}

async function searchPostgres(db: Db, terms: string[], limit: number, offset: number): Promise<SearchResults> {
  const query = terms.map((t, i) => `${t.replace(/[^\p{L}\p{N}]/gu, '')}${i === terms.length - 1 && t.length > 2 ? ':*' : ''}`).join(' & ')
  const hits = await sql<{ id: number; snippet: string }>`
    with q as (select to_tsquery('english', ${query}) as query)
    select a.id, ts_headline('english', a.body_text, q.query,
      'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "') as snippet
    from article a, q
    where a.search_vector @@ q.query and a.status = 'published'
    order by ts_rank_cd(a.search_vector, q.query) desc, a.published_at desc
    limit ${limit} offset ${offset}`.execute(db)
  const count = await sql<{ n: string }>`
    select count(*) as n from article a where a.search_vector @@ to_tsquery('english', ${query}) and a.status = 'published'`.execute(db)
  return { hits: hits.rows, total: Number(count.rows[0]?.n ?? 0) }
}
