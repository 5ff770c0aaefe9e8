// Article queries; rows become domain objects here and nowhere else.
import { sql, type RawBuilder } from 'kysely'
import { contentMemo, contentVersion, dialectOfDb, jsonArrayFrom, jsonColumn, precompiled, throughIndex, type Db, type ArticleRow, type ArticleStatus } from '../platform/db/index.js'
import type { Article, PublicArticle, ArticleImage, ArticleSummary, AuthorRef, TagRef, Topic, TopicRef, Correction } from './article.js'
import { articlePath } from './article.js'
import { mediaPath, parseVariants } from '../media/index.js'

const date = (v: string | null): Date | null => (v ? new Date(v) : null)

type SummaryRow = Pick<ArticleRow, 'id' | 'slug' | 'headline' | 'standfirst' | 'status' | 'published_at' | 'updated_at' |
  'image_url' | 'image_alt' | 'image_caption' | 'image_credit' | 'image_width' | 'image_height' | 'image_media_id' | 'comment_count'> & {
  section_id: number; section_slug: string; section_name: string
  /** The media item's variants (JSON), joined when the featured image is from the library. */
  image_variants: string | null
}

const summaryColumns = [
  'article.id', 'article.slug', 'article.headline', 'article.standfirst', 'article.status', 'article.published_at',
  'article.updated_at', 'article.image_url', 'article.image_alt', 'article.image_caption', 'article.image_credit',
  'article.image_width', 'article.image_height', 'article.image_media_id', 'media.variants as image_variants', 'article.comment_count', 'section.id as section_id', 'section.slug as section_slug',
  'section.name as section_name',
] as const

function toImage(r: SummaryRow): ArticleImage | undefined {
  if (!r.image_url) return undefined
  const variants = parseVariants(r.image_variants).map((v) => ({ url: mediaPath(v.name), format: v.format, width: v.width, height: v.height }))
  return {
    url: r.image_url, alt: r.image_alt, caption: r.image_caption, credit: r.image_credit, width: r.image_width, height: r.image_height,
    mediaId: r.image_media_id, variants,
  }
}

function toSummary(r: SummaryRow, topics: TopicRef[], authors: AuthorRef[]): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    path: articlePath(r.section_slug, r.slug),
    headline: r.headline,
    standfirst: r.standfirst,
    status: r.status,
    section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
    topic: topics[0],
    authors,
    image: toImage(r),
    publishedAt: date(r.published_at),
    updatedAt: date(r.updated_at),
    commentCount: Number(r.comment_count),
  }
}

type SummaryLink = TopicRef & { kind: 'topic' | 'author'; position: number }

// Lookups by a list of ids run as one precompiled query per batch of this many, the last padded with an id no row has:
// building a query with a fresh IN list each time cost Kysely more than SQLite spent answering it.
export const idBatch = 24

/** Runs `run` over the ids in padded batches of `idBatch`, for queries precompiled with that many parameters. */
export async function inBatches<R>(ids: readonly number[], run: (batch: number[]) => Promise<R[]>): Promise<R[]> {
  const batches: number[][] = []
  for (let i = 0; i < ids.length; i += idBatch) {
    const batch = ids.slice(i, i + idBatch)
    batches.push([...batch, ...Array<number>(idBatch - batch.length).fill(-1)])
  }
  return (await Promise.all(batches.map(run))).flat()
}

/**
 * Summary rows with their topics and authors as a JSON column: a teaser shows the first topic and the byline. On
 * SQLite the article's columns come from the `article_teaser` index (migration 0016), which holds every one of
 * `summaryColumns`: in the row, most sit behind the bodies' overflow pages. So `q` must pick its rows by id.
 */
function summarySelect(db: Db, q: ReturnType<typeof filtered>) {
  const dialect = dialectOfDb(db)
  return throughIndex(q, dialect, 'article', 'article_teaser').innerJoin('section', 'section.id', 'article.section_id')
    .leftJoin('media', 'media.id', 'article.image_media_id').select(summaryColumns).select((eb) => jsonArrayFrom(dialect, eb.selectFrom('article_topic').innerJoin('topic', 'topic.id', 'article_topic.topic_id')
    .select([sql<SummaryLink['kind']>`'topic'`.as('kind'), 'topic.id', 'topic.slug', 'topic.name', 'article_topic.position'])
    .whereRef('article_topic.article_id', '=', 'article.id')
    .unionAll(eb.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
      .select([sql<SummaryLink['kind']>`'author'`.as('kind'), 'author.id', 'author.slug', 'author.name', 'article_author.position'])
      .whereRef('article_author.article_id', '=', 'article.id'))).as('links'))
}

type SummaryRowWithLinks = SummaryRow & { links: SummaryLink[] | string }

/** Summaries for rows fetched with `summarySelect`, their links in order. */
function summariesFor(rows: SummaryRowWithLinks[]): ArticleSummary[] {
  return rows.map((r) => {
    const links = (jsonColumn<SummaryLink[]>(r.links) ?? []).sort((a, b) => a.position - b.position)
    const refs = (kind: SummaryLink['kind']) => links.filter((l) => l.kind === kind).map(({ id, slug, name }) => ({ id, slug, name }))
    return toSummary(r, refs('topic'), refs('author'))
  })
}

export interface ArticleFilter {
  status?: ArticleStatus | undefined
  sectionId?: number | undefined
  topicId?: number | undefined
  tagId?: number | undefined
  authorId?: number | undefined
  ids?: number[] | undefined
  excludeIds?: number[] | undefined
  /** Only those published at or after this instant. */
  publishedSince?: Date | undefined
  /** Only those published at or before this instant (hides a scheduled time still in the future). */
  publishedUntil?: Date | undefined
  /** Only those changed in any way (an edit, a correction, a new state) at or after this instant. */
  modifiedSince?: Date | undefined
  /**
   * Only those after this one in the newest-first order: a keyset page, which stays put when newer articles are
   * published meanwhile, unlike an offset.
   */
  olderThan?: { publishedAt: string; id: number } | undefined
  /** Only those whose id this subquery returns (the search capability's full-text matches). */
  idsFrom?: RawBuilder<unknown> | undefined
}

function filtered(db: Db, f: ArticleFilter) {
  // No joins: a page of ids or a count then reads only the filter's index, never the row (whose image_media_id
  // follows the bodies on SQLite). summarySelect joins what a summary shows.
  let q = db.selectFrom('article')
  if (f.status) q = q.where('article.status', '=', f.status)
  if (f.sectionId !== undefined) q = q.where('article.section_id', '=', f.sectionId)
  if (f.topicId !== undefined) {
    const topicId = f.topicId
    q = q.where('article.id', 'in', (s) => s.selectFrom('article_topic').select('article_id').where('topic_id', '=', topicId))
  }
  if (f.tagId !== undefined) {
    const tagId = f.tagId
    q = q.where('article.id', 'in', (s) => s.selectFrom('article_tag').select('article_id').where('tag_id', '=', tagId))
  }
  if (f.authorId !== undefined) {
    const authorId = f.authorId
    q = q.where('article.id', 'in', (s) => s.selectFrom('article_author').select('article_id').where('author_id', '=', authorId))
  }
  if (f.ids) q = q.where('article.id', 'in', f.ids.length ? f.ids : [-1])
  if (f.excludeIds?.length) q = q.where('article.id', 'not in', f.excludeIds)
  if (f.publishedSince) q = q.where('article.published_at', '>=', f.publishedSince.toISOString())
  if (f.publishedUntil) q = q.where('article.published_at', '<=', f.publishedUntil.toISOString())
  if (f.modifiedSince) q = q.where('article.modified_at', '>=', f.modifiedSince.toISOString())
  if (f.olderThan) {
    const { publishedAt, id } = f.olderThan
    // The plain bound lets the index start at the cursor; the OR alone would be checked row by row from the newest.
    q = q.where('article.published_at', '<=', publishedAt).where((eb) => eb.or([
      eb('article.published_at', '<', publishedAt),
      eb('article.id', '<', id),
    ]))
  }
  if (f.idsFrom) {
    const ids = f.idsFrom
    q = q.where(sql<boolean>`article.id in (${ids})`)
  }
  return q
}

export interface Page<T> {
  items: T[]
  total: number
}

/** Newest first. The page's ids come from the filter's own indexes, then their summaries through the teaser index. */
export async function listArticleSummaries(db: Db, filter: ArticleFilter, limit: number, offset = 0): Promise<ArticleSummary[]> {
  const page = await filtered(db, filter).select('article.id')
    .orderBy('article.published_at', 'desc').orderBy('article.id', 'desc').limit(limit).offset(offset).execute()
  return summariesByIds(db, page.map((r) => r.id))
}

/**
 * The first article of every run of `every` in the newest-first order (the 1st, the `every`+1st, …): the articles a
 * sitemap index dates its files by, found in one pass over the index instead of one skip per file.
 */
export async function everyNthArticle(db: Db, filter: ArticleFilter, every: number): Promise<ArticleSummary[]> {
  const numbered = filtered(db, filter).select(['article.id',
    sql<number>`row_number() over (order by article.published_at desc, article.id desc)`.as('n')])
  const rows = await db.selectFrom(numbered.as('numbered')).select('numbered.id')
    .where(sql<number>`(numbered.n - 1) % ${every}`, '=', 0).orderBy('numbered.n').execute()
  return summariesByIds(db, rows.map((r) => r.id))
}

export async function countArticles(db: Db, filter: ArticleFilter): Promise<number> {
  const row = await filtered(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function pageArticleSummaries(db: Db, filter: ArticleFilter, limit: number, offset: number): Promise<Page<ArticleSummary>> {
  const [items, total] = await Promise.all([listArticleSummaries(db, filter, limit, offset), countArticles(db, filter)])
  return { items, total }
}

const summaryRowsQuery = precompiled(idBatch, (db, ...ids: number[]) => summarySelect(db, filtered(db, { ids })))

/** Summaries in the order of the ids given. */
export async function summariesByIds(db: Db, ids: number[]): Promise<ArticleSummary[]> {
  if (ids.length === 0) return []
  const rows = await inBatches([...new Set(ids)], (batch) => summaryRowsQuery(db, ...batch))
  const items = summariesFor(rows)
  const byId = new Map(items.map((a) => [a.id, a]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

// A reader's page leaves out the Markdown source and the plain-text copy: together they are two thirds of a row.
const publicColumns = [
  'article.id', 'article.slug', 'article.section_id', 'article.headline', 'article.standfirst', 'article.body_html', 'article.dateline',
  'article.agency', 'article.image_url', 'article.image_alt', 'article.image_caption', 'article.image_credit', 'article.image_width',
  'article.image_height', 'article.image_media_id', 'article.status', 'article.published_at', 'article.updated_at', 'article.seo_title',
  'article.seo_description', 'article.comments_open', 'article.created_at', 'article.modified_at', 'article.comment_count',
] as const
type LinkKind = 'topic' | 'tag' | 'author'
interface LinkRow { kind: LinkKind; id: number; slug: string; name: string; position: number }
interface CorrectionRow { id: number; kind: Correction['kind']; text: string; created_at: string }

/**
 * The article's row with its topics, tags, authors and corrections as JSON columns: one round trip, where separate
 * queries cost PostgreSQL's client more than the database spent answering them.
 */
const publicRow = (db: Db) => {
  const dialect = dialectOfDb(db)
  return db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .leftJoin('media', 'media.id', 'article.image_media_id')
    .select(publicColumns).select(['section.slug as section_slug', 'section.name as section_name', 'media.variants as image_variants'])
    .select((eb) => [
      jsonArrayFrom(dialect, eb.selectFrom('article_topic').innerJoin('topic', 'topic.id', 'article_topic.topic_id')
        .select([sql<LinkKind>`'topic'`.as('kind'), 'topic.id', 'topic.slug', 'topic.name', 'article_topic.position'])
        .whereRef('article_topic.article_id', '=', 'article.id')
        .unionAll(eb.selectFrom('article_tag').innerJoin('tag', 'tag.id', 'article_tag.tag_id')
          .select([sql<LinkKind>`'tag'`.as('kind'), 'tag.id', 'tag.slug', 'tag.name', sql<number>`0`.as('position')])
          .whereRef('article_tag.article_id', '=', 'article.id'))
        .unionAll(eb.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
          .select([sql<LinkKind>`'author'`.as('kind'), 'author.id', 'author.slug', 'author.name', 'article_author.position'])
          .whereRef('article_author.article_id', '=', 'article.id'))).as('links'),
      jsonArrayFrom(dialect, eb.selectFrom('correction').select(['correction.id', 'correction.kind', 'correction.text', 'correction.created_at'])
        .whereRef('correction.article_id', '=', 'article.id')).as('corrections'),
    ])
}
const articleBySlug = precompiled(1, (db, slug: string) => publicRow(db).where('article.slug', '=', slug))
const articleById = precompiled(1, (db, id: number) => publicRow(db).select(['article.body_md', 'article.body_text']).where('article.id', '=', id))

type PublicRow = Awaited<ReturnType<typeof articleBySlug>>[number]

// Topics and authors in their order, tags by name; corrections oldest first, as the page lists them.
const byLinkOrder = (a: LinkRow, b: LinkRow) => a.position - b.position || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
const byCorrectionOrder = (a: CorrectionRow, b: CorrectionRow) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id)

function toPublicArticle(row: PublicRow): PublicArticle {
  const links = (jsonColumn<LinkRow[]>(row.links) ?? []).sort(byLinkOrder)
  const corrections = (jsonColumn<CorrectionRow[]>(row.corrections) ?? []).sort(byCorrectionOrder)
  const refs = (kind: LinkKind) => links.filter((l) => l.kind === kind).map(({ id, slug, name }) => ({ id, slug, name }))
  const topics: TopicRef[] = refs('topic')
  const tags: TagRef[] = refs('tag')
  const authors: AuthorRef[] = refs('author')
  const summary = toSummary(row, topics, authors)
  return {
    ...summary,
    bodyHtml: row.body_html,
    dateline: row.dateline,
    agency: row.agency,
    topics,
    tags,
    corrections: corrections.map((c): Correction => ({ id: c.id, kind: c.kind, text: c.text, createdAt: new Date(c.created_at) })),
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    commentsOpen: row.comments_open === 1,
    createdAt: new Date(row.created_at),
    modifiedAt: new Date(row.modified_at),
  }
}

// Three queries an article page would otherwise make on every render the page cache does not answer: a reader with a
// commenter's cookie, staff signed in, a page pushed out of the page cache. Some 10 KB each; two thousand cover what readers read.
const publicArticles = contentMemo<string, PublicArticle>({ maxEntries: 2_000, maxAgeMs: 10 * 60_000 })

/**
 * The article at a public address, as readers see it; remembered until content changes. Shared: copy, never change.
 * A caller that has just read contentVersion for the same page passes it (`knownVersion`), saving a query.
 */
export async function findArticleBySlug(db: Db, slug: string, knownVersion?: number): Promise<PublicArticle | undefined> {
  return publicArticles(db, slug, async () => {
    const [row] = await articleBySlug(db, slug)
    return row ? toPublicArticle(row) : undefined
  }, knownVersion)
}

/**
 * What another capability keeps about an article and its page shows, selected beside the article's row so both come
 * in one statement: the related news' picks. On PostgreSQL every statement is a socket write and a read each way, the
 * larger part of an uncached page's server time. `column` is correlated with the outer query's `article.id`.
 * @example const picks: ArticleCompanion<Pick[]> = { column: (db) => jsonArrayFrom(..., db.selectFrom('related_pick')...whereRef('article_id', '=', 'article.id')), read: parse }
 */
export interface ArticleCompanion<T> {
  column: (db: Db) => RawBuilder<unknown>
  read: (value: unknown) => T
}

interface WithCompanion<T> { article: PublicArticle; companion: T }
const companionQueries = new WeakMap<ArticleCompanion<unknown>, {
  query: (db: Db, slug: string) => Promise<(PublicRow & { companion: unknown })[]>
  memo: ReturnType<typeof contentMemo<string, WithCompanion<unknown>>>
}>()

/**
 * `findArticleBySlug` with a companion's value read in the same statement (see ArticleCompanion); remembered the
 * same way, per companion. Keep one companion object per kind of value: each gets its own compiled query.
 */
export async function findArticleWithCompanion<T>(
  db: Db, slug: string, companion: ArticleCompanion<T>, knownVersion?: number,
): Promise<WithCompanion<T> | undefined> {
  let kept = companionQueries.get(companion as ArticleCompanion<unknown>)
  if (!kept) {
    kept = {
      query: precompiled(1, (d, s: string) => publicRow(d).select(companion.column(d).as('companion')).where('article.slug', '=', s)),
      memo: contentMemo<string, WithCompanion<unknown>>({ maxEntries: 2_000, maxAgeMs: 10 * 60_000 }),
    }
    companionQueries.set(companion as ArticleCompanion<unknown>, kept)
  }
  const { query } = kept
  return kept.memo(db, slug, async () => {
    const [row] = await query(db, slug)
    return row ? { article: toPublicArticle(row), companion: companion.read(row.companion) } : undefined
  }, knownVersion) as Promise<WithCompanion<T> | undefined>
}

/** The whole article, bodies included. */
export async function findArticleById(db: Db, id: number): Promise<Article | undefined> {
  const [row] = await articleById(db, id)
  return row ? { ...toPublicArticle(row), bodyMd: row.body_md, bodyText: row.body_text } : undefined
}

const newestInSection = precompiled(3, (db, sectionId: number, until: string, limit: number) =>
  db.selectFrom('article').select('id').where('section_id', '=', sectionId).where('status', '=', 'published')
    .where('published_at', '<=', until).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit))

/**
 * The newest published summaries of each section, leaving out `excludeIds` (already shown higher up): one
 * indexed lookup of ids per section, then one batched fetch of every summary.
 */
export async function latestBySection(
  db: Db, { sectionIds, perSection, excludeIds, now }: { sectionIds: number[]; perSection: number; excludeIds: readonly number[]; now: Date },
): Promise<Map<number, ArticleSummary[]>> {
  const until = now.toISOString()
  const skip = new Set(excludeIds)
  const idLists = await Promise.all(sectionIds.map(async (sectionId) => {
    const rows = await newestInSection(db, sectionId, until, perSection + skip.size)
    return rows.map((r) => r.id).filter((id) => !skip.has(id)).slice(0, perSection)
  }))
  const byId = new Map((await summariesByIds(db, idLists.flat())).map((a) => [a.id, a]))
  return new Map(sectionIds.map((sectionId, i) => [sectionId, idLists[i]!.flatMap((id) => byId.get(id) ?? [])]))
}

// Running stories are those of the newest articles: reading only that many keeps the front page from
// aggregating every article ever filed under a topic.
const currentTopicsWindow = 500
const currentTopicsQuery = precompiled(2, (db, until: string, limit: number) =>
  db.selectFrom((eb) => eb.selectFrom('article').select(['id', 'published_at']).where('status', '=', 'published')
    .where('published_at', '<=', until).orderBy('published_at', 'desc').limit(currentTopicsWindow).as('recent'))
    .innerJoin('article_topic', 'article_topic.article_id', 'recent.id').innerJoin('topic', 'topic.id', 'article_topic.topic_id')
    .select((eb) => ['topic.id', 'topic.slug', 'topic.name', 'topic.description', eb.fn.max('recent.published_at').as('latest')])
    .groupBy(['topic.id', 'topic.slug', 'topic.name', 'topic.description']).orderBy('latest', 'desc').limit(limit))

/** Topics of the newest published articles, most recently active first: the front page's running stories. */
export async function listCurrentTopics(db: Db, { limit, now }: { limit: number; now: Date }): Promise<Topic[]> {
  const rows = await currentTopicsQuery(db, now.toISOString(), limit)
  return rows.map(({ id, slug, name, description }) => ({ id, slug, name, description }))
}

export async function findArticleIdBySlug(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('article').select('id').where('slug', '=', slug).executeTakeFirst()
  return row?.id
}

/** Replaces an article's topics, tags and authors, keeping the order given. */
export async function setArticleLinks(db: Db, articleId: number, links: { topicIds: number[]; tagIds: number[]; authorIds: number[] }): Promise<void> {
  await db.deleteFrom('article_topic').where('article_id', '=', articleId).execute()
  await db.deleteFrom('article_tag').where('article_id', '=', articleId).execute()
  await db.deleteFrom('article_author').where('article_id', '=', articleId).execute()
  const unique = (ids: number[]) => [...new Set(ids)]
  const topicIds = unique(links.topicIds)
  const tagIds = unique(links.tagIds)
  const authorIds = unique(links.authorIds)
  if (topicIds.length) await db.insertInto('article_topic').values(topicIds.map((topic_id, position) => ({ article_id: articleId, topic_id, position }))).execute()
  if (tagIds.length) await db.insertInto('article_tag').values(tagIds.map((tag_id) => ({ article_id: articleId, tag_id }))).execute()
  if (authorIds.length) await db.insertInto('article_author').values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position }))).execute()
}

// Summaries the read API lists, remembered per database handle until the change log moves (any write, in any process,
// a comment count included) or a minute passes: every client asks for the same newest pages, and building a summary
// (its links as JSON) cost more than finding which ones a page holds.
const rememberedSummaries = new WeakMap<Db, { version: number; at: number; summaries: Map<number, ArticleSummary> }>()

async function rememberedSummariesByIds(db: Db, ids: number[]): Promise<ArticleSummary[]> {
  const version = await contentVersion(db)
  let memo = rememberedSummaries.get(db)
  if (!memo || memo.version !== version || Date.now() - memo.at > 60_000) rememberedSummaries.set(db, (memo = { version, at: Date.now(), summaries: new Map() }))
  const known = memo.summaries
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length) {
    if (known.size + missing.length > 2_000) known.clear()
    for (const s of await summariesByIds(db, missing)) known.set(s.id, s)
  }
  return ids.flatMap((id) => known.get(id) ?? [])
}

/**
 * A keyset page of published summaries, newest first, as the read API lists them: the page of ids is built and
 * compiled once per combination of filters (Kysely's builder cost more than SQLite's answer), then run with fresh
 * values; the summaries come from memory while content is unchanged. A full-text filter (`idsFrom`) is built each
 * time. Shared between requests: copy, never change.
 */
export async function pagePublishedSummaries(db: Db, f: Omit<ArticleFilter, 'status' | 'ids' | 'excludeIds' | 'publishedSince'> & { publishedUntil: Date }, limit: number): Promise<ArticleSummary[]> {
  if (f.idsFrom) return listArticleSummaries(db, { ...f, status: 'published' }, limit)
  const values: (string | number)[] = [f.publishedUntil.toISOString()]
  let shape = ''
  for (const key of ['sectionId', 'topicId', 'tagId', 'authorId'] as const) {
    const v = f[key]
    if (v !== undefined) { shape += shapeLetter[key]; values.push(v) }
  }
  if (f.modifiedSince) { shape += 'm'; values.push(f.modifiedSince.toISOString()) }
  if (f.olderThan) { shape += 'o'; values.push(f.olderThan.publishedAt, f.olderThan.id) }
  values.push(limit)
  let run = pageShapes.get(shape)
  if (!run) {
    run = precompiled(values.length, (db, ...args: unknown[]) => {
      const next = (() => { let i = 1; return () => args[i++] as never })()
      const filter: ArticleFilter = { status: 'published' }
      for (const key of ['sectionId', 'topicId', 'tagId', 'authorId'] as const) if (shape.includes(shapeLetter[key])) filter[key] = next()
      let q = filtered(db, filter).where('article.published_at', '<=', args[0] as string)
      if (shape.includes('m')) q = q.where('article.modified_at', '>=', next())
      if (shape.includes('o')) {
        const publishedAt: string = next()
        const id: number = next()
        q = q.where('article.published_at', '<=', publishedAt).where((eb) => eb.or([eb('article.published_at', '<', publishedAt), eb('article.id', '<', id)]))
      }
      return q.select('article.id').orderBy('article.published_at', 'desc').orderBy('article.id', 'desc').limit(args[args.length - 1] as number)
    })
    pageShapes.set(shape, run)
  }
  // The page's query decides what is public now; a summary remembered for one of its ids is that article unchanged.
  return rememberedSummariesByIds(db, ((await run(db, ...values)) as { id: number }[]).map((r) => r.id))
}
const shapeLetter = { sectionId: 's', topicId: 'p', tagId: 'g', authorId: 'a' } as const
const pageShapes = new Map<string, (db: Db, ...args: unknown[]) => Promise<unknown[]>>()
