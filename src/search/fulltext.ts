// Full-text search over published articles: FTS5 on SQLite, tsvector + GIN on PostgreSQL (the index lives in migration 0001).
import { sql, type RawBuilder } from 'kysely'
import type { Db, DialectName } from '../platform/db/index.js'
import { isSearchable, parseQuery, toFts5, type Phrase, type SearchQuery } from './query.js'
import { hiddenArticleIds } from './visibility.js'
import { highlight, markStart, matcherFor, phraseHits, snippet } from './snippet.js'

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
  /** Matches counted, up to `countUpTo`. */
  total: number
  /** More than `total` articles match: counting stopped there. */
  more?: boolean
}

export interface SearchInput {
  /** What the reader typed; any text is safe. */
  query: string
  limit: number
  offset: number
  /** Articles scheduled after this instant stay hidden. */
  now: Date
  /** Counting stops after this many matches (default 1,000: fifty pages of twenty); `more` then says so. */
  countUpTo?: number
}

// Counting every match of two common words reads a row per match (10,000 at 100,000 articles on PostgreSQL); nobody
// pages past the fiftieth page, so the count stops where the pages a reader would visit end.
const defaultCountUpTo = 1_000

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
  const countUpTo = Math.max(1, Math.floor(input.countUpTo ?? defaultCountUpTo))
  const run = dialect === 'sqlite' ? searchSqlite : searchPostgres
  return run(db, query, { limit, offset, now: input.now.toISOString(), countUpTo })
}

interface Slice { limit: number; offset: number; now: string; countUpTo: number }

/** The total to report for a count taken up to one past the limit. */
function capped(counted: number, w: Slice): Pick<SearchResults, 'total' | 'more'> {
  return counted > w.countUpTo ? { total: w.countUpTo, more: true } : { total: counted }
}

/** The snippet a reader sees: body words in context, or the standfirst when only headline or standfirst matched. */
function chooseSnippet(standfirst: string, body: string): string {
  const text = body.includes(markStart) || !standfirst.trim() ? body : standfirst
  // Block boundaries are newlines in body_text; in one line of snippet they become spaces, never nothing.
  return text.replace(/\s+/g, ' ').trim()
}

/** Each hit's snippet: body words in context, or the standfirst marked when the body does not match. */
function snippetsOf(query: SearchQuery, hits: { id: number }[], texts: Map<number, { standfirst: string; body_text: string }>): SearchHit[] {
  const matcher = matcherFor(query)
  return hits.map((h) => {
    const t = texts.get(h.id)
    if (!t) return { id: h.id, snippet: '' }
    const body = snippet(matcher, t.body_text)
    // The standfirst is only shown when the body has no match, so only then is it worth marking.
    return { id: h.id, snippet: chooseSnippet(body.includes(markStart) ? '' : highlight(matcher, t.standfirst), body) }
  })
}

// Headline and standfirst matches are ranked among the newest this many (by id, which follows the order articles were
// written or imported in); later pages of them go newest first, then body-only matches newest first.
const headRankWindow = 100

interface Ranked { id: number; tier: number; score: number }

/**
 * Every step walks FTS5's match in rowid order and stops where the page ends, so none grows with the number of matches.
 * Ranking does not use bm25(): before its first row it counts, for each word, every article in the archive containing
 * it (a common word is in nearly all of them: 2.5 ms at 100,000 articles, ten times that at 1,000,000).
 */
async function searchSqlite(db: Db, query: SearchQuery, w: Slice): Promise<SearchResults> {
  const match = toFts5(query)
  // A query that excludes words must not match in the body either, so the whole-article match is required too.
  const head = query.none.length ? `(${match}) AND {headline standfirst} : (${match})` : `{headline standfirst} : (${match})`
  const hidden = hiddenArticleIds(new Date(w.now))
  // Ranked on the index alone: reading article rows here would walk every match's overflow pages.
  const count = await sql<{ n: number }>`
    select count(*) as n from (select rowid from article_fts where article_fts match ${match} and rowid not in (${hidden})
      limit ${w.countUpTo + 1})`.execute(db)
  const counts = capped(Number(count.rows[0]?.n ?? 0), w)
  const { total } = counts
  if (total <= w.offset) return total ? { hits: [], ...counts } : none
  // Headline and standfirst matches, newest first, as far as the window or the page reaches.
  const reach = Math.max(headRankWindow, w.offset + w.limit)
  const headIds = (await sql<{ id: number }>`
    select rowid as id from article_fts where article_fts match ${head} and rowid not in (${hidden})
    order by rowid desc limit ${reach}`.execute(db)).rows.map((r) => r.id)
  const order: Ranked[] = [
    ...await rankHeadWindow(db, query, headIds.slice(0, headRankWindow)),
    ...headIds.slice(headRankWindow).map((id) => ({ id, tier: 2, score: 0 })),
  ]
  let page = order.slice(w.offset, w.offset + w.limit)
  if (page.length < w.limit && headIds.length < reach) {
    // Every headline and standfirst match is listed: the page goes on with body-only matches, newest first.
    const bodyOnly = `(${match}) NOT {headline standfirst} : (${match})`
    const body = await sql<{ id: number }>`
      select rowid as id from article_fts where article_fts match ${bodyOnly} and rowid not in (${hidden})
      order by rowid desc limit ${w.limit - page.length} offset ${Math.max(0, w.offset - headIds.length)}`.execute(db)
    page = [...page, ...body.rows.map((r) => ({ id: r.id, tier: 3, score: 0 }))]
  }
  if (page.length === 0) return { hits: [], ...counts }
  const ids = page.map((r) => r.id)
  // Snippets only for the page shown, made here from the text (see snippet.ts): FTS5's own tokenized whole bodies.
  const texts = await sql<{ id: number; published_at: string; standfirst: string; body_text: string }>`
    select id, published_at, standfirst, body_text from article where id in (${sql.join(ids)})`.execute(db)
  const byId = new Map(texts.rows.map((t) => [t.id, t]))
  // Equally relevant articles go newest first; the dates are read only for the page shown.
  const published = (id: number) => byId.get(id)?.published_at ?? ''
  const shown = page.map((r, i) => ({ ...r, i })).sort((a, b) =>
    a.tier !== b.tier || a.score !== b.score ? a.i - b.i : published(b.id).localeCompare(published(a.id)) || a.i - b.i)
  return { hits: snippetsOf(query, shown, byId), ...counts }
}

/**
 * The newest headline and standfirst matches, best first: headline matches (tier 0) before standfirst matches (tier 1),
 * then by bm25's formula over the headline (weight 10) and standfirst (4) with every word weighted alike, then newest.
 * Headlines and standfirsts sit before the bodies in an article's row, so reading them reads no overflow page.
 */
async function rankHeadWindow(db: Db, query: SearchQuery, ids: number[]): Promise<Ranked[]> {
  if (ids.length === 0) return []
  const inHeadline = `{headline} : (${toFts5(query)})`
  const [texts, headline] = [
    await sql<{ id: number; headline: string; standfirst: string }>`
      select id, headline, standfirst from article where id in (${sql.join(ids)})`.execute(db),
    // better-sqlite3 binds numbers as reals, and FTS5 walks the whole match for a rowid bound that is not an integer.
    await sql<{ id: number }>`select rowid as id from article_fts where article_fts match ${inHeadline}
      and rowid >= cast(${ids.at(-1)!} as integer) and rowid <= cast(${ids[0]!} as integer)`.execute(db),
  ]
  const inHeadlines = new Set(headline.rows.map((r) => r.id))
  const matcher = matcherFor(query)
  const part = (text: string, weight: number, averageWords: number) => {
    const { hits, words } = phraseHits(matcher, text)
    return hits ? weight * hits * 2.2 / (hits + 1.2 * (0.25 + 0.75 * words / averageWords)) : 0
  }
  const scored = texts.rows.map((t) => ({
    id: t.id, tier: inHeadlines.has(t.id) ? 0 : 1, score: part(t.headline, 10, 8) + part(t.standfirst, 4, 25),
  }))
  return scored.sort((a, b) => a.tier - b.tier || b.score - a.score || b.id - a.id)
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

interface PgHit { id: number; tier: number; rank: number; published_at: string }

/**
 * The planner prices `@@` on a row as cheap, but a match on `search_vector` reads the row's vector out of line (TOAST):
 * with one word in ten articles matching it chose a sequential scan that read all 100,000 vectors (0.4–3 s) over the
 * GIN index's bitmap (5–15 ms warm). Searches run with sequential scans priced out, in a transaction so it ends with them.
 * A common word's bitmap at 1,000,000 articles (100,000 rows) outgrew the default 4 MB of work_mem and went lossy, and a
 * lossy page is rechecked by reading its rows' vectors (320 ms for the count); 16 MB keeps it exact.
 * At 1,000,000 articles the planner also sent a span's primary-key walk to two parallel workers, whose start-up was 14 of
 * its 21 ms, and a count past the cap is priced above JIT's threshold; a search is many short statements, each worse off
 * with either, so both are off.
 */
async function searchPostgres(db: Db, query: SearchQuery, w: Slice): Promise<SearchResults> {
  const newest = await newestArticleId(db)
  return db.connection().execute(async (conn) => {
    try {
      // BEGIN, the settings and the count's EXPLAIN in one round trip: a text without parameters goes as PostgreSQL's
      // simple query, which may hold several statements. Still a transaction, so a pooler in transaction mode keeps it
      // on one connection. The EXPLAIN comes with the words written into its text (`inlined`); where they cannot be,
      // it goes on its own.
      const plan = planQuery(query)
      const planText = inlined(conn, plan)
      const first = await sql.raw(planText ? `${searchSettings}; ${planText}` : searchSettings).execute(conn)
      const counting = countingFrom(planText ? first.rows as PlanRow[] : (await plan.execute(conn)).rows as PlanRow[], query, w.countUpTo)
      const found = await searchPostgresIndexed(conn, query, w, newest, counting)
      // The snippets' texts are read with the COMMIT (`select …; commit`): one round trip for both.
      const texts = found.page.length ? await textsThenCommit(conn, found.page) : (await sql.raw('commit').execute(conn), [])
      const { page, ...counts } = found
      return { hits: snippetsOf(query, page, new Map(texts.map((t) => [t.id, t]))), ...counts }
    } catch (err) {
      // The connection goes back to the pool: never inside a transaction, least of all a failed one.
      await sql.raw('rollback').execute(conn).catch(() => {})
      throw err
    }
  })
}

const searchSettings = `begin; select set_config('enable_seqscan', 'off', true), set_config('work_mem', '16MB', true),
  set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`

// The newest id bounds the spans newestMatches looks through. One read a second is shared by every search: an id a
// moment old only widens the first span by the articles added since, since that span is open above.
const newestIds = new WeakMap<Db, { id: number; at: number } | Promise<number>>()
async function newestArticleId(db: Db): Promise<number> {
  const kept = newestIds.get(db)
  if (kept instanceof Promise) return kept
  if (kept && Date.now() - kept.at < 1000) return kept.id
  const read = sql<{ newest: number | null }>`select max(id) as newest from article`.execute(db)
    .then((r) => {
      const id = Number(r.rows[0]?.newest ?? 0)
      newestIds.set(db, { id, at: Date.now() })
      return id
    }, (err: unknown) => {
      if (kept) newestIds.set(db, kept)
      else newestIds.delete(db)
      throw err
    })
  newestIds.set(db, read)
  return read
}

/**
 * Published and due, written so no b-tree index can serve it: with sequential scans priced out the planner otherwise
 * took the (status, published_at) index, which every article satisfies, and tested `@@` on each row it returned,
 * reading all their vectors (151 ms against 30 ms through the GIN index for two common words at 10,000 articles).
 */
const visibleUnindexed = (now: string) => sql`a.status || '' = 'published' and coalesce(a.published_at, '') <= ${now}`

/**
 * As on SQLite: the newest `headRankWindow` headline and standfirst matches (by id) ranked, older ones newest first, then
 * body-only matches newest first. Each match found costs a visit to its heap row (status, date, the small vector), so
 * matches are looked for among the newest ids first (`newestMatches`) and the number visited stays near the page's reach.
 */
async function searchPostgresIndexed(
  db: Db, query: SearchQuery, w: Slice, newest: number, counting: Counting,
): Promise<Omit<SearchResults, 'hits'> & { page: PgHit[] }> {
  const q = () => tsquery(query)
  const visible = visibleUnindexed(w.now)
  // Counting stops at countUpTo + 1: the bitmap heap scan stops there too.
  const count = () => sql`select count(*) from (select 1 from article a
    where a.search_vector @@ (${q()}) and ${visible} limit ${w.countUpTo + 1}) m`
  const exactCount = async () => capped(Number((await sql<{ total: string }>`select (${count()}) as total`.execute(db)).rows[0]?.total ?? 0), w)
  // A headline or standfirst match is a whole-article match too, except when the query excludes a word the body has.
  const wholeToo = query.none.length ? sql`and a.search_vector @@ (${q()})` : sql``
  const reach = Math.max(headRankWindow, w.offset + w.limit)
  // Tiers 0 and 1 ranked on the small headline-and-standfirst vector (migration 0013): no body is read. The tier and
  // rank are worked out for the rows kept, not for every match in the span (331 for two words of one section, 0.9 ms).
  // The count, when taken, comes back with the first span's rows: one statement fewer.
  const head = await newestMatches<PgHit>(db, newest, (span) => sql`
    select a.id, a.search_head, a.published_at
    from article a where ${span.heads(q())} ${wholeToo} and ${visible}`, reach, (kept) => sql`
    select m.id, case when ts_filter(m.search_head, '{a}') @@ (${q()}) then 0 else 1 end as tier,
      ts_rank_cd(m.search_head, ${q()}) as rank, m.published_at from (${kept}) m order by m.id desc`,
    counting === 'skip' ? undefined : { value: count(), unlessFull: counting === 'unless-many' })
  const estimated = head.counted === undefined
  let counts = estimated ? { total: w.countUpTo, more: true } : capped(head.counted!, w)
  if (counts.total === 0) return { page: [], ...none }
  // Pages past where counting stopped are not shown, as on SQLite; the reader is told how many there are.
  if (w.offset >= counts.total) return { page: [], ...(estimated ? await exactCount() : counts) }
  const window = head.rows.slice(0, headRankWindow).sort((a, b) =>
    a.tier - b.tier || b.rank - a.rank || b.published_at.localeCompare(a.published_at) || b.id - a.id)
  const order = [...window, ...head.rows.slice(headRankWindow).map((h) => ({ ...h, tier: 2, rank: 0 }))]
  let hits = order.slice(w.offset, w.offset + w.limit)
  if (hits.length < w.limit && head.rows.length < reach) {
    // Every headline and standfirst match is listed: the page goes on with body-only matches, newest first.
    const skip = Math.max(0, w.offset - head.rows.length)
    const body = await newestMatches<PgHit>(db, newest, (span) => sql`
      select a.id, 3 as tier, 0 as rank, a.published_at from article a
      where a.search_vector @@ (${q()}) and not (a.search_head @@ (${q()})) and ${span.ids} and ${visible}`, skip + w.limit - hits.length)
    hits = [...hits, ...body.rows.slice(skip)]
  }
  // A short page is the last one: on the first page its length is the count; past it, the count is taken after all.
  if (estimated && hits.length < w.limit) counts = w.offset === 0 ? { total: hits.length } : await exactCount()
  return hits.length === 0 && !counts.total ? { page: [], ...none } : { page: hits, ...counts }
}

/**
 * The EXPLAIN that tells whether counting the matches is worth its cost (`countingFrom` reads it). Counting builds a
 * bitmap of every match in the GIN index and visits up to `countUpTo` + 1 heap rows: for two words of one section at
 * 100,000 articles that is 10,000 entries and 1,001 rows, about 4 ms of the server's 7 ms a search. Where many more matches are expected than are counted the count is
 * skipped ("more than countUpTo"); if the pages then run out early, it is taken after all (searchPostgresIndexed).
 * The planner's figure for words that must all match multiplies their frequencies as if the words were independent.
 * Words of one subject are not: for two words of one section it expected 1,019 matches where 9,998 matched, and every
 * such count ended at the cap. Words of different subjects can be the other way (no match at all among the bench's
 * articles). So when the planner's figure is below the bar and the rarest word's own figure (what would match were the
 * words always found together) is well above it, the answer is 'unless-many': the count is skipped only if the newest
 * span's headlines and standfirsts alone already fill the window (`newestMatches`' `alongside`), and taken otherwise.
 * Up to four words' figures are read, in the statement that reads the planner's.
 */
function planQuery(query: SearchQuery): RawBuilder<PlanRow> {
  const matching = (q: RawBuilder<unknown>) => sql`select 1 from article a where a.search_vector @@ (${q})`
  return sql<PlanRow>`explain (format json) ${sql.join([matching(tsquery(query)), ...clausesToEstimate(query).map(matching)], sql` union all `)}`
}

const clausesToEstimate = (query: SearchQuery) => (query.all.length > 1 ? query.all.slice(0, 4).map((c) => tsquery({ all: [c], none: [] })) : [])

/** What `planQuery`'s EXPLAIN says of the count: see above. */
function countingFrom(rows: PlanRow[], query: SearchQuery, countUpTo: number): Counting {
  const root = rows[0]?.['QUERY PLAN']?.[0]?.Plan
  const [together = 0, ...alone] = (query.all.length > 1 ? root?.Plans ?? [] : [root]).map((node) => Number(node?.['Plan Rows'] ?? 0))
  const bar = 2 * (countUpTo + 1)
  if (together > bar) return 'skip'
  return alone.length && Math.sqrt(together * Math.min(...alone)) > bar ? 'unless-many' : 'take'
}

type Counting = 'take' | 'skip' | 'unless-many'
interface PlanRow { 'QUERY PLAN': [{ Plan: PlanNode }] }
interface PlanNode { 'Plan Rows': number; Plans?: PlanNode[] }

/**
 * Ids looked through first, then this many times as many, then all. A head look asks GIN for its spans' lexemes (migration
 * 0017); a body look ANDs a bitmap of the ids with GIN's.
 */
const newestSpan = 20_000
const spanGrowth = 8

/**
 * The first `take` rows of `select`, newest id first, looked for among the newest `newestSpan` ids below `newest`, then
 * eight times as many, then everywhere: a GIN bitmap holds no order, so ordering all matches would visit every one's heap
 * row (10,000 for a common word at 100,000 articles). `select` must filter on the span it is given and may not order or
 * limit. The bounds are numbers, not subqueries: planned blind, a range of unknown size looked small, and the planner
 * walked the primary key backwards testing every row (27,000 rows, 17 ms, for three words at 100,000 articles).
 * `finish` wraps the rows kept, newest first, to work out what only they need. `alongside`, a query of one value (the
 * count), is answered in the first look's statement and returned as `counted` (undefined when `unlessFull` skipped it).
 */
async function newestMatches<T extends { id: number }>(
  db: Db, newest: number, select: (span: Span) => RawBuilder<unknown>, take: number,
  finish: (kept: RawBuilder<unknown>) => RawBuilder<unknown> = (kept) => kept, alongside?: Alongside,
): Promise<{ rows: T[]; counted?: number }> {
  const found: T[] = []
  let counted: number | undefined
  let first = true
  let below: number | undefined
  for (const size of [newestSpan, newestSpan * spanGrowth, 0]) {
    const last = !size || newest - size < 1
    const kept = finish(sql`select * from (${select(spanOf(last ? undefined : newest - size, below, first))}) m
      order by m.id desc limit ${take - found.length}`)
    if (alongside && first) {
      // The value joins the first look's rows; a look that finds none still returns it, on a row of nulls.
      const value = alongside.unlessFull ? sql`case when (select count(*) from f) >= ${take} then null else (${alongside.value}) end` : alongside.value
      const rows = (await sql<T & { alongside: string | null }>`with f as materialized (${kept})
        select f.*, s.alongside from (select (${value}) as alongside) s left join f on true order by f.id desc`.execute(db)).rows
      const value0 = rows[0]?.alongside
      counted = value0 === null || value0 === undefined ? undefined : Number(value0)
      for (const { alongside: _, ...row } of rows) if (row.id !== null) found.push(row as unknown as T)
    } else {
      found.push(...(await (kept as RawBuilder<T>).execute(db)).rows)
    }
    first = false
    if (found.length >= take || last) break
    below = newest - size
  }
  return counted === undefined ? { rows: found } : { rows: found, counted }
}

/** The ids one look of `newestMatches` goes through: above `after` (when given) and up to `upTo` (when given). */
interface Span {
  /** The range, written so the primary key's index can serve it. */
  ids: RawBuilder<unknown>
  /** Headlines and standfirsts matching `q` in the range, through the spans' lexemes where the range has an end below. */
  heads: (q: RawBuilder<unknown>) => RawBuilder<unknown>
}

// As indexed by migration 0017, character for character: the planner uses the index only for this expression.
const spannedHead = sql`(a.search_head || array_to_tsvector(array['~' || (a.id / 20000)::text]))`
const idsPerLexeme = 20_000

function spanOf(after: number | undefined, upTo: number | undefined, openAbove: boolean): Span {
  const ids = sql`${after === undefined ? sql`true` : sql`a.id > ${after}`} and ${upTo === undefined ? sql`true` : sql`a.id <= ${upTo}`}`
  if (after === undefined) return { ids, heads: (q) => sql`${spannedHead} @@ (${q}) and ${ids}` }
  // The lexemes of the spans the range touches. The first look's range is open above (the newest id is read once a
  // second), so it asks for the next span's too.
  const top = Math.floor((upTo ?? after + newestSpan) / idsPerLexeme) + (openAbove ? 1 : 0)
  const lexemes: string[] = []
  for (let n = Math.floor((after + 1) / idsPerLexeme); n <= top; n++) lexemes.push(`'~${n}'`)
  // The exact bounds are written so no index takes them: GIN already keeps to the spans, and a bitmap of the primary
  // key's 20,000 ids to AND with it cost more (1.2 ms at 1,000,000 articles) than the rows it would save.
  const loose = sql`a.id + 0 > ${after} and ${upTo === undefined ? sql`true` : sql`a.id + 0 <= ${upTo}`}`
  return { ids, heads: (q) => sql`${spannedHead} @@ (${q}) and ${spannedHead} @@ ${lexemes.join(' | ')}::tsquery and ${loose}` }
}

/** A value of one row to read with a look's rows; with `unlessFull`, read only when the look does not fill `take`. */
interface Alongside { value: RawBuilder<unknown>; unlessFull: boolean }

/**
 * The texts snippets are made from for the page shown (as on SQLite, snippet.ts: ts_headline parsed each article's text
 * again, 1 ms an article, 20 ms of the database's CPU a page, more than the search), and the search's COMMIT, in one
 * round trip. The ids are the database's own integers, written into the text.
 */
async function textsThenCommit(db: Db, hits: PgHit[]): Promise<{ id: number; standfirst: string; body_text: string }[]> {
  const ids = hits.map((h) => h.id)
  if (!ids.every(Number.isSafeInteger)) throw new Error('search: an id that is not an integer')
  const texts = sql.raw<{ id: number; standfirst: string; body_text: string }>(
    `select id, standfirst, body_text from article where id in (${ids.join(', ')}); commit`)
  return (await texts.execute(db)).rows
}

/**
 * `query`'s text with its values written in, for a simple-protocol text of several statements; undefined when a value
 * is anything but a finite number or a string of letters, digits, marks, spaces, `:` and `*` (what parseQuery leaves
 * of a reader's words, and the prefix marker), so nothing typed can become syntax.
 */
function inlined(db: Db, query: RawBuilder<unknown>): string | undefined {
  const { sql: text, parameters } = query.compile(db)
  const literals = parameters.map((p) => {
    if (typeof p === 'number' && Number.isFinite(p)) return String(p)
    if (typeof p === 'string' && /^[\p{L}\p{N}\p{M} :*]*$/u.test(p)) return `'${p}'`
    return undefined
  })
  if (literals.includes(undefined)) return undefined
  return text.replace(/\$(\d+)/g, (_, n: string) => literals[Number(n) - 1]!)
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
