// Full-text search over published articles: FTS5 on SQLite, tsvector + GIN on PostgreSQL (the index lives in migration 0001).
import { sql, type RawBuilder } from 'kysely'
import type { Db, DialectName } from '../platform/db/index.js'
import { isSearchable, parseQuery, toFts5, type Phrase, type SearchQuery } from './query.js'
import { hiddenArticleIds } from './visibility.js'
import { highlight, markEnd, markStart, matcherFor, snippet } from './snippet.js'

export interface SearchHit {
  id: number
  /**
   * Plain text with the matched words between \u0002 and \u0003; the view escapes it and marks them.
   * From the body when the body matches, else the standfirst, so it is never a copy of the headline.
   */
  snippet: string
}

export interface SearchResults {
  hits: SearchHit[]
  total: number
}

export interface SearchInput {
  /** What the reader typed; any text is safe. */
  query: string
  limit: number
  offset: number
  /** Articles scheduled after this instant stay hidden. */
  now: Date
}

const none: SearchResults = { hits: [], total: 0 }

/**
 * Published articles matching the query, best first: articles whose headline matches come before those
 * whose standfirst matches, which come before body-only matches; within each, by relevance, then newest.
 * @example await searchArticles(deps, { query: '"price cap" -gas', limit: 20, offset: 0, now: clock.now() })
 */
export async function searchArticles(
  { db, dialect }: { db: Db; dialect: DialectName }, input: SearchInput,
): Promise<SearchResults> {
  const query = parseQuery(input.query)
  if (!isSearchable(query)) return none
  const limit = Math.max(1, Math.min(100, Math.floor(input.limit)))
  const offset = Math.max(0, Math.floor(input.offset))
  const run = dialect === 'sqlite' ? searchSqlite : searchPostgres
  return run(db, query, { limit, offset, now: input.now.toISOString() })
}

interface Slice { limit: number; offset: number; now: string }

/** The snippet a reader sees: body words in context, or the standfirst when only headline or standfirst matched. */
function chooseSnippet(standfirst: string, body: string): string {
  const text = body.includes(markStart) || !standfirst.trim() ? body : standfirst
  // Block boundaries are newlines in body_text; in one line of snippet they become spaces, never nothing.
  return text.replace(/\s+/g, ' ').trim()
}

async function searchSqlite(db: Db, query: SearchQuery, w: Slice): Promise<SearchResults> {
  const match = toFts5(query)
  const inHeadline = `{headline} : (${match})`
  const inStandfirst = `{headline standfirst} : (${match})`
  const hidden = hiddenArticleIds(new Date(w.now))
  // Ranked on the index alone: reading article rows here would walk every match's overflow pages.
  const count = await sql<{ n: number }>`
    select count(*) as n from article_fts where article_fts match ${match} and rowid not in (${hidden})`.execute(db)
  const total = Number(count.rows[0]?.n ?? 0)
  if (total <= w.offset) return total ? { hits: [], total } : none
  // Headline and standfirst matches come first, so when they fill the page (the usual case) only they are ranked:
  // bm25() reads each match's positions in every column, and tiers cost a lookup per match. The "+" keeps FTS5
  // from taking the rowid list as a constraint, which it would answer by running the match once per rowid.
  let ranked = await sql<{ id: number; tier: number; score: number }>`
    select id, tier, score from (
      select rowid as id, bm25(article_fts, 10.0, 4.0, 1.0) as score,
        case when rowid in (select rowid from article_fts where article_fts match ${inHeadline}) then 0 else 1 end as tier
      from article_fts
      where article_fts match ${match} and +rowid in (select rowid from article_fts where article_fts match ${inStandfirst})
        and rowid not in (${hidden}))
    order by tier, score, id desc
    limit ${w.limit} offset ${w.offset}`.execute(db)
  if (ranked.rows.length < w.limit && w.offset + ranked.rows.length < total) {
    // The page reaches body-only matches: rank every match.
    ranked = await sql<{ id: number; tier: number; score: number }>`
      select id, tier, score from (
        select rowid as id, bm25(article_fts, 10.0, 4.0, 1.0) as score,
          case when rowid in (select rowid from article_fts where article_fts match ${inHeadline}) then 0
               when rowid in (select rowid from article_fts where article_fts match ${inStandfirst}) then 1
               else 2 end as tier
        from article_fts
        where article_fts match ${match} and rowid not in (${hidden}))
      order by tier, score, id desc
      limit ${w.limit} offset ${w.offset}`.execute(db)
  }
  if (ranked.rows.length === 0) return { hits: [], total }
  const ids = ranked.rows.map((r) => r.id)
  // Snippets only for the page shown, made here from the text (see snippet.ts): FTS5's own tokenized whole bodies.
  const texts = await sql<{ id: number; published_at: string; standfirst: string; body_text: string }>`
    select id, published_at, standfirst, body_text from article where id in (${sql.join(ids)})`.execute(db)
  const byId = new Map(texts.rows.map((t) => [t.id, t]))
  // Equally relevant articles go newest first; the dates are read only for the page shown.
  const published = (id: number) => byId.get(id)?.published_at ?? ''
  const order = ranked.rows.map((r, i) => ({ ...r, i })).sort((a, b) =>
    a.tier !== b.tier || a.score !== b.score ? a.i - b.i : published(b.id).localeCompare(published(a.id)) || a.i - b.i)
  const matcher = matcherFor(query)
  return {
    hits: order.map((r) => {
      const t = byId.get(r.id)
      if (!t) return { id: r.id, snippet: '' }
      const body = snippet(matcher, t.body_text)
      // The standfirst is only shown when the body has no match, so only then is it worth marking.
      return { id: r.id, snippet: chooseSnippet(body.includes(markStart) ? '' : highlight(matcher, t.standfirst), body) }
    }),
    total,
  }
}

/** The tsquery for a parsed query, built from functions rather than query text so no input is parsed as syntax. */
function tsquery(query: SearchQuery): RawBuilder<unknown> {
  const phrase = (p: Phrase): RawBuilder<unknown> => {
    if (!p.prefix) return sql`phraseto_tsquery('english', ${p.words.join(' ')})`
    const last = sql`to_tsquery('english', ${`${p.words.at(-1)!}:*`})`
    return p.words.length === 1 ? last : sql`tsquery_phrase(phraseto_tsquery('english', ${p.words.slice(0, -1).join(' ')}), ${last})`
  }
  const clause = (c: Phrase[]) => sql`(${sql.join(c.map(phrase), sql` || `)})`
  const positive = sql.join(query.all.map(clause), sql` && `)
  if (query.none.length === 0) return positive
  return sql`(${positive}) && ${sql.join(query.none.map((p) => sql`!!${phrase(p)}`), sql` && `)}`
}

async function searchPostgres(db: Db, query: SearchQuery, w: Slice): Promise<SearchResults> {
  // ts_headline parses all the text it is given, which costs milliseconds per long body; give it a stretch
  // around the first place the first word's stem appears (whole words only) instead.
  const first = query.all[0]![0]!.words[0]!
  const probe = first.slice(0, Math.max(3, first.length - 2))
  const stretch = sql`(case when strpos(lower(a.body_text), ${probe}) > 200
    then regexp_replace(substring(a.body_text from strpos(lower(a.body_text), ${probe}) - 200 for 1600), '^\\S*\\s+', '')
    else left(a.body_text, 1600) end)`
  const options = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=32, MinWords=16, MaxFragments=2, FragmentDelimiter=" … "`
  const result = await sql<{ id: number; total: string; standfirst: string; body: string }>`
    with q as (select ${tsquery(query)} as query),
    ranked as (
      select a.id, count(*) over () as total,
        case when ts_filter(a.search_vector, '{a}') @@ q.query then 0
             when ts_filter(a.search_vector, '{a,b}') @@ q.query then 1 else 2 end as tier,
        ts_rank_cd(a.search_vector, q.query) as rank, a.published_at
      from article a, q
      where a.search_vector @@ q.query and a.status = 'published' and a.published_at <= ${w.now}
      order by tier, rank desc, a.published_at desc, a.id desc
      limit ${w.limit} offset ${w.offset})
    select r.id, r.total,
      ts_headline('english', replace(a.standfirst, '<', chr(1)), q.query, ${`HighlightAll=true, StartSel=${markStart}, StopSel=${markEnd}`}) as standfirst,
      ts_headline('english', replace(${stretch}, '<', chr(1)), q.query, ${options}) as body
    from ranked r join article a on a.id = r.id, q
    order by r.tier, r.rank desc, r.published_at desc, r.id desc`.execute(db)
  if (result.rows.length === 0) {
    if (w.offset === 0) return none
    const count = await sql<{ n: string }>`
      select count(*) as n from article a
      where a.search_vector @@ (${tsquery(query)}) and a.status = 'published' and a.published_at <= ${w.now}`.execute(db)
    return { hits: [], total: Number(count.rows[0]?.n ?? 0) }
  }
  // PostgreSQL's parser reads "<word…>" in plain text as a tag and drops it (and everything after <script>)
  // from headlines; "<" travels as \u0001 through ts_headline and comes back here.
  const lt = (text: string) => text.replaceAll('\u0001', '<')
  return {
    hits: result.rows.map((r) => ({ id: r.id, snippet: chooseSnippet(lt(r.standfirst), lt(r.body)) })),
    total: Number(result.rows[0]!.total),
  }
}

/**
 * The ids of every article whose text matches the query, as a subquery a list can filter by (the API's `q`);
 * `undefined` when the query holds nothing to search for. Visibility is left to the list's own filter.
 * @example listArticleSummaries(db, { status: 'published', idsFrom: matchingArticleIds('sqlite', 'tram') }, 20)
 */
export function matchingArticleIds(dialect: DialectName, input: string): RawBuilder<unknown> | undefined {
  const query = parseQuery(input)
  if (!isSearchable(query)) return undefined
  return dialect === 'sqlite'
    ? sql`select rowid from article_fts where article_fts match ${toFts5(query)}`
    : sql`select id from article where search_vector @@ (${tsquery(query)})`
}
