// Search results as the search page shows them, remembered for repeated queries: news search traffic is a few hot queries.
import { contentVersion, precompiled, type Db, type DialectName } from '../platform/db/index.js'
import { summariesByIds, type ArticleSummary } from '../content/index.js'
import { searchArticles } from './fulltext.js'
import { isSearchable, parseQuery } from './query.js'
import type { SearchThread } from './search-thread.js'

export interface SearchResult {
  article: ArticleSummary
  /** As SearchHit's: plain text with the matched words between \u0002 and \u0003. */
  snippet: string
}

export interface SearchPageResults {
  results: SearchResult[]
  total: number
  /** More than `total` articles match: counting stopped there (see `searchArticles`). */
  more?: boolean
}

export interface SearchPageInput {
  /** What the reader typed; any text is safe. */
  query: string
  limit: number
  offset: number
  /** Articles scheduled after this instant stay hidden. */
  now: Date
}

// Results are kept until any content changes anywhere (every change appends to the change log, which all writers
// share), the next scheduled article comes due, or five minutes pass; a repeated search then costs one version read.
interface Memo {
  version: number
  /** The `now` the memo was started at: results were worked out for instants from here on... */
  from: number
  /** ...up to the first published article still to come, when one becomes visible without any change being written. */
  until: number
  /** Least recently used first: a hit moves its entry to the end. */
  entries: Map<string, SearchPageResults>
}
const memos = new WeakMap<Db, Memo>()
const memoMs = 5 * 60_000
/** Each page of results with its summaries is some 30 KB; a few hundred cover a news site's hot queries. */
const memoEntries = 500
const clockSlackMs = 1000

const nextScheduled = precompiled(1, (db, now: string) => db.selectFrom('article')
  .select((eb) => eb.fn.min('published_at').as('at')).where('status', '=', 'published').where('published_at', '>', now))

async function currentMemo(db: Db, now: number): Promise<Memo> {
  const version = await contentVersion(db)
  const memo = memos.get(db)
  // A request that read the clock a moment before the memo started may use it (an article due in that moment shows
  // that much early); a clock set further back starts afresh.
  if (memo && memo.version === version && now >= memo.from - clockSlackMs && now < memo.until && now - memo.from <= memoMs) return memo
  const [next] = await nextScheduled(db, new Date(now).toISOString())
  const until = next?.at ? new Date(next.at).getTime() : Infinity
  const fresh: Memo = { version, from: now, until, entries: new Map() }
  memos.set(db, fresh)
  return fresh
}

const none: SearchPageResults = { results: [], total: 0 }

/**
 * One page of search results with the articles' summaries and snippets, best first (as `searchArticles` orders them),
 * answered from memory when the same query was asked since content last changed.
 * @example const { results, total } = await findSearchResults(deps, { query: 'harbour ferry', limit: 20, offset: 0, now: clock.now() })
 */
export async function findSearchResults(
  deps: { db: Db; dialect: DialectName; searchThread?: SearchThread | undefined }, input: SearchPageInput,
): Promise<SearchPageResults> {
  const parsed = parseQuery(input.query)
  if (!isSearchable(parsed)) return none
  const limit = Math.max(1, Math.min(100, Math.floor(input.limit)))
  const offset = Math.max(0, Math.floor(input.offset))
  // Keyed on the parsed query, so spellings that search alike ("Harbour  ferry", "harbour ferry") share an entry.
  const key = `${limit} ${offset} ${JSON.stringify(parsed)}`
  const memo = await currentMemo(deps.db, input.now.getTime())
  const known = memo.entries.get(key)
  if (known) {
    memo.entries.delete(key)
    memo.entries.set(key, known)
    return known
  }
  const found = await deps.searchThread?.search({ ...input, limit, offset }) ?? await searchArticles(deps, { ...input, limit, offset })
  const summaries = new Map((await summariesByIds(deps.db, found.hits.map((h) => h.id))).map((s) => [s.id, s]))
  const page: SearchPageResults = {
    results: found.hits.flatMap((h) => {
      const article = summaries.get(h.id)
      return article ? [{ article, snippet: h.snippet }] : []
    }),
    total: found.total,
    ...(found.more ? { more: true } : {}),
  }
  // Stored in the memo this search started from: if content changed meanwhile, that one is already retired.
  if (memo.entries.size >= memoEntries) memo.entries.delete(memo.entries.keys().next().value!)
  memo.entries.set(key, page)
  return page
}
