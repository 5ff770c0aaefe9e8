// Queries of the related-news tables: profiles, postings, term counts, picks, editors' overrides and the refresh queue.
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import type { ArticleCompanion } from '../content/index.js'
import { dialectOfDb, jsonArrayFrom, jsonColumn, precompiled, type Db, type RelatedOverrideMode, type RelatedPickKind } from '../platform/db/index.js'
import { decodeSignature, encodeSignature, encodeHashes, decodeHashes } from './related-text.js'
import { PackedTerms, packTerms, type Candidate, type Overrides, type TermVector } from './related-engine.js'

/** `related_term` row 0 holds the number of profiled articles, so idf needs no count over the profiles. */
export const totalKey = 0

/** Runs `run` over `items` in slices small enough for any database's limit on bound parameters. */
async function inSlices<T, R>(items: readonly T[], size: number, run: (slice: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await run(items.slice(i, i + size))))
  return out
}

export interface ArticleWords {
  id: number
  headline: string
  standfirst: string
  bodyText: string
  sectionId: number
  publishedAt: string | null
  status: string
}

/** The words and place of articles, published or not; a missing id is left out. */
export async function articleWords(db: Db, ids: readonly number[]): Promise<ArticleWords[]> {
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('article')
    .select(['id', 'headline', 'standfirst', 'body_text', 'section_id', 'published_at', 'status']).where('id', 'in', slice).execute())
  return rows.map((r) => ({
    id: r.id, headline: r.headline, standfirst: r.standfirst, bodyText: r.body_text, sectionId: r.section_id, publishedAt: r.published_at, status: r.status,
  }))
}

/** Topic and tag ids of each article: the editors' labels, strong signals when there are any. */
export async function articleLabels(db: Db, ids: readonly number[]): Promise<Map<number, { topicIds: number[]; tagIds: number[] }>> {
  const out = new Map<number, { topicIds: number[]; tagIds: number[] }>(ids.map((id) => [id, { topicIds: [], tagIds: [] }]))
  if (ids.length === 0) return out
  const [topics, tags] = await Promise.all([
    inSlices(ids, 500, (slice) => db.selectFrom('article_topic').select(['article_id', 'topic_id']).where('article_id', 'in', slice).execute()),
    inSlices(ids, 500, (slice) => db.selectFrom('article_tag').select(['article_id', 'tag_id']).where('article_id', 'in', slice).execute()),
  ])
  for (const t of topics) out.get(t.article_id)?.topicIds.push(t.topic_id)
  for (const t of tags) out.get(t.article_id)?.tagIds.push(t.tag_id)
  return out
}

/** How many profiled articles use each term hash; hash 0 gives the number of profiled articles. */
export async function termCounts(db: Db, hashes: readonly number[]): Promise<Map<number, number>> {
  const rows = await inSlices([...new Set([totalKey, ...hashes])], 900, (slice) =>
    db.selectFrom('related_term').select(['term_hash', 'df']).where('term_hash', 'in', slice).execute())
  return new Map(rows.map((r) => [Number(r.term_hash), Number(r.df)]))
}

/** Adds `delta` to the count of each term; pass `totalKey` among the hashes to count the article itself. */
export async function adjustTermCounts(db: Db, hashes: readonly number[], delta: 1 | -1): Promise<void> {
  if (hashes.length === 0) return
  if (delta > 0) {
    await inSlices([...new Set(hashes)], 400, async (slice) => {
      await db.insertInto('related_term').values(slice.map((h) => ({ term_hash: h, df: 1 })))
        .onConflict((oc) => oc.column('term_hash').doUpdateSet({ df: sql`related_term.df + 1` })).execute()
      return []
    })
  } else {
    await inSlices([...new Set(hashes)], 900, async (slice) => {
      await db.updateTable('related_term').set({ df: sql`df - 1` }).where('term_hash', 'in', slice).execute()
      return []
    })
  }
}

export interface StoredProfile {
  articleId: number
  signature: Uint32Array
  termHashes: number[]
  publishedAt: string
  sectionId: number
}

/** A profile's terms as stored: the packed words' bytes (PackedTerms), little-endian as on every platform we run on. */
export const encodeTerms = (terms: PackedTerms): Buffer => Buffer.from(terms.words.buffer, terms.words.byteOffset, terms.words.byteLength)
export function decodeTerms(bytes: Uint8Array): PackedTerms {
  // Copied, not viewed: a driver's buffer may start at any byte, and typed arrays of 32-bit words need four.
  const words = new Int32Array(bytes.byteLength >> 2)
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.byteLength))
  return new PackedTerms(words)
}

/** Profiles of these articles (those that have one). */
export async function readProfiles(db: Db, ids: readonly number[], withHashes = false): Promise<StoredProfile[]> {
  if (ids.length === 0) return []
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('related_profile')
    .select(['article_id', 'signature', 'published_at', 'section_id', ...(withHashes ? ['term_hashes' as const] : [])])
    .where('article_id', 'in', slice).execute())
  return rows.map((r) => ({
    articleId: r.article_id, signature: decodeSignature(r.signature),
    termHashes: 'term_hashes' in r ? decodeHashes(r.term_hashes as string) : [], publishedAt: r.published_at, sectionId: r.section_id,
  }))
}

export interface NewProfile {
  articleId: number
  vector: TermVector
  /** The strongest terms with their hashes, written to the postings. */
  posted: { hash: number; weight: number }[]
  signature: Uint32Array
  termHashes: number[]
  publishedAt: string
  sectionId: number
}

const round = (w: number) => Math.round(w * 1e5) / 1e5

/** Writes one article's profile and postings, replacing any earlier ones (without touching term counts). */
export async function writeProfile(db: Db, p: NewProfile, at: string): Promise<void> {
  const values = {
    terms: encodeTerms(packTerms(p.vector)),
    signature: encodeSignature(p.signature),
    term_hashes: encodeHashes(p.termHashes),
    published_at: p.publishedAt,
    section_id: p.sectionId,
    computed_at: at,
  }
  await db.insertInto('related_profile').values({ article_id: p.articleId, ...values })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(values)).execute()
  await db.deleteFrom('related_posting').where('article_id', '=', p.articleId).execute()
  if (p.posted.length) {
    await db.insertInto('related_posting').values(p.posted.map((x) => ({ term_hash: x.hash, article_id: p.articleId, weight: round(x.weight) }))).execute()
  }
}

/**
 * Removes an article's profile and postings; returns the term hashes it had, for the counts. A deleted article's
 * profile went with it (foreign key), so its postings are removed here and its share of the counts stays until a rebuild.
 */
export async function removeProfile(db: Db, articleId: number): Promise<number[] | undefined> {
  const [old] = await readProfiles(db, [articleId], true)
  await db.deleteFrom('related_posting').where('article_id', '=', articleId).execute()
  if (!old) return undefined
  await db.deleteFrom('related_profile').where('article_id', '=', articleId).execute()
  return old.termHashes
}

/** A profile with the editors' labels, read alongside as JSON arrays so that one statement returns both. */
// Untyped tables: the callers' queries differ; rows are typed by CandidateRow.
function withLabels(db: Db, query: SelectQueryBuilder<any, any, object>) {
  const dialect = dialectOfDb(db)
  return query.select(['p.article_id', 'p.terms', 'p.signature', 'p.published_at', 'p.section_id'])
    .select((eb) => [
      jsonArrayFrom(dialect, eb.selectFrom('article_topic').select('topic_id as id').whereRef('article_topic.article_id', '=', 'p.article_id')).as('topics'),
      jsonArrayFrom(dialect, eb.selectFrom('article_tag').select('tag_id as id').whereRef('article_tag.article_id', '=', 'p.article_id')).as('tags'),
    ])
}

interface CandidateRow {
  article_id: number
  terms: Uint8Array
  signature: string
  published_at: string
  section_id: number
  topics: unknown
  tags: unknown
}

const toCandidate = (r: CandidateRow): Candidate => ({
  id: r.article_id, vector: decodeTerms(r.terms), signature: decodeSignature(r.signature), publishedAt: Date.parse(r.published_at), sectionId: r.section_id,
  topicIds: (jsonColumn<{ id: number }[]>(r.topics as string) ?? []).map((t) => Number(t.id)), tagIds: (jsonColumn<{ id: number }[]>(r.tags as string) ?? []).map((t) => Number(t.id)),
})

/**
 * Articles whose strongest postings agree most with the query terms, with their profiles: for each term its `perTerm`
 * strongest postings, weight times the query's weight, summed per article, best `limit` first. One statement (on
 * PostgreSQL one round trip, not two); each term contributes at most `perTerm` rows, so a term used by half the
 * archive costs what a rare one does.
 */
export async function candidatesByPostings(
  db: Db, query: readonly (readonly [number, number])[], selfId: number, perTerm: number, limit: number,
): Promise<Candidate[]> {
  if (query.length === 0) return []
  const parts = query.map(([h, w]) => sql`select * from (select article_id, weight * ${w} as s from related_posting where term_hash = ${h} order by weight desc limit ${perTerm}) p`)
  return rankedProfiles(db, sql`(select article_id, sum(s) as s from (${sql.join(parts, sql` union all `)}) u
    where article_id <> ${selfId} group by article_id order by sum(s) desc, article_id desc limit ${limit})`)
}

/**
 * Profiles, with labels, of the articles a subquery ranks (`article_id`, score `s`), best first: a search for
 * candidates and the reading of their profiles as one statement. Articles without a profile are left out.
 */
export async function rankedProfiles(db: Db, ranked: RawBuilder<unknown>): Promise<Candidate[]> {
  const rows = await withLabels(db, db.selectFrom((ranked as RawBuilder<{ article_id: number; s: number }>).as('c')).innerJoin('related_profile as p', 'p.article_id', 'c.article_id'))
    .orderBy('c.s', 'desc').orderBy('c.article_id', 'desc').execute() as CandidateRow[]
  return rows.map(toCandidate)
}

/** Scoring profiles with the editors' labels, for candidates or for the articles they are picked for: one statement. */
export async function candidateProfiles(db: Db, ids: readonly number[]): Promise<Candidate[]> {
  if (ids.length === 0) return []
  const rows = await inSlices(ids, 500, (slice) => withLabels(db, db.selectFrom('related_profile as p')).where('p.article_id', 'in', slice).execute() as Promise<CandidateRow[]>)
  return rows.map(toCandidate)
}

// ── Picks ──────────────────────────────────────────────────────────────────────────────────────────────────────

export interface StoredPicks {
  alsoRead: number | undefined
  related: number[]
  earlier: number | undefined
}

export const noPicks: StoredPicks = { alsoRead: undefined, related: [], earlier: undefined }

type PickRow = { kind: RelatedPickKind; position: number; related_id: number }
function toPicks(rows: PickRow[]): StoredPicks {
  const sorted = [...rows].sort((a, b) => a.position - b.position)
  return {
    alsoRead: sorted.find((r) => r.kind === 'also_read')?.related_id,
    related: sorted.filter((r) => r.kind === 'related').map((r) => r.related_id),
    earlier: sorted.find((r) => r.kind === 'earlier')?.related_id,
  }
}

export interface PicksAndProfile {
  picks: StoredPicks
  /** Whether the refresh job has read the article: without a profile, no picks means "not yet", not "none good enough". */
  profiled: boolean
}

type PickOrProfileRow = { kind: RelatedPickKind | 'profile'; position: number; related_id: number }
const picksAndProfileRows = (db: Db, articleId: Expression<number> | number) =>
  db.selectFrom('related_pick').select([sql<RelatedPickKind | 'profile'>`kind`.as('kind'), 'position', 'related_id']).where('article_id', '=', articleId)
    .unionAll(db.selectFrom('related_profile').select([sql<'profile'>`'profile'`.as('kind'), sql<number>`0`.as('position'), sql<number>`0`.as('related_id')])
      .where('article_id', '=', articleId))
const toPicksAndProfile = (rows: PickOrProfileRow[]): PicksAndProfile =>
  ({ picks: toPicks(rows.filter((r): r is PickRow => r.kind !== 'profile')), profiled: rows.some((r) => r.kind === 'profile') })

const picksAndProfileQuery = precompiled(1, (db, articleId: number) => picksAndProfileRows(db, articleId))

/** The stored picks of one article, and whether the refresh job has profiled it: one statement. */
export async function readPicksAndProfile(db: Db, articleId: number): Promise<PicksAndProfile> {
  return toPicksAndProfile(await picksAndProfileQuery(db, articleId))
}

/** The stored picks of one article. */
export async function readPicks(db: Db, articleId: number): Promise<StoredPicks> {
  return (await readPicksAndProfile(db, articleId)).picks
}

/** The same, read with the article's own row by an article page (findArticleWithCompanion): no statement of its own. */
export const picksCompanion: ArticleCompanion<PicksAndProfile> = {
  column: (db) => jsonArrayFrom(dialectOfDb(db), picksAndProfileRows(db, sql.ref<number>('article.id'))),
  read: (value) => toPicksAndProfile(jsonColumn<PickOrProfileRow[]>(value as string | null) ?? []),
}

export async function readPicksOf(db: Db, ids: readonly number[]): Promise<Map<number, StoredPicks>> {
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('related_pick').select(['article_id', 'kind', 'position', 'related_id']).where('article_id', 'in', slice).execute())
  const grouped = new Map<number, typeof rows>()
  for (const r of rows) grouped.set(r.article_id, [...(grouped.get(r.article_id) ?? []), r])
  return new Map(ids.map((id) => [id, toPicks(grouped.get(id) ?? [])]))
}

const samePicks = (a: StoredPicks, b: StoredPicks) =>
  a.alsoRead === b.alsoRead && a.earlier === b.earlier && a.related.length === b.related.length && a.related.every((x, i) => b.related[i] === x)

/** Replaces an article's picks; returns whether they changed. */
export async function writePicks(db: Db, articleId: number, picks: StoredPicks, before?: StoredPicks): Promise<boolean> {
  const old = before ?? (await readPicks(db, articleId))
  if (samePicks(old, picks)) return false
  await db.deleteFrom('related_pick').where('article_id', '=', articleId).execute()
  const rows = [
    ...(picks.alsoRead === undefined ? [] : [{ kind: 'also_read' as const, position: 0, related_id: picks.alsoRead }]),
    ...picks.related.map((id, i) => ({ kind: 'related' as const, position: i, related_id: id })),
    ...(picks.earlier === undefined ? [] : [{ kind: 'earlier' as const, position: 0, related_id: picks.earlier }]),
  ]
  if (rows.length) await db.insertInto('related_pick').values(rows.map((r) => ({ article_id: articleId, ...r }))).execute()
  return true
}

/** Articles whose pages show any of `ids`. */
export async function articlesShowing(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('related_pick').select('article_id').distinct().where('related_id', 'in', slice).execute())
  return [...new Set(rows.map((r) => r.article_id))]
}

// ── Editors' overrides ─────────────────────────────────────────────────────────────────────────────────────────

export async function readOverrides(db: Db, articleId: number): Promise<Overrides> {
  const rows = await db.selectFrom('related_override').select(['related_id', 'mode', 'created_at']).where('article_id', '=', articleId)
    .orderBy('created_at').orderBy('related_id').execute()
  return { pinned: rows.filter((r) => r.mode === 'pin').map((r) => r.related_id), excluded: rows.filter((r) => r.mode === 'exclude').map((r) => r.related_id) }
}

export async function readOverridesOf(db: Db, ids: readonly number[]): Promise<Map<number, Overrides>> {
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('related_override').select(['article_id', 'related_id', 'mode', 'created_at'])
    .where('article_id', 'in', slice).orderBy('created_at').orderBy('related_id').execute())
  const out = new Map<number, { pinned: number[]; excluded: number[] }>()
  for (const r of rows) {
    const o = out.get(r.article_id) ?? { pinned: [], excluded: [] }
    ;(r.mode === 'pin' ? o.pinned : o.excluded).push(r.related_id)
    out.set(r.article_id, o)
  }
  return out
}

export async function setOverride(db: Db, articleId: number, relatedId: number, mode: RelatedOverrideMode | undefined, by: number | null, at: string): Promise<void> {
  await db.deleteFrom('related_override').where('article_id', '=', articleId).where('related_id', '=', relatedId).execute()
  if (mode) await db.insertInto('related_override').values({ article_id: articleId, related_id: relatedId, mode, created_by: by, created_at: at }).execute()
}

// ── The refresh queue ──────────────────────────────────────────────────────────────────────────────────────────

/** Queues articles to be read again; an article already queued goes back to the start (its words may have changed). */
export async function markPending(db: Db, ids: readonly number[], at: string): Promise<void> {
  await inSlices([...new Set(ids)], 300, async (slice) => {
    await db.insertInto('related_pending').values(slice.map((id) => ({ article_id: id, stage: 0, queued_at: at })))
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ stage: 0, queued_at: at })).execute()
    return []
  })
}

export async function takePending(db: Db, stage: 0 | 1, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('related_pending').select('article_id').where('stage', '=', stage).orderBy('article_id').limit(limit).execute()
  return rows.map((r) => r.article_id)
}

export async function advancePending(db: Db, ids: readonly number[]): Promise<void> {
  await inSlices(ids, 500, async (slice) => {
    await db.updateTable('related_pending').set({ stage: 1 }).where('article_id', 'in', slice).where('stage', '=', 0).execute()
    return []
  })
}

export async function finishPending(db: Db, ids: readonly number[]): Promise<void> {
  await inSlices(ids, 500, async (slice) => {
    await db.deleteFrom('related_pending').where('article_id', 'in', slice).where('stage', '=', 1).execute()
    return []
  })
}

/** Which of `ids` are still queued, at any stage. */
export async function stillPending(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const rows = await inSlices(ids, 500, (slice) => db.selectFrom('related_pending').select('article_id').where('article_id', 'in', slice).execute())
  return new Set(rows.map((r) => r.article_id))
}

export async function countPending(db: Db): Promise<number> {
  const row = await db.selectFrom('related_pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
  return Number(row?.n ?? 0)
}
