// `dateline related rebuild`: every published article's profile and picks worked out again, the archive held in memory.
import { analyze, emptyTable, type Db, type DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { Events } from '../platform/events.js'
import { articleTerms, encodeHashes, encodeSignature, termHash, type TermCounts } from './related-text.js'
import { packTerms, type Candidate, type Overrides, type PackedTerms } from './related-engine.js'
import { buildProfile, picksFor, readArticle, sharingScored, type ArticleReading, type Corpus } from './related-refresh.js'
import { articleWords, encodeTerms, totalKey, type ArticleWords } from './related.store.js'

export interface RebuildProgress {
  phase: 'counting' | 'profiling' | 'picking'
  done: number
  total: number
}

export interface RebuildReport {
  articles: number
  withPicks: number
  seconds: number
}

const page = 500
const postingsPerTerm = 120
const linksPerTopic = 40
const linksPerTag = 20

/**
 * Published articles in id order, a page at a time, so an archive of any size is never in memory as text. The ids
 * come first, in one read of an index: paging by "id > last, published" let SQLite walk the status index and sort
 * every published article again for each page.
 */
async function* publishedArticles(db: Db, ids: readonly number[]): AsyncGenerator<ArticleWords[]> {
  for (let i = 0; i < ids.length; i += page) {
    const rows = await articleWords(db, ids.slice(i, i + page))
    yield rows.filter((a) => a.status === 'published' && a.publishedAt !== null).sort((a, b) => a.id - b.id)
  }
}

async function publishedIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('article').select('id').where('status', '=', 'published').where('published_at', 'is not', null).execute()
  return rows.map((r) => r.id).sort((a, b) => a - b)
}

/** A profile held for picking: its packed terms are its candidate vector, scored straight from their arrays. */
interface Held {
  id: number
  terms: PackedTerms
  signature: Uint32Array
  publishedAt: number
  sectionId: number
}

/** An article as step 1 read it: its place, and while they fit, its counted terms (ids into the dictionary) and sketch. */
interface Read extends Pick<ArticleWords, 'id' | 'publishedAt' | 'sectionId'> {
  terms?: Int32Array
  counts?: Float32Array
  signature?: Uint32Array
}

/** Terms of readings held between steps 1 and 2: 8 bytes each, about 160 MB at most. */
const termsHeld = 20_000_000

/** A term's strongest postings, strongest first: indexes into the held profiles and their weights. */
interface Postings {
  index: Int32Array
  weight: Float64Array
}

/** Rows per insert statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const rowsPerInsert = { related_profile: 200, related_posting: 1000, related_term: 1000, related_pick: 500 } as const
/** Articles whose rows go in one transaction: few commits, yet no transaction holds the write lock for long. */
const articlesPerTransaction = 5000

async function insertRows(db: Db, table: keyof typeof rowsPerInsert, rows: Record<string, unknown>[]): Promise<void> {
  const per = rowsPerInsert[table]
  for (let i = 0; i < rows.length; i += per) await db.insertInto(table).values(rows.slice(i, i + per) as never).execute()
}

/**
 * The `limit` best of `items` in order, `better(a, b)` saying whether a ranks above b: a bounded heap, so choosing 80
 * candidates among 2,400 costs a pass and a few comparisons rather than a sort of them all.
 */
export function bestOf(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  const heap: number[] = []
  const sink = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let worst = i
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r
      if (worst === i) return
      ;[heap[i], heap[worst]] = [heap[worst]!, heap[i]!]
      i = worst
    }
  }
  for (const x of items) {
    if (heap.length < limit) {
      heap.push(x)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (!better(heap[parent]!, heap[i]!)) break
        ;[heap[i], heap[parent]] = [heap[parent]!, heap[i]!]
        i = parent
      }
    } else if (limit > 0 && better(x, heap[0]!)) {
      heap[0] = x
      sink(0)
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}

/**
 * Works out every published article's profile and picks again from scratch: term counts over the whole archive,
 * then profiles and postings, then picks (editors' pins and exclusions kept). Articles queued before the rebuild
 * began are done with; changes made during it stay queued for the job.
 * @example await rebuildRelated(deps, { onProgress: ({ phase, done, total }) => … })
 */
export async function rebuildRelated(
  { db, dialect, clock, events }: { db: Db; dialect: DialectName; clock: Clock; events: Events },
  { onProgress = () => {} }: { onProgress?: (p: RebuildProgress) => void } = {},
): Promise<RebuildReport> {
  const started = Date.now()
  const startedAt = clock.now().toISOString()
  const ids = await publishedIds(db)
  const total = ids.length

  // 1. How many articles use each term. Each article's reading (terms counted, wording sketched) is held for step 2
  // while the archive's fit in `termsHeld` terms, so its text is read and tokenised once; past that, step 2 reads again.
  const dictionary = new Map<string, number>()
  const words: string[] = []
  const idOf = (t: string) => {
    let id = dictionary.get(t)
    if (id === undefined) dictionary.set(t, (id = words.push(t) - 1))
    return id
  }
  const df = new Map<number, number>()
  const read: Read[] = []
  let kept = 0
  for await (const batch of publishedArticles(db, ids)) {
    for (const a of batch) {
      const place = { id: a.id, publishedAt: a.publishedAt, sectionId: a.sectionId }
      if (kept < termsHeld) {
        const { counts, signature } = readArticle(a)
        const entries = [...counts]
        read.push({ ...place, terms: Int32Array.from(entries, ([t]) => idOf(t)), counts: Float32Array.from(entries, ([, n]) => n), signature })
        kept += entries.length
        for (const [t] of entries) { const h = termHash(t); df.set(h, (df.get(h) ?? 0) + 1) }
      } else {
        read.push(place)
        for (const t of articleTerms(a).keys()) { const h = termHash(t); df.set(h, (df.get(h) ?? 0) + 1) }
      }
    }
    onProgress({ phase: 'counting', done: read.length, total })
  }
  const articles = read.length

  // 2. Profiles and postings, written as they are made and kept in memory for picking.
  await db.transaction().execute(async (trx) => {
    await emptyTable(trx, dialect, 'related_posting')
    await emptyTable(trx, dialect, 'related_profile')
    await emptyTable(trx, dialect, 'related_term')
    await insertRows(trx, 'related_term', [{ term_hash: totalKey, df: articles }, ...[...df].map(([h, n]) => ({ term_hash: h, df: n }))])
  })
  const held: Held[] = []
  const building = new Map<number, { index: number; weight: number }[]>()
  const strongestFirst = (a: { index: number; weight: number }, b: { index: number; weight: number }) => b.weight - a.weight || b.index - a.index
  let profileRows: Record<string, unknown>[] = []
  let postingRows: Record<string, unknown>[] = []
  const writeProfiles = async () => {
    const [profilesNow, postingsNow] = [profileRows, postingRows]
    profileRows = []
    postingRows = []
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'related_profile', profilesNow)
      await insertRows(trx, 'related_posting', postingsNow)
    })
  }
  const reading = (r: Read): ArticleReading => {
    const counts: TermCounts = new Map()
    for (let k = 0; k < r.terms!.length; k++) counts.set(words[r.terms![k]!]!, r.counts![k]!)
    return { counts, signature: r.signature! }
  }
  for (let start = 0; start < read.length; start += page) {
    const batch = read.slice(start, start + page)
    const unheld = batch.filter((r) => !r.terms)
    const texts = unheld.length ? new Map((await articleWords(db, unheld.map((r) => r.id))).map((a) => [a.id, a])) : undefined
    for (const r of batch) {
      const text = texts?.get(r.id)
      if (!r.terms && !text) continue
      const p = buildProfile(r, text ? readArticle(text) : reading(r), (h) => df.get(h) ?? 1, articles)
      const terms = packTerms(p.vector)
      profileRows.push({
        article_id: p.articleId, terms: encodeTerms(terms),
        signature: encodeSignature(p.signature), term_hashes: encodeHashes(p.termHashes), published_at: p.publishedAt, section_id: p.sectionId, computed_at: startedAt,
      })
      for (const x of p.posted) postingRows.push({ term_hash: x.hash, article_id: p.articleId, weight: Math.round(x.weight * 1e5) / 1e5 })
      const index = held.length
      held.push({ id: p.articleId, terms, signature: p.signature, publishedAt: Date.parse(p.publishedAt), sectionId: p.sectionId })
      for (const x of p.posted) {
        let list = building.get(x.hash)
        if (!list) building.set(x.hash, (list = []))
        list.push({ index, weight: x.weight })
        // Only the strongest are ever read: trim as we go, so a common term never holds the whole archive.
        if (list.length >= postingsPerTerm * 4) building.set(x.hash, list.sort(strongestFirst).slice(0, postingsPerTerm))
      }
    }
    if (profileRows.length >= articlesPerTransaction) await writeProfiles()
    onProgress({ phase: 'profiling', done: start + batch.length, total: articles })
  }
  read.length = 0
  await writeProfiles()
  const postings = new Map<number, Postings>()
  for (const [hash, list] of building) {
    const top = list.sort(strongestFirst).slice(0, postingsPerTerm)
    postings.set(hash, { index: Int32Array.from(top, (x) => x.index), weight: Float64Array.from(top, (x) => x.weight) })
  }
  building.clear()

  // 3. Editors' labels and overrides, then picks for every article.
  const indexOf = new Map(held.map((c, i) => [c.id, i]))
  const topicIds = new Map<number, number[]>()
  const tagIds = new Map<number, number[]>()
  const byTopic = new Map<number, number[]>()
  const byTag = new Map<number, number[]>()
  const link = (of: Map<number, number[]>, key: number, value: number) => {
    const list = of.get(key)
    if (list) list.push(value)
    else of.set(key, [value])
  }
  for (const r of await db.selectFrom('article_topic').select(['article_id', 'topic_id']).orderBy('article_id').execute()) {
    if (!indexOf.has(r.article_id)) continue
    link(topicIds, r.article_id, r.topic_id)
    link(byTopic, r.topic_id, r.article_id)
  }
  for (const r of await db.selectFrom('article_tag').select(['article_id', 'tag_id']).orderBy('article_id').execute()) {
    if (!indexOf.has(r.article_id)) continue
    link(tagIds, r.article_id, r.tag_id)
    link(byTag, r.tag_id, r.article_id)
  }
  const overrides = new Map<number, { pinned: number[]; excluded: number[] }>()
  for (const r of await db.selectFrom('related_override').select(['article_id', 'related_id', 'mode']).orderBy('created_at').orderBy('related_id').execute()) {
    const o = overrides.get(r.article_id) ?? { pinned: [], excluded: [] }
    ;(r.mode === 'pin' ? o.pinned : o.excluded).push(r.related_id)
    overrides.set(r.article_id, o)
  }
  const candidates: (Candidate | undefined)[] = new Array(held.length)
  const candidateAt = (i: number): Candidate => {
    const h = held[i]!
    return (candidates[i] ??= { id: h.id, vector: h.terms, signature: h.signature, publishedAt: h.publishedAt, sectionId: h.sectionId, topicIds: topicIds.get(h.id) ?? [], tagIds: tagIds.get(h.id) ?? [] })
  }
  const none: Overrides = { pinned: [], excluded: [] }
  // The first estimate of every candidate's similarity, summed into one array reused for each article.
  const scores = new Float64Array(held.length)
  const touched: number[] = []
  const shares = new Map<number, number>()
  const corpus: Corpus = {
    candidates(query, selfId, limit) {
      touched.length = 0
      for (const [hash, w] of query) {
        const list = postings.get(hash)
        if (!list) continue
        for (let k = 0; k < list.index.length; k++) {
          const i = list.index[k]!
          if (scores[i] === 0) touched.push(i)
          scores[i] = scores[i]! + list.weight[k]! * w
        }
      }
      const self = indexOf.get(selfId)
      const best = bestOf(touched, limit + 1, (a, b) => scores[a]! > scores[b]! || (scores[a] === scores[b] && a > b)).filter((i) => i !== self).slice(0, limit)
      for (const i of touched) scores[i] = 0
      return best.map(candidateAt)
    },
    profiles: (ids) => ids.flatMap((id) => { const i = indexOf.get(id); return i === undefined ? [] : [candidateAt(i)] }),
    overrides: (id) => overrides.get(id) ?? none,
    sharing(a) {
      shares.clear()
      for (const t of a.topicIds) for (const id of (byTopic.get(t) ?? []).slice(-linksPerTopic)) shares.set(id, (shares.get(id) ?? 0) + 1)
      for (const t of a.tagIds) for (const id of (byTag.get(t) ?? []).slice(-linksPerTag)) shares.set(id, (shares.get(id) ?? 0) + 1)
      shares.delete(a.id)
      return [...shares].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, sharingScored).flatMap(([id]) => { const i = indexOf.get(id); return i === undefined ? [] : [candidateAt(i)] })
    },
  }
  await emptyTable(db, dialect, 'related_pick')
  let withPicks = 0
  let rows: Record<string, unknown>[] = []
  const writePicks = async () => {
    const now = rows
    rows = []
    await db.transaction().execute((trx) => insertRows(trx, 'related_pick', now))
  }
  for (let i = 0; i < held.length; i++) {
    const article = candidateAt(i)
    const picks = await picksFor(corpus, article)
    if (picks.alsoRead !== undefined) rows.push({ article_id: article.id, kind: 'also_read', position: 0, related_id: picks.alsoRead })
    picks.related.forEach((id, position) => rows.push({ article_id: article.id, kind: 'related', position, related_id: id }))
    if (picks.earlier !== undefined) rows.push({ article_id: article.id, kind: 'earlier', position: 0, related_id: picks.earlier })
    if (picks.alsoRead !== undefined || picks.related.length) withPicks++
    if (rows.length >= articlesPerTransaction * 4) await writePicks()
    if ((i + 1) % page === 0 || i + 1 === held.length) onProgress({ phase: 'picking', done: i + 1, total: held.length })
  }
  await writePicks()
  await db.deleteFrom('related_pending').where('queued_at', '<=', startedAt).execute()
  await analyze(db, dialect, ['related_profile', 'related_posting', 'related_term', 'related_pick'])
  // Every article page may show other picks now.
  await events.emit({ type: 'related.changed', articleIds: [], tags: ['site'] })
  return { articles, withPicks, seconds: (Date.now() - started) / 1000 }
}
