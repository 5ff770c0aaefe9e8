// Related articles as a page shows them: the picks worked out when content changed, read back and checked for visibility.
import { contentVersion, type Db, type DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import { summariesByIds, type PublicArticle, type ArticleSummary } from '../content/index.js'
import { articleLabels, articleWords, readPicks, readProfiles, termCounts, totalKey, type StoredPicks } from './related.store.js'
import { buildProfile, databaseCorpus, picksFor } from './related-refresh.js'
import { articleTerms, termHash } from './related-text.js'

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
}
const memos = new WeakMap<Db, Memo>()
const memoMs = 10 * 60_000
const memoPicks = 20_000
const memoSummaries = 50_000

async function currentMemo(db: Db, now: number): Promise<Memo> {
  const version = await contentVersion(db)
  const memo = memos.get(db)
  if (memo && memo.version === version && now - memo.at <= memoMs) return memo
  const fresh: Memo = { version, at: now, picks: new Map(), summaries: new Map() }
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

/**
 * Picks for an article the refresh job has not read yet (published a moment ago, or an archive never rebuilt):
 * worked out against the profiles there are, and not stored; the job stores the real ones when it gets there.
 */
async function provisionalPicks(db: Db, dialect: DialectName, id: number): Promise<StoredPicks> {
  const [words] = await articleWords(db, [id])
  if (!words) return { alsoRead: undefined, related: [], earlier: undefined }
  const labels = (await articleLabels(db, [id])).get(id)!
  const hashes = [...articleTerms(words).keys()].map(termHash)
  const df = await termCounts(db, hashes)
  // Counted as if it were already in the archive, as it will be once the job reads it.
  const real = buildProfile({ ...words, publishedAt: words.publishedAt ?? new Date(0).toISOString() }, (h) => (df.get(h) ?? 0) + 1, (df.get(totalKey) ?? 0) + 1)
  const picks = await picksFor(databaseCorpus(db, dialect), {
    id, vector: real.vector, signature: real.signature, publishedAt: Date.parse(real.publishedAt), sectionId: real.sectionId, ...labels,
  })
  return { alsoRead: picks.alsoRead, related: picks.related, earlier: picks.earlier }
}

async function picksOf(db: Db, dialect: DialectName, id: number): Promise<StoredPicks> {
  const picks = await readPicks(db, id)
  if (picks.alsoRead !== undefined || picks.related.length || picks.earlier !== undefined) return picks
  // No picks: either none are good enough (the profile is there), or the article has not been read yet.
  return (await readProfiles(db, [id])).length ? picks : provisionalPicks(db, dialect, id)
}

/**
 * "Also read", "Related news" and "Earlier coverage" for an article, as stored by the refresh job (see
 * related-refresh.ts): chosen from the words of the articles, the editors' topics, tags, pins and exclusions.
 * Only published, visible articles are returned, so a withdrawn one disappears at once.
 * @example const { alsoRead, related, earlier } = await findRelated(deps, article)
 */
export async function findRelated(
  { db, dialect, clock }: { db: Db; dialect: DialectName; clock: Clock }, article: PublicArticle, limit = 6,
): Promise<Related> {
  const now = clock.now()
  const memo = await currentMemo(db, now.getTime())
  let picks = memo.picks.get(article.id)
  if (!picks) {
    picks = await picksOf(db, dialect, article.id)
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
