// Comment queries; rows become PublicComment or ModeratedComment here, so no caller ever selects an email by accident.
import { precompiled, type Db, type CommentRow, type CommentStatus } from '../platform/db/index.js'
import { toPublicComment, type CommentNode, type CommentSort, type ModeratedComment, type PublicComment } from './comment.js'

const publicColumns = [
  'comment.id', 'comment.article_id', 'comment.parent_id', 'comment.depth', 'comment.author_name', 'comment.author_website',
  'comment.body_html', 'comment.staff_user_id', 'comment.status', 'comment.created_at',
] as const

export async function findCommentRow(db: Db, id: number): Promise<CommentRow | undefined> {
  return db.selectFrom('comment').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findPublicComment(db: Db, id: number): Promise<PublicComment | undefined> {
  const row = await db.selectFrom('comment').select(publicColumns).where('id', '=', id).executeTakeFirst()
  return row && toPublicComment(row)
}

/** What an address did before: approved comments, any comments, and whether this body was sent in the last day. */
export async function commenterHistory(db: Db, emailHash: string, body: string, since: Date) {
  const [approved, total, duplicate] = await Promise.all([
    db.selectFrom('comment').select('id').where('email_hash', '=', emailHash).where('status', '=', 'approved').limit(1).execute(),
    db.selectFrom('comment').select('id').where('email_hash', '=', emailHash).limit(1).execute(),
    db.selectFrom('comment').select('id').where('email_hash', '=', emailHash).where('body', '=', body)
      .where('created_at', '>=', since.toISOString()).where('status', '!=', 'trash').limit(1).execute(),
  ])
  return { approved: approved.length, total: total.length, duplicateOfRecent: duplicate.length > 0 }
}

export async function addCommentEvent(db: Db, e: { commentId: number; action: string; actor: string; detail?: string; at: Date }) {
  await db.insertInto('comment_event').values({
    comment_id: e.commentId, action: e.action, actor: e.actor, detail: e.detail ?? '', created_at: e.at.toISOString(),
  }).execute()
}

export async function listCommentEvents(db: Db, commentId: number) {
  const rows = await db.selectFrom('comment_event').select(['action', 'actor', 'detail', 'created_at'])
    .where('comment_id', '=', commentId).orderBy('id').execute()
  return rows.map((r) => ({ action: r.action, actor: r.actor, detail: r.detail, at: new Date(r.created_at) }))
}

/** Keeps article.comment_count equal to the approved comments, for the article page and every list. */
export async function recountArticle(db: Db, articleId: number): Promise<number> {
  const row = await db.selectFrom('comment').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirstOrThrow()
  const n = Number(row.n)
  await db.updateTable('article').set({ comment_count: n }).where('id', '=', articleId).execute()
  return n
}

export interface ThreadPage {
  nodes: CommentNode[]
  /** Approved top-level comments (pages are counted in these). */
  topLevel: number
  /** Every approved comment, replies included. */
  total: number
  page: number
  pages: number
}

/**
 * One page of threads: the page's top-level comments and only their replies, two indexed queries however long the
 * discussion. `own` are ids from the commenter's cookie; those still held are shown to them alone.
 */
const commentCountOf = precompiled(1, (db, id: number) => db.selectFrom('article').select('comment_count').where('id', '=', id))

export async function loadThreadPage(db: Db, articleId: number, opts: {
  sort: CommentSort; page: number; pageSize: number; own: number[]
  /** The article's approved comment count when the caller has just read it (an article page has). */
  total?: number | undefined
}): Promise<ThreadPage> {
  const top = () => db.selectFrom('comment').where('article_id', '=', articleId).where('status', '=', 'approved').where('parent_id', 'is', null)
  const total = opts.total ?? Number((await commentCountOf(db, articleId))[0]?.comment_count ?? 0)
  // Most articles have no comments: nothing more to ask.
  if (total === 0 && opts.own.length === 0) return { nodes: [], topLevel: 0, total: 0, page: 1, pages: 1 }
  const countRow = await top().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const topLevel = Number(countRow.n)
  const pages = Math.max(1, Math.ceil(topLevel / opts.pageSize))
  const page = Math.min(Math.max(1, opts.page), pages)
  const roots = await top().select(publicColumns).orderBy('id', opts.sort === 'newest' ? 'desc' : 'asc')
    .limit(opts.pageSize).offset((page - 1) * opts.pageSize).execute()
  const rootIds = roots.map((r) => r.id)
  // Filtered by thread alone so the planner takes the thread index (a status condition tempts SQLite into scanning
  // every approved comment); held ones are dropped here.
  const replies = rootIds.length
    ? (await db.selectFrom('comment').select(publicColumns).where('thread_id', 'in', rootIds).where('parent_id', 'is not', null)
      .orderBy('id').execute()).filter((r) => r.status === 'approved')
    : []
  // The commenter's own held comments: replies under their parent, new threads where a new comment lands.
  const ownRows = opts.own.length
    ? await db.selectFrom('comment').select([...publicColumns, 'comment.thread_id']).where('id', 'in', opts.own.slice(-20))
      .where('article_id', '=', articleId).where('status', 'in', ['pending', 'spam']).orderBy('id').execute()
    : []
  const landsHere = opts.sort === 'newest' ? page === 1 : page === pages
  const ownRoots = ownRows.filter((r) => r.parent_id === null && landsHere)
  const ownReplies = ownRows.filter((r) => r.parent_id !== null && r.thread_id !== null && rootIds.includes(r.thread_id))

  const nodes = new Map<number, CommentNode>()
  const make = (row: Parameters<typeof toPublicComment>[0]) => {
    const node: CommentNode = { comment: toPublicComment(row), replies: [] }
    nodes.set(row.id, node)
    return node
  }
  const rootNodes = roots.map(make)
  const ownRootNodes = ownRoots.map(make)
  if (opts.sort === 'newest') rootNodes.unshift(...ownRootNodes.reverse())
  else rootNodes.push(...ownRootNodes)
  for (const row of [...replies, ...ownReplies].sort((a, b) => a.id - b.id)) {
    const parent = row.parent_id !== null ? nodes.get(row.parent_id) : undefined
    if (parent) parent.replies.push(make(row))
  }
  return { nodes: rootNodes, topLevel, total, page, pages }
}

/** Which page (oldest first) shows this top-level comment. */
export async function pageOfTopLevel(db: Db, articleId: number, threadId: number, pageSize: number): Promise<number> {
  const row = await db.selectFrom('comment').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('article_id', '=', articleId).where('status', '=', 'approved').where('parent_id', 'is', null)
    .where('id', '<', threadId).executeTakeFirstOrThrow()
  return Math.floor(Number(row.n) / pageSize) + 1
}

export interface QueueFilter {
  status: CommentStatus
  articleId?: number | undefined
  limit: number
  offset: number
}

const moderatedColumns = [
  ...publicColumns, 'comment.author_email', 'comment.body', 'comment.reason', 'comment.updated_at',
  'article.headline as article_headline', 'article.slug as article_slug', 'section.slug as section_slug',
] as const

type ModeratedRow = CommentRow & { article_headline: string; article_slug: string; section_slug: string }

function toModerated(row: ModeratedRow): ModeratedComment {
  const pub = toPublicComment(row)
  const { awaitingModeration: _, ...rest } = pub
  return {
    ...rest,
    authorEmail: row.author_email,
    body: row.body,
    status: row.status,
    reason: row.reason,
    updatedAt: new Date(row.updated_at),
    article: { id: row.article_id, headline: row.article_headline, path: `/${row.section_slug}/${row.article_slug}/` },
  }
}

function moderatedQuery(db: Db) {
  return db.selectFrom('comment').innerJoin('article', 'article.id', 'comment.article_id')
    .innerJoin('section', 'section.id', 'article.section_id').select(moderatedColumns)
}

/** The moderation queue: newest first for pending work, with the article each comment belongs to. */
export async function listQueue(db: Db, f: QueueFilter): Promise<ModeratedComment[]> {
  let q = moderatedQuery(db).where('comment.status', '=', f.status)
  if (f.articleId !== undefined) q = q.where('comment.article_id', '=', f.articleId)
  const rows = await q.orderBy('comment.id', 'desc').limit(f.limit).offset(f.offset).execute()
  return rows.map((r) => toModerated(r as unknown as ModeratedRow))
}

export async function findModeratedComment(db: Db, id: number): Promise<ModeratedComment | undefined> {
  const row = await moderatedQuery(db).where('comment.id', '=', id).executeTakeFirst()
  return row && toModerated(row as unknown as ModeratedRow)
}

export async function countByStatus(db: Db): Promise<Record<CommentStatus, number>> {
  const rows = await db.selectFrom('comment').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  const out: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 }
  for (const r of rows) out[r.status] = Number(r.n)
  return out
}

/** How many comments have this status; the dashboard asks only for 'pending', which the (status, id) index answers. */
export async function countWithStatus(db: Db, status: CommentStatus): Promise<number> {
  const row = await db.selectFrom('comment').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', status).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A held comment as a moderator's glance shows it: who, a line of what, where; no email. */
export interface AwaitingComment {
  id: number
  authorName: string
  /** The start of the comment on one line. */
  excerpt: string
  createdAt: Date
  article: { id: number; headline: string }
}

const excerptLength = 140

/** The newest comments waiting for a moderator. */
export async function listAwaitingModeration(db: Db, limit: number): Promise<AwaitingComment[]> {
  const rows = await db.selectFrom('comment').innerJoin('article', 'article.id', 'comment.article_id')
    .select(['comment.id', 'comment.author_name', 'comment.body', 'comment.created_at', 'article.id as article_id', 'article.headline'])
    .where('comment.status', '=', 'pending').orderBy('comment.id', 'desc').limit(limit).execute()
  return rows.map((r) => {
    const line = r.body.replace(/\s+/g, ' ').trim()
    const chars = [...line]
    return {
      id: r.id, authorName: r.author_name, createdAt: new Date(r.created_at), article: { id: r.article_id, headline: r.headline },
      excerpt: chars.length > excerptLength ? `${chars.slice(0, excerptLength - 1).join('').trimEnd()}…` : line,
    }
  })
}

/** Every comment an address wrote, for export; only the newsroom and the CLI call this. */
export async function commentsByEmailHash(db: Db, emailHash: string) {
  return db.selectFrom('comment').innerJoin('article', 'article.id', 'comment.article_id')
    .innerJoin('section', 'section.id', 'article.section_id')
    .select(['comment.id', 'comment.article_id', 'comment.parent_id', 'comment.author_name', 'comment.author_email', 'comment.author_website',
      'comment.body', 'comment.status', 'comment.created_at', 'comment.updated_at', 'article.headline', 'article.slug', 'section.slug as section_slug'])
    .where('comment.email_hash', '=', emailHash).orderBy('comment.id').execute()
}

/** Ids of comments with at least one reply, among these. */
export async function idsWithReplies(db: Db, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set()
  const rows = await db.selectFrom('comment').select('parent_id').where('parent_id', 'in', ids).groupBy('parent_id').execute()
  return new Set(rows.map((r) => r.parent_id!))
}

/** Recent approved comments for the comment feeds, newest first. */
export async function listRecentApproved(db: Db, opts: { articleId?: number | undefined; limit: number }) {
  let q = db.selectFrom('comment').innerJoin('article', 'article.id', 'comment.article_id')
    .innerJoin('section', 'section.id', 'article.section_id')
    .select([...publicColumns, 'article.headline as article_headline', 'article.slug as article_slug', 'section.slug as section_slug'])
    .where('comment.status', '=', 'approved').where('article.status', '=', 'published')
  if (opts.articleId !== undefined) q = q.where('comment.article_id', '=', opts.articleId)
  const rows = await q.orderBy('comment.id', 'desc').limit(opts.limit).execute()
  return rows.map((r) => ({ comment: toPublicComment(r), article: { id: r.article_id, headline: r.article_headline, path: `/${r.section_slug}/${r.article_slug}/` } }))
}


/** The little an article's comment block needs to know about the article. */
export async function articleForComments(db: Db, articleId: number) {
  const row = await db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .select(['article.id', 'article.headline', 'article.slug', 'article.status', 'article.published_at', 'article.comments_open', 'section.slug as section_slug'])
    .where('article.id', '=', articleId).executeTakeFirst()
  if (!row) return undefined
  return {
    id: row.id, headline: row.headline, path: `/${row.section_slug}/${row.slug}/`, status: row.status,
    publishedAt: row.published_at ? new Date(row.published_at) : null, commentsOpen: row.comments_open === 1,
  }
}

/** Which of these comments still await a moderator (the rest no longer need the commenter's cookie). */
export async function stillHeld(db: Db, ids: number[]): Promise<number[]> {
  if (!ids.length) return []
  const rows = await db.selectFrom('comment').select('id').where('id', 'in', ids.slice(-20)).where('status', 'in', ['pending', 'spam']).orderBy('id').execute()
  return rows.map((r) => r.id)
}

/**
 * An article's approved comments, oldest first, flat (each names its parent and depth), a keyset page after `afterId`:
 * what a program reading the discussion needs, paged so a new comment never shifts the pages already read.
 */
export async function listApprovedComments(db: Db, articleId: number, { afterId = 0, limit }: { afterId?: number; limit: number }): Promise<PublicComment[]> {
  const rows = await db.selectFrom('comment').select(publicColumns).where('article_id', '=', articleId).where('status', '=', 'approved')
    .where('id', '>', afterId).orderBy('id').limit(limit).execute()
  return rows.map(toPublicComment)
}
