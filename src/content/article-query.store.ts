// Public articles for programs: a filter tree compiled to bound SQL, pages of ids, and whole articles (body, links) by id in batches.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely'
import { contentMemo, contentVersion, precompiled, type Database, type Db } from '../platform/db/index.js'
import { DomainError } from '../platform/errors.js'
import { mediaPath, parseVariants } from '../media/index.js'
import { articlePath, type ArticleImage, type AuthorRef, type SectionRef, type TagRef, type TopicRef } from './article.js'
import { checkArticleFilter, isTextMatchOp, likePattern, type ArticleFilterNode, type FilterValue, type PublicArticleQuery } from './article-query.js'
import { idBatch, inBatches } from './article.store.js'

type Eb = ExpressionBuilder<Database, 'article' | 'section'>

const always = sql<SqlBool>`1 = 1`
const never = sql<SqlBool>`1 = 0`

const strings = (values: readonly FilterValue[]) => values.filter((v): v is string => typeof v === 'string')

/** A LIKE match, case-insensitive on both dialects (PostgreSQL's LIKE is not); the pattern is bound, never spliced. */
const like = (column: string, pattern: string) => sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`

/** Which slugs a membership asks for: some of a list, or those matching a LIKE pattern. */
type SlugTest = { slugs: string[] } | { pattern: string }

const slugWhere = (column: string, test: SlugTest) =>
  'pattern' in test ? like(column, test.pattern) : sql<SqlBool>`${sql.ref(column)} in (${sql.join(test.slugs)})`

/** Membership in a set of slugs, the positive form; `!=`, `not in` and the negated text matches negate it. */
function slugMembership(eb: Eb, field: 'tag' | 'primary_tag' | 'author' | 'primary_author', test: SlugTest): Expression<SqlBool> {
  if ('slugs' in test && !test.slugs.length) return never
  switch (field) {
    case 'primary_tag':
      return slugWhere('section.slug', test)
    case 'tag':
      return eb.or([
        slugWhere('section.slug', test),
        eb('article.id', 'in', eb.selectFrom('article_topic').innerJoin('topic', 'topic.id', 'article_topic.topic_id')
          .select('article_topic.article_id').where(slugWhere('topic.slug', test))),
        eb('article.id', 'in', eb.selectFrom('article_tag').innerJoin('tag', 'tag.id', 'article_tag.tag_id')
          .select('article_tag.article_id').where(slugWhere('tag.slug', test))),
      ])
    case 'author':
      return eb('article.id', 'in', eb.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
        .select('article_author.article_id').where(slugWhere('author.slug', test)))
    case 'primary_author':
      return eb('article.id', 'in', eb.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
        .select('article_author.article_id').where(slugWhere('author.slug', test)).where('article_author.position', '=', 0))
  }
}

const columnOf = {
  slug: 'article.slug', title: 'article.headline', id: 'article.id', published_at: 'article.published_at', updated_at: 'article.modified_at', created_at: 'article.created_at',
} as const

function scalar(field: keyof typeof columnOf, value: FilterValue): string | number | null {
  if (value === null) return null
  if (field === 'id') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new DomainError('VALIDATION', 'id takes an id')
    return value
  }
  if (field === 'slug' || field === 'title') {
    if (typeof value !== 'string' && typeof value !== 'number') throw new DomainError('VALIDATION', `${field} takes text`)
    return String(value)
  }
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new DomainError('VALIDATION', `${field} takes a date`)
  // Stored times are fixed-width ISO 8601 in UTC, so comparing the text compares the instants.
  return value.toISOString()
}

function compile(eb: Eb, node: ArticleFilterNode): Expression<SqlBool> {
  if (node.kind === 'const') return node.value ? always : never
  if (node.kind !== 'compare') return node.kind === 'and' ? eb.and(node.nodes.map((n) => compile(eb, n))) : eb.or(node.nodes.map((n) => compile(eb, n)))
  const { field, op, values } = node
  if (isTextMatchOp(op)) {
    // checkArticleFilter has made sure of one text value and a text field.
    const { pattern, negated } = likePattern(op, String(values[0]))
    const matched = field === 'tag' || field === 'primary_tag' || field === 'author' || field === 'primary_author'
      ? slugMembership(eb, field, { pattern }) : like(columnOf[field as 'slug' | 'title'], pattern)
    return negated ? eb.not(matched) : matched
  }
  const negated = op === '!=' || op === 'not in'
  switch (field) {
    case 'tag': case 'primary_tag': case 'author': case 'primary_author': {
      const member = slugMembership(eb, field, { slugs: strings(values) })
      return negated ? eb.not(member) : member
    }
    case 'featured': {
      // Dateline has no featured flag: every article is "not featured".
      const matches = values.some((v) => v === false)
      return (matches !== negated) ? always : never
    }
    default: {
      const column = columnOf[field]
      const list = values.map((v) => scalar(field, v))
      if (op === 'in' || op === 'not in') {
        const present = list.filter((v): v is string | number => v !== null)
        const hasNull = present.length !== list.length
        const parts: Expression<SqlBool>[] = []
        if (present.length) parts.push(eb(column, 'in', present))
        if (hasNull) parts.push(eb(column, 'is', null))
        const member = parts.length ? eb.or(parts) : never
        return negated ? eb.not(member) : member
      }
      const value = list[0]!
      if (value === null) {
        if (op === '=') return eb(column, 'is', null)
        if (op === '!=') return eb(column, 'is not', null)
        throw new DomainError('VALIDATION', `${field} cannot be compared with null that way`)
      }
      return eb(column, op, value)
    }
  }
}

const orderColumns = {
  published_at: 'article.published_at', updated_at: 'article.modified_at', created_at: 'article.created_at', title: 'article.headline',
  slug: 'article.slug', id: 'article.id',
} as const

function publicRows(db: Db, query: Pick<PublicArticleQuery, 'filter' | 'now'>) {
  let q = db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .where('article.status', '=', 'published').where('article.published_at', '<=', query.now.toISOString())
  if (query.filter) {
    const filter = query.filter
    q = q.where((eb) => compile(eb, filter))
  }
  return q
}

const newestIds = precompiled(3, (db, until: string, limit: number, offset: number) =>
  db.selectFrom('article').select('article.id').where('article.status', '=', 'published').where('article.published_at', '<=', until)
    .orderBy('article.published_at', 'desc').orderBy('article.id', 'desc').limit(limit).offset(offset))

// Totals for the pagination of a filter, until content changes: counting 100,000 rows on every page of a list
// would cost more than the page. Keyed by the filter alone: a published article's time is never in the future.
const totals = contentMemo<string, number>({ maxEntries: 500, maxAgeMs: 60_000 })

/**
 * One page of public article ids in the order asked, and how many match in all.
 * @example const { ids, total } = await queryPublicArticleIds(db, { filter: { kind: 'compare', field: 'tag', op: '=', values: ['energy'] }, limit: 15, offset: 0, now })
 */
export async function queryPublicArticleIds(db: Db, query: PublicArticleQuery): Promise<{ ids: number[]; total: number; version: number }> {
  if (query.filter) checkArticleFilter(query.filter)
  const order = query.order?.length ? query.order : [{ field: 'published_at', direction: 'desc' } as const]
  const newestFirst = !query.filter && order.length === 1 && order[0]!.field === 'published_at' && order[0]!.direction === 'desc'
  let q = publicRows(db, query).select('article.id')
  for (const o of order) q = q.orderBy(orderColumns[o.field], o.direction)
  if (!order.some((o) => o.field === 'id')) q = q.orderBy('article.id', order[0]!.direction)
  // Read once for the whole request: the totals' memo here and the articles' memo after (publicArticlesByIds) use it.
  const version = await contentVersion(db)
  const [rows, total] = await Promise.all([
    // The plain newest-first list is most of what programs ask for: built and compiled once.
    newestFirst ? newestIds(db, query.now.toISOString(), query.limit, query.offset) : q.limit(query.limit).offset(query.offset).execute(),
    totals(db, JSON.stringify(query.filter ?? null), async () => {
      const row = await publicRows(db, query).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    }, version),
  ])
  return { ids: rows.map((r) => r.id), total: total ?? 0, version }
}

/** What an API needs of a public article: the reader's page minus layout, plus the plain text. */
export interface ApiArticle {
  id: number
  slug: string
  path: string
  headline: string
  standfirst: string
  bodyHtml: string
  /** Plain text with word boundaries kept where inline markup ended; only when asked for (`withText`). */
  bodyText?: string | undefined
  /** The first 600 characters of the plain text, for an excerpt. */
  textStart: string
  /** Characters of plain text, for a reading time. */
  textLength: number
  section: SectionRef
  topics: TopicRef[]
  tags: TagRef[]
  authors: AuthorRef[]
  image: ArticleImage | undefined
  publishedAt: Date
  /** Last editorial update readers were told about, if any. */
  updatedAt: Date | null
  createdAt: Date
  /** Last change of any kind. */
  modifiedAt: Date
  seoTitle: string
  seoDescription: string
  commentsOpen: boolean
}

const articleRows = precompiled(idBatch, (db, ...ids: number[]) =>
  db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id').leftJoin('media', 'media.id', 'article.image_media_id')
    .select([
      'article.id', 'article.slug', 'article.headline', 'article.standfirst', 'article.body_html', 'article.image_url',
      sql<string>`substr(article.body_text, 1, 600)`.as('text_start'), sql<number>`length(article.body_text)`.as('text_length'),
      'article.image_alt', 'article.image_caption', 'article.image_credit', 'article.image_width', 'article.image_height', 'article.image_media_id',
      'article.published_at', 'article.updated_at', 'article.created_at', 'article.modified_at', 'article.seo_title', 'article.seo_description',
      'article.comments_open', 'section.id as section_id', 'section.slug as section_slug', 'section.name as section_name', 'media.variants as image_variants',
    ])
    .select(['article.status'])
    // By primary key alone: with the status and time in the WHERE clause SQLite walks the status index over every published row.
    .where('article.id', 'in', ids))

const textRows = precompiled(idBatch, (db, ...ids: number[]) => db.selectFrom('article').select(['id', 'body_text']).where('id', 'in', ids))

type LinkKind = 'topic' | 'tag' | 'author'

const linkRows = precompiled(idBatch, (db, ...ids: number[]) =>
  db.selectFrom('article_topic').innerJoin('topic', 'topic.id', 'article_topic.topic_id')
    .select([sql<LinkKind>`'topic'`.as('kind'), 'article_topic.article_id', 'topic.id', 'topic.slug', 'topic.name', 'article_topic.position'])
    .where('article_topic.article_id', 'in', ids)
    .unionAll(db.selectFrom('article_tag').innerJoin('tag', 'tag.id', 'article_tag.tag_id')
      .select([sql<LinkKind>`'tag'`.as('kind'), 'article_tag.article_id', 'tag.id', 'tag.slug', 'tag.name', sql<number>`0`.as('position')])
      .where('article_tag.article_id', 'in', ids))
    .unionAll(db.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
      .select([sql<LinkKind>`'author'`.as('kind'), 'article_author.article_id', 'author.id', 'author.slug', 'author.name', 'article_author.position'])
      .where('article_author.article_id', 'in', ids))
    .orderBy('position').orderBy('name'))

// Articles built for APIs, remembered per database handle until the change log moves (any write, in any process):
// a list asks for the same few dozen newest articles over and over. The plain text stays out (it is half the row).
const remembered = new WeakMap<Db, { version: number; at: number; articles: Map<number, ApiArticle> }>()
const rememberedMax = 2_000

async function loadArticles(db: Db, ids: number[]): Promise<ApiArticle[]> {
  const [rows, links] = await Promise.all([
    inBatches(ids, (batch) => articleRows(db, ...batch)),
    inBatches(ids, (batch) => linkRows(db, ...batch)),
  ])
  const linksOf = new Map<number, { topics: TopicRef[]; tags: TagRef[]; authors: AuthorRef[] }>()
  for (const l of links) {
    let entry = linksOf.get(l.article_id)
    if (!entry) linksOf.set(l.article_id, (entry = { topics: [], tags: [], authors: [] }))
    const ref = { id: l.id, slug: l.slug, name: l.name }
    if (l.kind === 'topic') entry.topics.push(ref)
    else if (l.kind === 'tag') entry.tags.push(ref)
    else entry.authors.push(ref)
  }
  return rows.filter((r) => r.status === 'published' && r.published_at !== null).map((r): ApiArticle => {
    const linked = linksOf.get(r.id) ?? { topics: [], tags: [], authors: [] }
    const image: ArticleImage | undefined = r.image_url
      ? {
          url: r.image_url, alt: r.image_alt, caption: r.image_caption, credit: r.image_credit, width: r.image_width, height: r.image_height,
          mediaId: r.image_media_id,
          variants: parseVariants(r.image_variants).map((v) => ({ url: mediaPath(v.name), format: v.format, width: v.width, height: v.height })),
        }
      : undefined
    return {
      id: r.id, slug: r.slug, path: articlePath(r.section_slug, r.slug), headline: r.headline, standfirst: r.standfirst,
      bodyHtml: r.body_html, textStart: r.text_start, textLength: Number(r.text_length),
      section: { id: r.section_id, slug: r.section_slug, name: r.section_name },
      ...linked, image, publishedAt: new Date(r.published_at!), updatedAt: r.updated_at ? new Date(r.updated_at) : null,
      createdAt: new Date(r.created_at), modifiedAt: new Date(r.modified_at), seoTitle: r.seo_title, seoDescription: r.seo_description,
      commentsOpen: r.comments_open === 1,
    }
  })
}

/**
 * Public articles by id, in the order given; ids that are not public (any more, or yet) are left out. Shared between
 * requests: copy, never change. `withText` adds the whole plain text; `version` is the content version the caller
 * read for the same request (queryPublicArticleIds returns it), which saves reading it again.
 * @example const articles = await publicArticlesByIds(db, ids, clock.now())
 */
export async function publicArticlesByIds(
  db: Db, ids: readonly number[], now: Date, { withText = false, version: knownVersion }: { withText?: boolean; version?: number | undefined } = {},
): Promise<ApiArticle[]> {
  if (!ids.length) return []
  const version = knownVersion ?? await contentVersion(db)
  let memo = remembered.get(db)
  // Also renewed every minute, so a published time reached since (an import dated ahead) is seen.
  if (!memo || memo.version !== version || Date.now() - memo.at > 60_000) remembered.set(db, (memo = { version, at: Date.now(), articles: new Map() }))
  const known = memo.articles
  const missing = [...new Set(ids)].filter((id) => !known.has(id))
  if (missing.length) {
    if (known.size + missing.length > rememberedMax) known.clear()
    for (const a of await loadArticles(db, missing)) known.set(a.id, a)
  }
  const until = now.getTime()
  const found = ids.flatMap((id) => {
    const a = known.get(id)
    return a && a.publishedAt.getTime() <= until ? [a] : []
  })
  if (!withText || !found.length) return found
  const texts = new Map((await inBatches(found.map((a) => a.id), (batch) => textRows(db, ...batch))).map((r) => [r.id, r.body_text]))
  return found.map((a) => ({ ...a, bodyText: texts.get(a.id) ?? '' }))
}

export type TermKind = 'section' | 'topic' | 'tag' | 'author'

/** A section, topic, tag or author with how many public articles it files. */
export interface PublicTerm {
  kind: TermKind
  id: number
  slug: string
  name: string
  description: string
  publicCount: number
}

async function publicCounts(db: Db, kind: TermKind, until: string): Promise<Map<number, number>> {
  const published = (eb: ExpressionBuilder<Database, 'article'>) =>
    eb.and([eb('article.status', '=', 'published'), eb('article.published_at', '<=', until)])
  const rows = await (() => {
    switch (kind) {
      case 'section': return db.selectFrom('article').where(published).select((eb) => ['article.section_id as id', eb.fn.countAll<number>().as('n')]).groupBy('article.section_id').execute()
      case 'topic': return db.selectFrom('article_topic').innerJoin('article', 'article.id', 'article_topic.article_id').where(published)
        .select((eb) => ['article_topic.topic_id as id', eb.fn.countAll<number>().as('n')]).groupBy('article_topic.topic_id').execute()
      case 'tag': return db.selectFrom('article_tag').innerJoin('article', 'article.id', 'article_tag.article_id').where(published)
        .select((eb) => ['article_tag.tag_id as id', eb.fn.countAll<number>().as('n')]).groupBy('article_tag.tag_id').execute()
      case 'author': return db.selectFrom('article_author').innerJoin('article', 'article.id', 'article_author.article_id').where(published)
        .select((eb) => ['article_author.author_id as id', eb.fn.countAll<number>().as('n')]).groupBy('article_author.author_id').execute()
    }
  })()
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]))
}

async function termRows(db: Db, kind: TermKind): Promise<{ id: number; slug: string; name: string; description: string }[]> {
  switch (kind) {
    case 'section': return db.selectFrom('section').select(['id', 'slug', 'name', 'description']).orderBy('position').orderBy('name').execute()
    case 'topic': return db.selectFrom('topic').select(['id', 'slug', 'name', 'description']).orderBy('name').execute()
    case 'tag': return (await db.selectFrom('tag').select(['id', 'slug', 'name']).orderBy('name').execute()).map((r) => ({ ...r, description: '' }))
    case 'author': return db.selectFrom('author').select(['id', 'slug', 'name', 'bio as description']).orderBy('name').execute()
  }
}

// Names change rarely and counting articles per name reads every link row: remembered until content changes.
const terms = contentMemo<string, PublicTerm[]>({ maxEntries: 8, maxAgeMs: 60_000 })

/**
 * Every section, topic, tag or author, with its count of public articles; shared between requests, copy before changing.
 * @example const authors = await listPublicTerms(db, 'author', clock.now())
 */
export async function listPublicTerms(db: Db, kind: TermKind, now: Date): Promise<PublicTerm[]> {
  const list = await terms(db, kind, async () => {
    const [rows, counts] = await Promise.all([termRows(db, kind), publicCounts(db, kind, now.toISOString())])
    return rows.map((r) => ({ kind, ...r, publicCount: counts.get(r.id) ?? 0 }))
  })
  return list ?? []
}
