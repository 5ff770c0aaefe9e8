// `dateline related rebuild`: every published article's profile and picks worked out again, the archive held in memory.
import { analyzeAfterBulkWrite, emptyTable, type Db, type DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { Events } from '../platform/events.js'
import { articleTerms, encodeHashes, encodeSignature, termHash } from './related-text.js'
import type { Overrides, Profile, TermVector } from './related-engine.js'
import { buildProfile, picksFor, sharingScored, type Corpus } from './related-refresh.js'
import { totalKey, type ArticleWords } from './related.store.js'

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

/** Published articles in id order, a page at a time, so an archive of any size is never in memory as text. */
async function* publishedArticles(db: Db): AsyncGenerator<ArticleWords[]> {
  let after = 0
  for (;;) {
    const rows = await db.selectFrom('article')
      .select(['id', 'headline', 'standfirst', 'body_text', 'section_id', 'published_at', 'status'])
      .where('id', '>', after).where('status', '=', 'published').where('published_at', 'is not', null)
      .orderBy('id').limit(page).execute()
    if (rows.length === 0) return
    after = rows.at(-1)!.id
    yield rows.map((r) => ({
      id: r.id, headline: r.headline, standfirst: r.standfirst, bodyText: r.body_text, sectionId: r.section_id, publishedAt: r.published_at, status: r.status,
    }))
  }
}

/** Profiles held compactly: term ids and weights in typed arrays, a few dozen bytes a term rather than a Map entry. */
interface Compact {
  id: number
  terms: Int32Array
  weights: Float32Array
  signature: Uint32Array
  publishedAt: number
  sectionId: number
}

async function insertRows(db: Db, table: 'related_profile' | 'related_posting' | 'related_term' | 'related_pick', rows: Record<string, unknown>[], per: number): Promise<void> {
  for (let i = 0; i < rows.length; i += per) await db.insertInto(table).values(rows.slice(i, i + per) as never).execute()
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
  const countRow = await db.selectFrom('article').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published').where('published_at', 'is not', null).executeTakeFirst()
  const total = Number(countRow?.n ?? 0)

  // 1. How many articles use each term.
  const df = new Map<number, number>()
  let done = 0
  for await (const batch of publishedArticles(db)) {
    for (const a of batch) for (const t of articleTerms(a).keys()) { const h = termHash(t); df.set(h, (df.get(h) ?? 0) + 1) }
    onProgress({ phase: 'counting', done: (done += batch.length), total })
  }
  const articles = done

  // 2. Profiles and postings, written as they are made and kept in memory for picking.
  await db.transaction().execute(async (trx) => {
    await emptyTable(trx, dialect, 'related_posting')
    await emptyTable(trx, dialect, 'related_profile')
    await emptyTable(trx, dialect, 'related_term')
    await insertRows(trx, 'related_term', [{ term_hash: totalKey, df: articles }, ...[...df].map(([h, n]) => ({ term_hash: h, df: n }))], 400)
  })
  const dictionary = new Map<string, number>()
  const termText: string[] = []
  const idOf = (t: string) => {
    let id = dictionary.get(t)
    if (id === undefined) dictionary.set(t, (id = termText.push(t) - 1))
    return id
  }
  const compact: Compact[] = []
  const postings = new Map<number, { index: number; weight: number }[]>()
  done = 0
  for await (const batch of publishedArticles(db)) {
    const profiles = batch.map((a) => buildProfile(a, (h) => df.get(h) ?? 1, articles))
    await db.transaction().execute(async (trx) => {
      await insertRows(trx, 'related_profile', profiles.map((p) => ({
        article_id: p.articleId, vector: JSON.stringify([...p.vector].map(([t, w]) => [t, Math.round(w * 1e5) / 1e5])),
        signature: encodeSignature(p.signature), term_hashes: encodeHashes(p.termHashes), published_at: p.publishedAt, section_id: p.sectionId, computed_at: startedAt,
      })), 100)
      await insertRows(trx, 'related_posting', profiles.flatMap((p) => p.posted.map((x) => ({ term_hash: x.hash, article_id: p.articleId, weight: Math.round(x.weight * 1e5) / 1e5 }))), 300)
    })
    for (const p of profiles) {
      const index = compact.length
      const entries = [...p.vector]
      compact.push({
        id: p.articleId, terms: Int32Array.from(entries, ([t]) => idOf(t)), weights: Float32Array.from(entries, ([, w]) => w),
        signature: p.signature, publishedAt: Date.parse(p.publishedAt), sectionId: p.sectionId,
      })
      for (const x of p.posted) {
        let list = postings.get(x.hash)
        if (!list) postings.set(x.hash, (list = []))
        list.push({ index, weight: x.weight })
        // Only the strongest are ever read: trim as we go, so a common term never holds the whole archive.
        if (list.length >= postingsPerTerm * 4) postings.set(x.hash, list.sort((a, b) => b.weight - a.weight || b.index - a.index).slice(0, postingsPerTerm))
      }
    }
    onProgress({ phase: 'profiling', done: (done += batch.length), total: articles })
  }
  for (const [hash, list] of postings) postings.set(hash, list.sort((a, b) => b.weight - a.weight || b.index - a.index).slice(0, postingsPerTerm))

  // 3. Editors' labels and overrides, then picks for every article.
  const indexOf = new Map(compact.map((c, i) => [c.id, i]))
  const topicIds = new Map<number, number[]>()
  const tagIds = new Map<number, number[]>()
  const byTopic = new Map<number, number[]>()
  const byTag = new Map<number, number[]>()
  for (const r of await db.selectFrom('article_topic').select(['article_id', 'topic_id']).orderBy('article_id').execute()) {
    if (!indexOf.has(r.article_id)) continue
    topicIds.set(r.article_id, [...(topicIds.get(r.article_id) ?? []), r.topic_id])
    byTopic.set(r.topic_id, [...(byTopic.get(r.topic_id) ?? []), r.article_id])
  }
  for (const r of await db.selectFrom('article_tag').select(['article_id', 'tag_id']).orderBy('article_id').execute()) {
    if (!indexOf.has(r.article_id)) continue
    tagIds.set(r.article_id, [...(tagIds.get(r.article_id) ?? []), r.tag_id])
    byTag.set(r.tag_id, [...(byTag.get(r.tag_id) ?? []), r.article_id])
  }
  const overrides = new Map<number, { pinned: number[]; excluded: number[] }>()
  for (const r of await db.selectFrom('related_override').select(['article_id', 'related_id', 'mode']).orderBy('created_at').orderBy('related_id').execute()) {
    const o = overrides.get(r.article_id) ?? { pinned: [], excluded: [] }
    ;(r.mode === 'pin' ? o.pinned : o.excluded).push(r.related_id)
    overrides.set(r.article_id, o)
  }
  const profileAt = (i: number): Profile => {
    const c = compact[i]!
    const vector: TermVector = new Map()
    for (let k = 0; k < c.terms.length; k++) vector.set(termText[c.terms[k]!]!, c.weights[k]!)
    return { id: c.id, vector, signature: c.signature, publishedAt: c.publishedAt, sectionId: c.sectionId, topicIds: topicIds.get(c.id) ?? [], tagIds: tagIds.get(c.id) ?? [] }
  }
  const none: Overrides = { pinned: [], excluded: [] }
  // The first estimate of every candidate's similarity, summed into one array reused for each article.
  const scores = new Float64Array(compact.length)
  const touched: number[] = []
  const shares = new Map<number, number>()
  const corpus: Corpus = {
    candidates(query, selfId, limit) {
      touched.length = 0
      for (const [hash, w] of query) {
        for (const p of postings.get(hash) ?? []) {
          if (scores[p.index] === 0) touched.push(p.index)
          scores[p.index] = scores[p.index]! + p.weight * w
        }
      }
      const best = touched.filter((i) => compact[i]!.id !== selfId).sort((a, b) => scores[b]! - scores[a]! || b - a).slice(0, limit)
      for (const i of touched) scores[i] = 0
      return best.map((i) => compact[i]!.id)
    },
    profiles: (ids) => ids.flatMap((id) => { const i = indexOf.get(id); return i === undefined ? [] : [profileAt(i)] }),
    overrides: (id) => overrides.get(id) ?? none,
    sharing(a) {
      shares.clear()
      for (const t of a.topicIds) for (const id of (byTopic.get(t) ?? []).slice(-linksPerTopic)) shares.set(id, (shares.get(id) ?? 0) + 1)
      for (const t of a.tagIds) for (const id of (byTag.get(t) ?? []).slice(-linksPerTag)) shares.set(id, (shares.get(id) ?? 0) + 1)
      shares.delete(a.id)
      return [...shares].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, sharingScored).map(([id]) => id)
    },
  }
  await emptyTable(db, dialect, 'related_pick')
  let withPicks = 0
  let rows: Record<string, unknown>[] = []
  const flush = async () => {
    await insertRows(db, 'related_pick', rows, 200)
    rows = []
  }
  for (let i = 0; i < compact.length; i++) {
    const article = profileAt(i)
    const picks = await picksFor(corpus, article)
    if (picks.alsoRead !== undefined) rows.push({ article_id: article.id, kind: 'also_read', position: 0, related_id: picks.alsoRead })
    picks.related.forEach((id, position) => rows.push({ article_id: article.id, kind: 'related', position, related_id: id }))
    if (picks.earlier !== undefined) rows.push({ article_id: article.id, kind: 'earlier', position: 0, related_id: picks.earlier })
    if (picks.alsoRead !== undefined || picks.related.length) withPicks++
    if (rows.length >= 2000) await flush()
    if ((i + 1) % page === 0 || i + 1 === compact.length) onProgress({ phase: 'picking', done: i + 1, total: compact.length })
  }
  await flush()
  await db.deleteFrom('related_pending').where('queued_at', '<=', startedAt).execute()
  await analyzeAfterBulkWrite(db, dialect, ['related_profile', 'related_posting', 'related_term', 'related_pick'])
  // Every article page may show other picks now.
  await events.emit({ type: 'related.changed', articleIds: [], tags: ['site'] })
  return { articles, withPicks, seconds: (Date.now() - started) / 1000 }
}
