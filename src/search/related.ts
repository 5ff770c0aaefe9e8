// Related articles: the one function that decides what "Also read" and "Related news" show.
import { sql } from 'kysely'
import type { Db } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import { listArticleSummaries, type Article, type ArticleSummary } from '../content/index.js'

export interface Related {
  /** One article linked inline in the body; only when it is on the same story. Absent rather than a weak match. */
  alsoRead: ArticleSummary | undefined
  /** Up to `limit` articles, best first, never the article itself nor `alsoRead`; fewer rather than an unrelated one. */
  related: ArticleSummary[]
}

/** What the scorer knows about a candidate: what it shares with the article, and its words. No bodies. */
interface Candidate {
  id: number
  sharedTopics: number
  sharedTags: number
  sameSection: boolean
  similarity: number
  ageDays: number
}

const stopWords = new Set((
  'a an and are as at be been by for from has have had he her his in is it its of on or she that the their them they this ' +
  'to was were will with would after over new says said not but into about more than up out who what when where which ' +
  'why how can could may might just also been being our your you we i its first last year years week day days two three ' +
  'one all any some such very most other only over under again still back while before'
).split(' '))

/** Significant words of a headline and standfirst, crudely singularised so "tram" meets "trams". */
export function significantWords(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
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
  return 3 * Math.min(c.sharedTopics, 2) + 1.25 * Math.min(c.sharedTags, 4) + 4 * c.similarity +
    (c.sameSection ? 0.5 : 0) + 1.5 / (1 + c.ageDays / 14)
}

interface Choice { alsoRead: number | undefined; related: number[] }

/** Scores articles sharing a topic or tag with this one; one grouped query over the link tables, no bodies. */
async function pickRelated(db: Db, article: Article, now: Date, limit: number): Promise<Choice> {
  const topicIds = article.topics.map((t) => t.id)
  const tagIds = article.tags.map((t) => t.id)
  const links = [
    ...(topicIds.length ? [sql`select article_id, 1 as topic, 0 as tag from article_topic where topic_id in (${sql.join(topicIds)})`] : []),
    ...(tagIds.length ? [sql`select article_id, 0 as topic, 1 as tag from article_tag where tag_id in (${sql.join(tagIds)})`] : []),
  ]
  if (links.length === 0) return { alsoRead: undefined, related: [] }
  const rows = await sql<{ id: number; topics: number | string; tags: number | string; headline: string; standfirst: string; section_id: number; published_at: string }>`
    select a.id, sum(l.topic) as topics, sum(l.tag) as tags, a.headline, a.standfirst, a.section_id, a.published_at
    from (${sql.join(links, sql` union all `)}) l join article a on a.id = l.article_id
    where a.status = 'published' and a.published_at <= ${now.toISOString()} and a.id <> ${article.id}
    group by a.id, a.headline, a.standfirst, a.section_id, a.published_at
    order by sum(l.topic) desc, sum(l.tag) desc, a.published_at desc
    limit 200`.execute(db)
  const mine = significantWords(`${article.headline} ${article.standfirst}`)
  const reference = (article.publishedAt ?? now).getTime()
  const ranked = rows.rows.map((r): Candidate => ({
    id: r.id,
    sharedTopics: Number(r.topics),
    sharedTags: Number(r.tags),
    sameSection: r.section_id === article.section.id,
    similarity: similarity(mine, significantWords(`${r.headline} ${r.standfirst}`)),
    ageDays: Math.abs(reference - Date.parse(r.published_at)) / 86_400_000,
  })).filter(isRelated).map((c) => ({ c, s: score(c) })).sort((x, y) => y.s - x.s).map((x) => x.c)
  const alsoRead = ranked.find(isAlsoRead)?.id
  return { alsoRead, related: ranked.filter((c) => c.id !== alsoRead).slice(0, limit).map((c) => c.id) }
}

// Picks are kept per article until any content changes anywhere (every change appends to the change log, which
// every writer shares) or ten minutes pass, so a render costs one version read and the teasers' own queries.
interface Memo { version: number; modifiedAt: number; at: number; pick: Choice }
const memos = new WeakMap<Db, Map<number, Memo>>()
const memoMs = 10 * 60_000
const memoEntries = 20_000

async function changeVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}

/**
 * "Also read" and "Related news" for an article: published, visible articles sharing its topics or tags,
 * scored by what they share, how alike their headlines and standfirsts read, their section and their
 * closeness in time. A weak link is never shown to fill a slot.
 * @example const { alsoRead, related } = await findRelated(deps, article)
 */
export async function findRelated({ db, clock }: { db: Db; clock: Clock }, article: Article, limit = 6): Promise<Related> {
  const now = clock.now()
  let memo = memos.get(db)
  if (!memo) memos.set(db, (memo = new Map()))
  const version = await changeVersion(db)
  const modifiedAt = article.modifiedAt.getTime()
  let entry = memo.get(article.id)
  if (!entry || entry.version !== version || entry.modifiedAt !== modifiedAt || now.getTime() - entry.at > memoMs) {
    entry = { version, modifiedAt, at: now.getTime(), pick: await pickRelated(db, article, now, limit) }
    if (memo.size >= memoEntries) memo.delete(memo.keys().next().value!)
    memo.set(article.id, entry)
  }
  const { pick } = entry
  const ids = [...(pick.alsoRead === undefined ? [] : [pick.alsoRead]), ...pick.related]
  if (ids.length === 0) return { alsoRead: undefined, related: [] }
  // Visibility is checked on every render, so a pick never outlives an article's withdrawal or schedule.
  const shown = await listArticleSummaries(db, { ids, status: 'published', publishedUntil: now }, ids.length)
  const byId = new Map(shown.map((a) => [a.id, a]))
  return {
    alsoRead: pick.alsoRead === undefined ? undefined : byId.get(pick.alsoRead),
    related: pick.related.flatMap((id) => byId.get(id) ?? []).slice(0, limit),
  }
}
