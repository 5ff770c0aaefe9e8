// Working out related news when content changes: the refresh job fed by content events, and the rebuild of a whole archive.
import { sql } from 'kysely'
import type { Db, DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { DomainEvent, Events } from '../platform/events.js'
import { enqueueJob, type JobRunner } from '../platform/jobs/index.js'
import { articleTerms, minhash, termHash, type ArticleText, type TermCounts } from './related-text.js'
import { choosePicks, profileOf, scoreCandidates, termVector, type Candidate, type Overrides, type Picks } from './related-engine.js'
import {
  adjustTermCounts, advancePending, articleLabels, articlesShowing, articleWords, candidateProfiles, finishPending, markPending, rankedProfiles,
  readOverrides, readPicksOf, readProfiles, removeProfile, stillPending, takePending, termCounts, candidatesByPostings, totalKey, writePicks,
  writeProfile, type ArticleWords, type NewProfile, type StoredPicks,
} from './related.store.js'

export const relatedJobKind = 'related-refresh'
export const relatedJobKey = relatedJobKind

/** Terms of an article written to the postings, and the terms it looks candidates up by. */
const postedTerms = 32
const queryTerms = 20
/** Postings read per query term, strongest first. */
const postingsPerTerm = 120
/** Candidates scored in full after the postings' first estimate. */
const candidatesScored = 80

type RefreshDeps = { db: Db; dialect: DialectName; clock: Clock; events: Events }

/** A published article readers can find: only those are profiled, so only they are ever picked. */
const isPublished = (a: ArticleWords) => a.status === 'published' && a.publishedAt !== null

/** What an article's words say before the archive weighs them: its terms, counted, and a sketch of its wording. */
export interface ArticleReading {
  counts: TermCounts
  signature: Uint32Array
}

export function readArticle(a: ArticleText): ArticleReading {
  const text: ArticleText = { headline: a.headline, standfirst: a.standfirst, bodyText: a.bodyText }
  return { counts: articleTerms(text), signature: minhash(text) }
}

/** The profile of an article's words given the archive's term counts. */
export function buildProfile(
  a: Pick<ArticleWords, 'id' | 'publishedAt' | 'sectionId'>, { counts, signature }: ArticleReading, df: (hash: number) => number, total: number,
): NewProfile {
  const vector = termVector(counts, (t) => df(termHash(t)), total)
  return {
    articleId: a.id, vector, signature, termHashes: [...counts.keys()].map(termHash),
    posted: [...vector].slice(0, postedTerms).map(([t, weight]) => ({ hash: termHash(t), weight })),
    publishedAt: a.publishedAt ?? '', sectionId: a.sectionId,
  }
}

/** What picking needs from the archive; the job reads the database, a rebuild holds it all in memory. */
export interface Corpus {
  /**
   * The `limit` articles whose postings agree most with the query terms (weight times weight, summed), best first,
   * leaving out `selfId`: a first estimate of cosine similarity read from the strongest postings only. With their
   * profiles: on PostgreSQL reading them apart was a second round trip per article.
   */
  candidates(query: [hash: number, weight: number][], selfId: number, limit: number): Promise<Candidate[]> | Candidate[]
  /** Profiles of other articles to score (pinned ones); ids without a profile are left out. */
  profiles(ids: number[]): Promise<Candidate[]> | Candidate[]
  overrides(articleId: number): Promise<Overrides> | Overrides
  /**
   * Articles sharing the article's topics or tags, those sharing most first, bounded, with their profiles: editors'
   * labels find what words may miss.
   */
  sharing(article: Candidate): Promise<Candidate[]> | Candidate[]
}

/** Articles sharing labels looked at per article, those sharing most first. */
export const sharingScored = 30

/** Picks for one profiled article: candidates from its strongest terms' postings, then scored in full. */
export async function picksFor(corpus: Corpus, article: Candidate): Promise<Picks> {
  const { hashes, weights } = article.vector
  const query = Array.from({ length: Math.min(queryTerms, hashes.length) }, (_, k): [number, number] => [hashes[k]!, weights[k]!])
  // Independent reads, in parallel: on PostgreSQL each is a round trip.
  const [byWords, overrides, sharing] = await Promise.all([corpus.candidates(query, article.id, candidatesScored), corpus.overrides(article.id), corpus.sharing(article)])
  const found = new Map([...byWords, ...sharing].map((c) => [c.id, c]))
  found.delete(article.id)
  const pinned = overrides.pinned.filter((id) => id !== article.id && !found.has(id))
  if (pinned.length) for (const c of await corpus.profiles(pinned)) found.set(c.id, c)
  const profiles = [...found.values()]
  const byId = new Map(profiles.map((p) => [p.id, p]))
  const profile = profileOf(article)
  return choosePicks(profile, scoreCandidates(profile, profiles), byId, overrides)
}

const stored = (p: Picks): StoredPicks => ({ alsoRead: p.alsoRead, related: p.related, earlier: p.earlier })

/** Links per topic and per tag looked at, newest first, as before words were read (decision 0008). */
const linksPerTopic = 40
const linksPerTag = 20

/** Articles sharing most of the article's topics and tags, with their profiles: one statement. */
async function sharingLabels(db: Db, dialect: DialectName, article: Candidate): Promise<Candidate[]> {
  const newest = dialect === 'sqlite' ? sql`rowid` : sql`article_id`
  const window = (table: 'article_topic' | 'article_tag', column: 'topic_id' | 'tag_id', id: number, n: number) =>
    sql`select * from (select article_id from ${sql.table(table)} where ${sql.ref(column)} = ${id} order by ${newest} desc limit ${n}) w`
  const windows = [
    ...article.topicIds.map((t) => window('article_topic', 'topic_id', t, linksPerTopic)),
    ...article.tagIds.map((t) => window('article_tag', 'tag_id', t, linksPerTag)),
  ]
  if (windows.length === 0) return []
  return rankedProfiles(db, sql`(select article_id, count(*) as s from (${sql.join(windows, sql` union all `)}) l
    where article_id <> ${article.id} group by article_id order by count(*) desc, article_id desc limit ${sharingScored})`)
}

export function databaseCorpus(db: Db, dialect: DialectName): Corpus {
  return {
    sharing: (article) => sharingLabels(db, dialect, article),
    candidates: (query, selfId, limit) => candidatesByPostings(db, query, selfId, postingsPerTerm, limit),
    profiles: (ids) => candidateProfiles(db, ids),
    overrides: (id) => readOverrides(db, id),
  }
}

/**
 * Returns a function that gives the event loop a turn when `everyMs` of work have passed since the last: on SQLite every
 * query is synchronous, so a pass over hundreds of articles would otherwise hold a serving process's requests for
 * seconds (a first page view after a 100,000-article import waited 20 s).
 */
function breather(everyMs = 15): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < everyMs) return
    await new Promise((resolve) => setImmediate(resolve))
    last = performance.now()
  }
}

/**
 * Reads the words of queued articles again: new profiles for published ones, none for the rest. The term counts of
 * the whole batch are settled first, so the first article of an import is weighed against all of it, not against itself.
 */
async function reprofile(db: Db, ids: number[], at: string): Promise<void> {
  const words = new Map((await articleWords(db, ids)).map((a) => [a.id, a]))
  const published = ids.flatMap((id) => { const a = words.get(id); return a && isPublished(a) ? [a] : [] })
  const pause = breather()
  const readings = new Map<number, ReturnType<typeof readArticle>>()
  for (const a of published) {
    readings.set(a.id, readArticle(a))
    await pause()
  }
  await db.transaction().execute(async (trx) => {
    const counted: number[] = []
    for (const id of ids) {
      const old = await removeProfile(trx, id)
      if (old) await adjustTermCounts(trx, [totalKey, ...old], -1)
    }
    for (const a of published) {
      const hashes = [...readings.get(a.id)!.counts.keys()].map(termHash)
      await adjustTermCounts(trx, [totalKey, ...hashes], 1)
      counted.push(...hashes)
    }
    const df = await termCounts(trx, counted)
    for (const a of published) await writeProfile(trx, buildProfile(a, readings.get(a.id)!, (h) => df.get(h) ?? 1, df.get(totalKey) ?? 1), at)
  })
}

/** Works out and stores the picks of these articles; returns those whose picks changed. */
async function repick(db: Db, dialect: DialectName, ids: number[]): Promise<number[]> {
  const corpus = databaseCorpus(db, dialect)
  const [read, before] = await Promise.all([candidateProfiles(db, ids), readPicksOf(db, ids)])
  const profiles = new Map(read.map((p) => [p.id, p]))
  const changed: number[] = []
  const pause = breather()
  for (const id of ids) {
    await pause()
    const profile = profiles.get(id)
    const picks = profile ? stored(await picksFor(corpus, profile)) : { alsoRead: undefined, related: [], earlier: undefined }
    if (await writePicks(db, id, picks, before.get(id))) changed.push(id)
  }
  return changed
}

export interface RefreshReport {
  /** Articles whose words were read again. */
  profiled: number
  /** Articles whose picks were worked out, queued ones and the neighbours they now belong with. */
  picked: number
  /** Articles whose pages now show different picks. */
  changed: number[]
  /** Work is left in the queue. */
  more: boolean
}

/**
 * One bounded pass over the queue. All queued articles are read first (a bulk import's term counts settle before
 * anyone is picked), then queued articles are picked, then the articles they now belong with and those that
 * showed them before: a new story in a running series reaches the older ones, and a withdrawn one leaves them.
 * A neighbour still queued is left for its own turn, so an import of many articles picks each once.
 */
export async function refreshRelated({ db, dialect, clock }: Pick<RefreshDeps, 'db' | 'dialect' | 'clock'>, { batch = 500 }: { batch?: number } = {}): Promise<RefreshReport> {
  const at = clock.now().toISOString()
  const fresh = await takePending(db, 0, batch * 4)
  if (fresh.length) {
    await reprofile(db, fresh, at)
    await advancePending(db, fresh)
    if (fresh.length === batch * 4) return { profiled: fresh.length, picked: 0, changed: [], more: true }
  }
  const queued = await takePending(db, 1, batch)
  if (queued.length === 0) return { profiled: fresh.length, picked: 0, changed: [], more: false }
  const showedThem = await articlesShowing(db, queued)
  const changed = await repick(db, dialect, queued)
  const nowWith = [...(await readPicksOf(db, queued)).values()].flatMap((p) => [...(p.alsoRead ? [p.alsoRead] : []), ...p.related])
  const mine = new Set(queued)
  const candidates = [...new Set([...showedThem, ...nowWith])].filter((id) => !mine.has(id))
  const waiting = await stillPending(db, candidates)
  const neighbours = candidates.filter((id) => !waiting.has(id))
  changed.push(...(await repick(db, dialect, neighbours)))
  await finishPending(db, queued)
  const more = (await takePending(db, 0, 1)).length > 0 || (await takePending(db, 1, 1)).length > 0
  return { profiled: fresh.length, picked: queued.length + neighbours.length, changed, more }
}

/** Tells caches that these articles' pages now show other related news. */
async function announce(events: Events, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 200) {
    const slice = ids.slice(i, i + 200)
    await events.emit({ type: 'related.changed', articleIds: slice, tags: slice.map((id) => `article:${id}`) })
  }
}

/** Runs passes until the queue is empty or `budgetMs` is spent; returns whether work is left. */
export async function drainRelated(deps: RefreshDeps, budgetMs = 20_000, onPass?: (r: RefreshReport) => void): Promise<boolean> {
  const started = Date.now()
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve))
    const report = await refreshRelated(deps)
    onPass?.(report)
    if (report.changed.length) await announce(deps.events, report.changed)
    if (!report.more) return false
    if (Date.now() - started > budgetMs) return true
  }
}

const articleIdsOf = (event: DomainEvent): number[] => {
  switch (event.type) {
    case 'article.published': case 'article.updated': case 'article.unpublished': case 'article.deleted':
      return [event.articleId]
    case 'articles.imported':
      return event.articleIds
    default:
      return []
  }
}

/**
 * Queues related-news work for every content change: the articles go into the refresh queue and one keyed job is
 * (re)queued, so a burst of changes, or an import of thousands, is worked through by one job rather than one per article.
 */
export function queueRelatedOnChange({ db, clock }: Pick<RefreshDeps, 'db' | 'clock'>) {
  return async (event: DomainEvent): Promise<void> => {
    const ids = articleIdsOf(event)
    if (ids.length === 0) return
    const now = clock.now()
    await markPending(db, ids, now.toISOString())
    await enqueueJob(db, { kind: relatedJobKind, runAt: now, key: relatedJobKey }, now)
  }
}

/**
 * Registers the refresh job on the process's runner and queues work from content events.
 * @example registerRelatedJobs(runner, deps)   // once per process, next to registerContentJobs
 */
export function registerRelatedJobs(runner: Pick<JobRunner, 'register'>, deps: RefreshDeps): void {
  deps.events.on(queueRelatedOnChange(deps))
  runner.register(relatedJobKind, async () => {
    const more = await drainRelated(deps)
    // Whatever is left goes to the next run; a job that ran past its lease would be claimed twice.
    if (more) await enqueueJob(deps.db, { kind: relatedJobKind, runAt: deps.clock.now(), key: relatedJobKey }, deps.clock.now())
  })
}



/** Works out these articles' picks again now (an editor pinned or excluded one) and tells the caches. */
export async function repickArticles(deps: RefreshDeps, ids: number[]): Promise<void> {
  const changed = await repick(deps.db, deps.dialect, ids)
  if (changed.length) await announce(deps.events, changed)
}
