// Related articles: the one function that decides what "Also read" and "Related news" show.
import { sql } from 'kysely'
import { contentVersion, type Db, type DialectName } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import { summariesByIds, type PublicArticle, type ArticleSummary } from '../content/index.js'

export interface Related {
  /** One article linked inline in the body; only when it is on the same story. Absent rather than a weak match. */
  alsoRead: ArticleSummary | undefined
  /** Up to `limit` articles, best first, never the article itself nor `alsoRead`; fewer rather than an unrelated one. */
  related: ArticleSummary[]
}

/** What the scorer knows about a candidate: what it shares with the article, and its words. No bodies. */
interface Candidate {
  id: number
  /** Shares the article's first topic, the running story named in its label. */
  sameStory: boolean
  sharedTopics: number
  sharedTags: number
  sameSection: boolean
  similarity: number
  ageDays: number
}

const stopWords = new Set((
  'a an and are as at be been by for from has have had he her his in is it its of on or she that the their them they this ' +
  'to was were will with would after over new says said not but into about more than up out who what when where which ' +
  'why how can could may might just also being our your you we first last year years week day days two three ' +
  'one all any some such very most other only under again still back while before'
).split(' '))

/** Significant words of a headline and standfirst, crudely singularised so "tram" meets "trams". */
function significantWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 3 || stopWords.has(raw) || /^\d+$/.test(raw)) continue
    out.add(raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw)
  }
  return out
}

/** Cosine similarity of two word sets: 0 when nothing is shared, 1 when they are the same. */
function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  return shared / Math.sqrt(a.size * b.size)
}

// Gates, not just weights: a candidate must clear one of these to be shown at all.
/** Related news: the same running story, two shared tags, or one shared tag with headlines that read alike. */
function isRelated(c: Candidate): boolean {
  return c.sharedTopics > 0 || c.sharedTags >= 2 || (c.sharedTags === 1 && c.similarity >= 0.25)
}

/** "Also read" sits inside the story, so it must be on the same story: a shared topic, or strong tag and word overlap. */
function isAlsoRead(c: Candidate): boolean {
  return c.sharedTopics > 0 || (c.sharedTags >= 2 && c.similarity >= 0.2)
}

/** Higher is closer. Stories near the article's own date come first among equals: that is where its follow-ups are. */
function score(c: Candidate): number {
  return 3 * Math.min(c.sharedTopics, 2) + (c.sameStory ? 1 : 0) + 1.25 * Math.min(c.sharedTags, 4) + 4 * c.similarity +
    (c.sameSection ? 0.5 : 0) + 1.5 / (1 + c.ageDays / 14)
}

/** Links per topic and per tag looked at, newest first: bounded work per render whatever the archive's size. */
const linksPerTopic = 40
const linksPerTag = 20
const candidatesScored = 12

/**
 * Candidates sharing a topic or tag, with how many of each they share, best first; hidden ones included. Each topic and tag
 * contributes only its latest links (by insertion order on SQLite, where the index gives it for free; by
 * article id on PostgreSQL), so a topic with ten thousand articles costs what one with sixty does.
 */
async function sharingCandidates(db: Db, dialect: DialectName, article: PublicArticle) {
  const newest = dialect === 'sqlite' ? sql`rowid` : sql`article_id`
  const window = (table: 'article_topic' | 'article_tag', column: 'topic_id' | 'tag_id', id: number, n: number, kind: 'lead' | 'topic' | 'tag') =>
    sql`select * from (select article_id, ${sql.lit(kind === 'lead' ? 1 : 0)} as lead, ${sql.lit(kind === 'tag' ? 0 : 1)} as topic,
      ${sql.lit(kind === 'tag' ? 1 : 0)} as tag from ${sql.table(table)} where ${sql.ref(column)} = ${id} order by ${newest} desc limit ${n}) w`
  const windows = [
    ...article.topics.map((t, i) => window('article_topic', 'topic_id', t.id, linksPerTopic, i === 0 ? 'lead' : 'topic')),
    ...article.tags.map((t) => window('article_tag', 'tag_id', t.id, linksPerTag, 'tag')),
  ]
  if (windows.length === 0) return []
  const rows = await sql<{ id: number; lead: number | string; topics: number | string; tags: number | string }>`
    select l.article_id as id, sum(l.lead) as lead, sum(l.topic) as topics, sum(l.tag) as tags
    from (${sql.join(windows, sql` union all `)}) l
    where l.article_id <> ${article.id}
    group by l.article_id
    order by sum(l.topic) desc, sum(l.tag) desc, l.article_id desc
    limit ${candidatesScored}`.execute(db)
  return rows.rows.map((r) => ({ id: r.id, sameStory: Number(r.lead) > 0, sharedTopics: Number(r.topics), sharedTags: Number(r.tags) }))
}

interface Choice { alsoRead: number | undefined; related: number[] }

// What was picked, and the teasers shown, are kept until any content changes anywhere (every change appends
// to the change log, which all writers share) or ten minutes pass; a render then costs one version read.
interface Memo {
  version: number
  at: number
  picks: Map<number, { modifiedAt: number; choice: Choice }>
  summaries: Map<number, ArticleSummary>
  /** Significant words of each summary's headline and standfirst, worked out once. */
  words: Map<number, Set<string>>
}
const memos = new WeakMap<Db, Memo>()
const memoMs = 10 * 60_000
const memoPicks = 20_000
const memoSummaries = 50_000

async function currentMemo(db: Db, now: number): Promise<Memo> {
  const version = await contentVersion(db)
  const memo = memos.get(db)
  if (memo && memo.version === version && now - memo.at <= memoMs) return memo
  const fresh: Memo = { version, at: now, picks: new Map(), summaries: new Map(), words: new Map() }
  memos.set(db, fresh)
  return fresh
}

/** Summaries of the visible ones among `ids`, from the memo where it has them. */
async function visibleSummaries(db: Db, memo: Memo, ids: number[], now: Date): Promise<Map<number, ArticleSummary>> {
  const missing = ids.filter((id) => !memo.summaries.has(id))
  if (missing.length) {
    if (memo.summaries.size >= memoSummaries) {
      memo.summaries.clear()
      memo.words.clear()
    }
    for (const s of await summariesByIds(db, missing)) memo.summaries.set(s.id, s)
  }
  const out = new Map<number, ArticleSummary>()
  for (const id of ids) {
    const s = memo.summaries.get(id)
    if (s && s.status === 'published' && s.publishedAt && s.publishedAt <= now) out.set(id, s)
  }
  return out
}

function wordsOf(memo: Memo, s: ArticleSummary): Set<string> {
  let words = memo.words.get(s.id)
  if (!words) memo.words.set(s.id, (words = significantWords(`${s.headline} ${s.standfirst}`)))
  return words
}

async function choose(db: Db, dialect: DialectName, memo: Memo, article: PublicArticle, now: Date, limit: number): Promise<Choice> {
  // Visibility is checked on the summaries, not in this query: a longer statement costs more to prepare
  // than the few hidden articles (drafts, scheduled) cost in candidate slots.
  const shared = await sharingCandidates(db, dialect, article)
  const summaries = await visibleSummaries(db, memo, shared.map((c) => c.id), now)
  const mine = significantWords(`${article.headline} ${article.standfirst}`)
  const reference = (article.publishedAt ?? now).getTime()
  const ranked = shared.flatMap((c): Candidate[] => {
    const s = summaries.get(c.id)
    if (!s) return []
    return [{
      ...c,
      sameSection: s.section.id === article.section.id,
      similarity: similarity(mine, wordsOf(memo, s)),
      ageDays: Math.abs(reference - (s.publishedAt?.getTime() ?? 0)) / 86_400_000,
    }]
  }).filter(isRelated).map((c) => ({ c, s: score(c) })).sort((x, y) => y.s - x.s).map((x) => x.c)
  const alsoRead = ranked.find(isAlsoRead)?.id
  return { alsoRead, related: ranked.filter((c) => c.id !== alsoRead).slice(0, limit).map((c) => c.id) }
}

/**
 * "Also read" and "Related news" for an article: published, visible articles sharing its topics or tags,
 * scored by what they share, how alike their headlines and standfirsts read, their section and their
 * closeness in time. A weak link is never shown to fill a slot.
 * @example const { alsoRead, related } = await findRelated(deps, article)
 */
export async function findRelated(
  { db, dialect, clock }: { db: Db; dialect: DialectName; clock: Clock }, article: PublicArticle, limit = 6,
): Promise<Related> {
  const now = clock.now()
  const memo = await currentMemo(db, now.getTime())
  const modifiedAt = article.modifiedAt.getTime()
  let pick = memo.picks.get(article.id)
  if (!pick || pick.modifiedAt !== modifiedAt) {
    pick = { modifiedAt, choice: await choose(db, dialect, memo, article, now, limit) }
    if (memo.picks.size >= memoPicks) memo.picks.clear()
    memo.picks.set(article.id, pick)
  }
  const { alsoRead, related } = pick.choice
  const shown = await visibleSummaries(db, memo, [...(alsoRead === undefined ? [] : [alsoRead]), ...related], now)
  return {
    alsoRead: alsoRead === undefined ? undefined : shown.get(alsoRead),
    related: related.flatMap((id) => shown.get(id) ?? []).slice(0, limit),
  }
}
