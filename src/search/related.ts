// Related articles as a page shows them: the picks worked out when content changed, read back and checked for visibility.
import { contentVersion, type Db, type DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import { findArticleWithCompanion, summariesByIds, type PublicArticle, type ArticleSummary } from '../content/index.js'
import { articleLabels, articleWords, readPicksAndProfile, readProfiles, termCounts, totalKey, noPicks, picksCompanion, type PicksAndProfile, type StoredPicks } from './related.store.js'
import { buildProfile, databaseCorpus, picksFor, readArticle, type Corpus } from './related-refresh.js'
import { termHash } from './related-text.js'
import { packTerms } from './related-engine.js'

export interface Related {
  /** One article linked inline in the body; only when it is on the same story. Absent rather than a weak match. */
  alsoRead: ArticleSummary | undefined
  /** Up to `limit` articles, best first, never the article itself nor `alsoRead`; fewer rather than an unrelated one. */
  related: ArticleSummary[]
  /** The newest older article on the same story that is not a copy of this one ("Earlier coverage"); may also be among `related`. */
  earlier?: ArticleSummary | undefined
}

// What was picked, and the teasers shown, are kept until any content changes anywhere (every change, and every
// refresh of picks, appends to the change log all writers share) or ten minutes pass; a render then costs one version read.
interface Memo {
  version: number
  at: number
  picks: Map<number, StoredPicks>
  summaries: Map<number, ArticleSummary>
  /** More articles wait for the refresh job than a page works out picks for (see provisionalPicks); asked once a memo. */
  longQueue: boolean
}
const memos = new WeakMap<Db, Memo>()
const memoMs = 10 * 60_000
const memoPicks = 20_000
const memoSummaries = 50_000

async function currentMemo(db: Db, now: number, knownVersion?: number): Promise<Memo> {
  const version = knownVersion ?? await contentVersion(db)
  const memo = memos.get(db)
  if (memo && memo.version === version && now - memo.at <= memoMs) return memo
  const fresh: Memo = { version, at: now, picks: new Map(), summaries: new Map(), longQueue: false }
  memos.set(db, fresh)
  return fresh
}

/** Summaries of the visible ones among `ids`, from the memo where it has them. */
async function visibleSummaries(db: Db, memo: Memo, ids: number[], now: Date): Promise<Map<number, ArticleSummary>> {
  const missing = ids.filter((id) => !memo.summaries.has(id))
  if (missing.length) {
    if (memo.summaries.size >= memoSummaries) memo.summaries.clear()
    for (const s of await summariesByIds(db, missing)) memo.summaries.set(s.id, s)
  }
  const out = new Map<number, ArticleSummary>()
  for (const id of ids) {
    const s = memo.summaries.get(id)
    if (s && s.status === 'published' && s.publishedAt && s.publishedAt <= now) out.set(id, s)
  }
  return out
}

/** Queued articles a provisional pick also reads: enough for a seed or a morning's publishing, bounded for a render. */
const provisionalQueue = 200

/**
 * Picks for an article the refresh job has not read yet (published a moment ago, or a small archive imported while
 * no server ran): worked out against the stored profiles and the articles still queued (read in memory), and not
 * stored; the job stores the real ones when it gets there. With more than `provisionalQueue` articles queued (a large
 * import or a rebuild under way) the page waits for the job instead (undefined): working them out on every view cost 35 ms of
 * CPU, and after an import of a whole archive every page would pay it until the job caught up.
 */
async function provisionalPicks(db: Db, dialect: DialectName, id: number): Promise<StoredPicks | undefined> {
  const queued = (await db.selectFrom('related_pending').select('article_id').orderBy('article_id').limit(provisionalQueue + 1).execute()).map((r) => r.article_id)
  if (queued.length > provisionalQueue) return undefined
  const profiled = new Set((await readProfiles(db, queued)).map((p) => p.articleId))
  const unread = (await articleWords(db, [...new Set([id, ...queued])]))
    .filter((a) => a.id === id || (a.status === 'published' && a.publishedAt !== null && !profiled.has(a.id)))
  if (!unread.some((a) => a.id === id)) return noPicks
  const readings = new Map(unread.map((a) => [a.id, readArticle(a)]))
  const hashes = new Map(unread.map((a) => [a.id, [...readings.get(a.id)!.counts.keys()].map(termHash)]))
  const stored = await termCounts(db, [...hashes.values()].flat())
  // Counted as if they were already in the archive, as they will be once the job reads them.
  const extra = new Map<number, number>()
  for (const list of hashes.values()) for (const h of list) extra.set(h, (extra.get(h) ?? 0) + 1)
  const df = (h: number) => (stored.get(h) ?? 0) + (extra.get(h) ?? 0)
  const total = (stored.get(totalKey) ?? 0) + unread.length
  const labels = await articleLabels(db, unread.map((a) => a.id))
  const inMemory = new Map(unread.map((a) => {
    const p = buildProfile({ ...a, publishedAt: a.publishedAt ?? new Date(0).toISOString() }, readings.get(a.id)!, df, total)
    return [a.id, { id: a.id, vector: packTerms(p.vector), signature: p.signature, publishedAt: Date.parse(p.publishedAt), sectionId: p.sectionId, ...labels.get(a.id)! }]
  }))
  const base = databaseCorpus(db, dialect)
  const corpus: Corpus = {
    ...base,
    async candidates(query, selfId, limit) {
      const weightOf = new Map(query)
      const fromMemory = [...inMemory.values()].filter((p) => p.id !== selfId).map((p) => {
        let s = 0
        p.vector.hashes.forEach((h, k) => { s += (weightOf.get(h) ?? 0) * p.vector.weights[k]! })
        return [p.id, s] as const
      }).filter(([, s]) => s > 0).sort((a, b) => b[1] - a[1]).slice(0, limit).map(([i]) => inMemory.get(i)!)
      const seen = new Set(fromMemory.map((c) => c.id))
      return [...fromMemory, ...(await base.candidates(query, selfId, limit)).filter((c) => !seen.has(c.id))]
    },
    async profiles(ids) {
      const fromDb = await base.profiles(ids.filter((i) => !inMemory.has(i)))
      return [...fromDb, ...ids.flatMap((i) => inMemory.get(i) ?? [])]
    },
  }
  const picks = await picksFor(corpus, inMemory.get(id)!)
  return { alsoRead: picks.alsoRead, related: picks.related, earlier: picks.earlier }
}

/** The article's picks: one statement (none when the page read them with the article), unless the job has not read it yet. */
async function picksOf(db: Db, dialect: DialectName, memo: Memo, id: number, stored?: PicksAndProfile): Promise<StoredPicks> {
  const { picks, profiled } = stored ?? await readPicksAndProfile(db, id)
  if (picks.alsoRead !== undefined || picks.related.length || picks.earlier !== undefined) return picks
  // No picks: either none are good enough (the profile is there), or the article has not been read yet.
  if (profiled || memo.longQueue) return picks
  const provisional = await provisionalPicks(db, dialect, id)
  if (provisional === undefined) {
    memo.longQueue = true
    return noPicks
  }
  return provisional
}

/**
 * "Also read", "Related news" and "Earlier coverage" for an article, as stored by the refresh job (see
 * related-refresh.ts): chosen from the words of the articles, the editors' topics, tags, pins and exclusions.
 * Only published, visible articles are returned, so a withdrawn one disappears at once.
 * A page that has just read contentVersion passes it (`version`), and one that read the article with
 * `findArticleForPage` passes what came with it (`stored`): each saves a statement.
 * @example const { alsoRead, related, earlier } = await findRelated(deps, article)
 */
export async function findRelated(
  { db, dialect, clock }: { db: Db; dialect: DialectName; clock: Clock }, article: PublicArticle,
  { limit = 6, version: knownVersion, stored }: { limit?: number; version?: number | undefined; stored?: PicksAndProfile | undefined } = {},
): Promise<Related> {
  const now = clock.now()
  const memo = await currentMemo(db, now.getTime(), knownVersion)
  let picks = memo.picks.get(article.id)
  if (!picks) {
    picks = await picksOf(db, dialect, memo, article.id, stored)
    if (memo.picks.size >= memoPicks) memo.picks.clear()
    memo.picks.set(article.id, picks)
  }
  const { alsoRead, related, earlier } = picks
  const ids = [...(alsoRead === undefined ? [] : [alsoRead]), ...related, ...(earlier === undefined ? [] : [earlier])]
  const shown = await visibleSummaries(db, memo, ids, now)
  return {
    alsoRead: alsoRead === undefined ? undefined : shown.get(alsoRead),
    related: related.flatMap((id) => shown.get(id) ?? []).slice(0, limit),
    earlier: earlier === undefined ? undefined : shown.get(earlier),
  }
}

/**
 * The article at a public address with its stored related picks, read in one statement: what an article page needs
 * before `findRelated`, to which it passes `stored`. Remembered until content changes, as `findArticleBySlug`.
 * @example const found = await findArticleForPage(db, slug, version)
 *          const related = found && await findRelated(deps, found.article, { version, stored: found.stored })
 */
export async function findArticleForPage(db: Db, slug: string, version?: number): Promise<{ article: PublicArticle; stored: PicksAndProfile } | undefined> {
  const found = await findArticleWithCompanion(db, slug, picksCompanion, version)
  return found && { article: found.article, stored: found.companion }
}
