// Newsroom-side article queries: the state a rule needs (owner, status), and the filtered list of every article.
import type { ArticleStatus, Db, DialectName } from '../platform/db/index.js'
import { likeOperator } from '../platform/db/index.js'
import { articlePath } from './article.js'

/** What permission and transition rules look at. */
export interface ArticleState {
  id: number
  slug: string
  headline: string
  status: ArticleStatus
  ownerId: number | null
  publishedAt: Date | null
  hasBody: boolean
  imageMediaId: number | null
}

export async function findArticleState(db: Db, id: number): Promise<ArticleState | undefined> {
  const row = await db.selectFrom('article')
    .select(['id', 'slug', 'headline', 'status', 'created_by', 'published_at', 'image_media_id', (eb) => eb('body_md', '!=', '').as('has_body')])
    .where('id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id, slug: row.slug, headline: row.headline, status: row.status, ownerId: row.created_by,
    publishedAt: row.published_at ? new Date(row.published_at) : null, hasBody: Boolean(row.has_body), imageMediaId: row.image_media_id,
  }
}

export interface EditorialFilter {
  status?: ArticleStatus | undefined
  sectionId?: number | undefined
  authorId?: number | undefined
  /** Only articles this staff member created. */
  ownerId?: number | undefined
  /** Words in the headline or slug. */
  text?: string | undefined
}

export interface EditorialListItem {
  id: number
  headline: string
  slug: string
  path: string
  status: ArticleStatus
  section: string
  authors: string[]
  ownerId: number | null
  ownerName: string | null
  publishedAt: Date | null
  modifiedAt: Date
}

// LIKE wildcards are dropped rather than escaped: SQLite has no default escape character.
const plainWord = (s: string) => s.replace(/[\\%_]/g, '')

/** Every article, drafts included, most recently changed first. */
export async function listEditorialArticles(
  db: Db, dialect: DialectName, filter: EditorialFilter, { limit, offset }: { limit: number; offset: number },
): Promise<{ items: EditorialListItem[]; total: number }> {
  let q = db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .leftJoin('staff_user', 'staff_user.id', 'article.created_by')
  if (filter.status) q = q.where('article.status', '=', filter.status)
  if (filter.sectionId !== undefined) q = q.where('article.section_id', '=', filter.sectionId)
  if (filter.ownerId !== undefined) q = q.where('article.created_by', '=', filter.ownerId)
  if (filter.authorId !== undefined) {
    const authorId = filter.authorId
    q = q.where('article.id', 'in', (s) => s.selectFrom('article_author').select('article_id').where('author_id', '=', authorId))
  }
  const words = (filter.text ?? '').trim().split(/\s+/).map(plainWord).filter(Boolean).slice(0, 8)
  const like = likeOperator(dialect)
  for (const word of words) {
    const pattern = `%${word}%`
    q = q.where((eb) => eb.or([eb('article.headline', like, pattern), eb('article.slug', like, pattern)]))
  }
  const [rows, count] = await Promise.all([
    q.select([
      'article.id', 'article.headline', 'article.slug', 'article.status', 'article.created_by', 'article.published_at',
      'article.modified_at', 'section.name as section_name', 'section.slug as section_slug', 'staff_user.name as owner_name',
    ]).orderBy('article.modified_at', 'desc').orderBy('article.id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  const ids = rows.map((r) => r.id)
  const authorRows = ids.length
    ? await db.selectFrom('article_author').innerJoin('author', 'author.id', 'article_author.author_id')
      .select(['article_author.article_id', 'author.name']).where('article_author.article_id', 'in', ids).orderBy('article_author.position').execute()
    : []
  const authors = new Map<number, string[]>()
  for (const a of authorRows) authors.set(a.article_id, [...(authors.get(a.article_id) ?? []), a.name])
  return {
    total: Number(count.n),
    items: rows.map((r) => ({
      id: r.id, headline: r.headline, slug: r.slug, path: articlePath(r.section_slug, r.slug), status: r.status,
      section: r.section_name, authors: authors.get(r.id) ?? [], ownerId: r.created_by, ownerName: r.owner_name,
      publishedAt: r.published_at ? new Date(r.published_at) : null, modifiedAt: new Date(r.modified_at),
    })),
  }
}

/** The newsroom's first screen: the drafts on someone's desk, what is scheduled, what went out last. */
export type DeskQueue = 'drafts' | 'scheduled' | 'published'

export interface DeskFilter {
  queue: DeskQueue
  /** Only articles this staff member created; everyone's when absent. */
  ownerId?: number | undefined
}

export interface DeskItem {
  id: number
  headline: string
  path: string
  section: string
  ownerName: string | null
  /** When it goes out (scheduled) or went out (published); null for a draft. */
  publishedAt: Date | null
  modifiedAt: Date
}

const deskStatus: Record<DeskQueue, ArticleStatus> = { drafts: 'draft', scheduled: 'scheduled', published: 'published' }

function deskQuery(db: Db, { queue, ownerId }: DeskFilter) {
  let q = db.selectFrom('article').where('article.status', '=', deskStatus[queue])
  if (ownerId !== undefined) q = q.where('article.created_by', '=', ownerId)
  return q
}

/**
 * A few articles of one queue, in the order the work comes: drafts last touched first, scheduled soonest first,
 * published newest first.
 */
export async function listDeskArticles(db: Db, filter: DeskFilter, limit: number): Promise<DeskItem[]> {
  let q = deskQuery(db, filter).innerJoin('section', 'section.id', 'article.section_id')
    .leftJoin('staff_user', 'staff_user.id', 'article.created_by')
    .select([
      'article.id', 'article.headline', 'article.slug', 'article.published_at', 'article.modified_at',
      'section.name as section_name', 'section.slug as section_slug', 'staff_user.name as owner_name',
    ])
  if (filter.queue === 'drafts') q = q.orderBy('article.modified_at', 'desc').orderBy('article.id', 'desc')
  else if (filter.queue === 'scheduled') q = q.orderBy('article.published_at', 'asc').orderBy('article.id', 'asc')
  else q = q.orderBy('article.published_at', 'desc').orderBy('article.id', 'desc')
  const rows = await q.limit(limit).execute()
  return rows.map((r) => ({
    id: r.id, headline: r.headline, path: articlePath(r.section_slug, r.slug), section: r.section_name, ownerName: r.owner_name,
    publishedAt: r.published_at ? new Date(r.published_at) : null, modifiedAt: new Date(r.modified_at),
  }))
}

/** How many articles one queue holds. */
export async function countDeskArticles(db: Db, filter: DeskFilter): Promise<number> {
  const row = await deskQuery(db, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
