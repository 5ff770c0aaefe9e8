// What moderators do to comments (approve, spam, trash, restore, edit, reply as staff), each recorded in the history.
import { DomainError, notFound, validationError } from '../platform/errors.js'
import type { CommentStatus } from '../platform/db/index.js'
import { findArticleById } from '../content/index.js'
import { commentCacheTags, moderationActions, toPublicComment, type ModerationAction, type PublicComment } from './comment.js'
import { checkCommentFields, renderCommentBody } from './comment-text.js'
import { addCommentEvent, findCommentRow, recountArticle } from './comment.store.js'
import { notifyReply } from './notifications.js'
import { loadCommentSettings } from './settings.js'
import { listTagsOf } from './cache-tags.js'
import type { CommentDeps } from './submit-comment.js'

export type ModerationDeps = Omit<CommentDeps, 'limiter'>

/** Who acted, as the history shows it: "editor:3 Maria Editor", "cli", … */
export type Actor = string

export interface ModerationResult {
  changed: number[]
  /** Ids that could not take this action from their current state, or do not exist. */
  skipped: { id: number; why: string }[]
}

function targetStatus(action: ModerationAction, previous: CommentStatus | null): CommentStatus {
  switch (action) {
    case 'approve': return 'approved'
    case 'spam': return 'spam'
    case 'trash': return 'trash'
    case 'unapprove': return 'pending'
    case 'restore': return previous && previous !== 'spam' && previous !== 'trash' ? previous : 'pending'
  }
}

/** Purges what shows an article's comments, here and in every other process, after a change to approved ones. */
async function announce(deps: ModerationDeps, articleId: number, commentId: number) {
  const article = await findArticleById(deps.db, articleId)
  await deps.events.emit({ type: 'comment.changed', articleId, commentId, tags: commentCacheTags(articleId, article ? listTagsOf(article) : ['home']) })
}

/**
 * Applies one action to many comments (bulk moderation); each change is recorded and each affected article recounted once.
 * @example await moderateComments(deps, [12, 13], 'approve', 'cli')
 */
export async function moderateComments(deps: ModerationDeps, ids: readonly number[], action: ModerationAction, actor: Actor): Promise<ModerationResult> {
  if (!(action in moderationActions)) throw new DomainError('VALIDATION', `Unknown action "${action}"`)
  const now = deps.clock.now()
  const changed: number[] = []
  const skipped: ModerationResult['skipped'] = []
  const touched = new Map<number, number>()
  const newlyApprovedReplies: { id: number; parentId: number; articleId: number }[] = []
  const moved: { type: 'comment.approved' | 'comment.held'; articleId: number; commentId: number }[] = []
  for (const id of [...new Set(ids)]) {
    const row = await findCommentRow(deps.db, id)
    if (!row) { skipped.push({ id, why: 'no such comment' }); continue }
    const allowed = moderationActions[action] as readonly CommentStatus[]
    if (!allowed.includes(row.status)) { skipped.push({ id, why: `cannot ${action} a comment that is ${row.status}` }); continue }
    const next = targetStatus(action, row.previous_status)
    await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('comment').set({
        status: next, previous_status: row.status, updated_at: now.toISOString(),
      }).where('id', '=', id).execute()
      await addCommentEvent(tx, { commentId: id, action, actor, detail: `${row.status} → ${next}`, at: now })
    })
    changed.push(id)
    if (row.status === 'approved' || next === 'approved') touched.set(row.article_id, id)
    if (next === 'approved' && row.parent_id !== null) newlyApprovedReplies.push({ id, parentId: row.parent_id, articleId: row.article_id })
    if (next === 'approved' || next === 'pending') moved.push({ type: next === 'approved' ? 'comment.approved' : 'comment.held', articleId: row.article_id, commentId: id })
  }
  for (const [articleId, commentId] of touched) {
    await recountArticle(deps.db, articleId)
    await announce(deps, articleId, commentId)
  }
  for (const m of moved) await deps.events.emit({ ...m, tags: [] })
  for (const reply of newlyApprovedReplies) {
    const [row, article] = await Promise.all([findCommentRow(deps.db, reply.id), findArticleById(deps.db, reply.articleId)])
    if (row && article) await notifyReply(deps, reply.parentId, toPublicComment(row), article)
  }
  return { changed, skipped }
}

/** A moderator's edit of a comment's text, name or website; the old text stays in the history. */
export async function editComment(deps: ModerationDeps, id: number, input: { name?: unknown; website?: unknown; body?: unknown }, actor: Actor): Promise<PublicComment> {
  const row = await findCommentRow(deps.db, id)
  if (!row) throw notFound('Comment')
  const { fields, issues } = checkCommentFields({
    name: input.name ?? row.author_name, email: row.author_email ?? 'staff@example.com', website: input.website ?? row.author_website, body: input.body ?? row.body,
  })
  if (issues.length) throw validationError(issues)
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('comment').set({
      author_name: fields.name, author_website: fields.website, body: fields.body, body_html: renderCommentBody(fields.body), updated_at: now.toISOString(),
    }).where('id', '=', id).execute()
    await addCommentEvent(tx, { commentId: id, action: 'edit', actor, detail: row.body === fields.body ? 'name or website' : `was: ${row.body.slice(0, 1000)}`, at: now })
  })
  if (row.status === 'approved') await announce(deps, row.article_id, id)
  return toPublicComment((await findCommentRow(deps.db, id))!)
}

/** A reply from the newsroom: approved at once, shown with a staff badge, no email stored. */
export async function replyAsStaff(deps: ModerationDeps, parentId: number, input: { body?: unknown }, staff: { id: number; name: string }, actor: Actor): Promise<PublicComment> {
  const parent = await findCommentRow(deps.db, parentId)
  if (!parent) throw notFound('Comment')
  const { fields, issues } = checkCommentFields({ name: staff.name, email: 'staff@example.com', body: input.body })
  if (issues.length) throw validationError(issues)
  const settings = await loadCommentSettings(deps.db)
  let depth = parent.depth + 1
  let replyTo: number | null = parent.id
  if (depth >= settings.maxDepth) { replyTo = parent.parent_id; depth = parent.depth }
  const now = deps.clock.now()
  const stamp = now.toISOString()
  const id = await deps.db.transaction().execute(async (tx) => {
    const inserted = await tx.insertInto('comment').values({
      article_id: parent.article_id, parent_id: replyTo, thread_id: parent.thread_id, depth, author_name: fields.name,
      author_email: null, email_hash: null, author_website: '', body: fields.body, body_html: renderCommentBody(fields.body),
      status: 'approved', previous_status: null, reason: 'staff', ip_hash: '', staff_user_id: staff.id, notify: 0, created_at: stamp, updated_at: stamp,
    }).returning('id').executeTakeFirstOrThrow()
    await addCommentEvent(tx, { commentId: inserted.id, action: 'staff-reply', actor, detail: `reply to #${parent.id}`, at: now })
    await recountArticle(tx, parent.article_id)
    return inserted.id
  })
  // Answering a held comment approves it too: a staff reply under a hidden comment would be orphaned.
  if (parent.status !== 'approved') await moderateComments(deps, [parent.id], 'approve', actor)
  await announce(deps, parent.article_id, id)
  await deps.events.emit({ type: 'comment.approved', articleId: parent.article_id, commentId: id, tags: [] })
  const reply = toPublicComment((await findCommentRow(deps.db, id))!)
  const article = await findArticleById(deps.db, parent.article_id)
  if (article && replyTo !== null) await notifyReply(deps, replyTo, reply, article)
  return reply
}
