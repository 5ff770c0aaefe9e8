// A reader's comment from the form to the database: rate limits, the moderation steps, storing, announcing, mail.
import { createHmac } from 'node:crypto'
import type { Deps } from '../platform/deps.js'
import { DomainError, notFound, type ErrorCode, type FieldIssue } from '../platform/errors.js'
import { findArticleById } from '../content/index.js'
import { commentCacheTags, toPublicComment, type PublicComment } from './comment.js'
import { checkCommentFields, renderCommentBody } from './comment-text.js'
import { checkFormToken } from './form-token.js'
import { moderate, type RefusalReason, type Submission } from './moderation-steps.js'
import { loadCommentSettings } from './settings.js'
import type { RateLimiter } from './rate-limit.js'
import { addCommentEvent, commenterHistory, findCommentRow, recountArticle } from './comment.store.js'
import { ensureAddress, notifyModeratorsOfHeld, notifyReply, sendConfirmation, type Mailer } from './notifications.js'
import { listTagsOf } from './cache-tags.js'

export type CommentDeps = Pick<Deps, 'db' | 'clock' | 'events' | 'secret' | 'config' | 'log'> & {
  limiter: RateLimiter
  mail?: Mailer | undefined
}

export interface CommentInput {
  articleId: number
  parentId?: number | undefined
  name?: unknown
  email?: unknown
  website?: unknown
  body?: unknown
  /** The hidden field people never see. */
  honeypot?: unknown
  formToken?: unknown
  /** Ask to hear of replies (only after confirming the address). */
  notify?: boolean
  ip: string
}

/** A refusal the commenter is told about; the form is shown again with their text. */
export class CommentRefused extends DomainError {
  constructor(readonly reason: RefusalReason | 'rate-limited' | 'parent', code: ErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(code, message, issues)
  }
}

const refusalCodes: Record<RefusalReason, ErrorCode> = {
  closed: 'FORBIDDEN', honeypot: 'VALIDATION', forged: 'CSRF', expired: 'VALIDATION', 'too-fast': 'VALIDATION',
  duplicate: 'CONFLICT', invalid: 'VALIDATION',
}

/** Keyed hashes: stable for lookups, useless to anyone without the site's secret (a plain hash of an email is reversible). */
export const emailHashOf = (secret: string, email: string) => createHmac('sha256', secret).update(`email:${email.toLowerCase()}`).digest('hex')
export const ipHashOf = (secret: string, ip: string) => createHmac('sha256', secret).update(`ip:${ip}`).digest('hex').slice(0, 32)

export interface Submitted {
  comment: PublicComment
  status: 'approved' | 'pending' | 'spam'
  /** Top-level comment of its thread, for finding the page it is on. */
  threadId: number
}

export async function submitComment(deps: CommentDeps, input: CommentInput): Promise<Submitted> {
  const { db, clock, secret } = deps
  const now = clock.now()
  const settings = await loadCommentSettings(db)
  const ipHash = ipHashOf(secret, input.ip)
  if (!(await deps.limiter.hit(`ip:${ipHash}`, settings.perIpPerMinute, 60_000))) {
    throw new CommentRefused('rate-limited', 'RATE_LIMITED', 'You are sending comments too quickly: please wait a minute and try again.')
  }
  const article = await findArticleById(db, input.articleId)
  const visible = article && article.status === 'published' && (!article.publishedAt || article.publishedAt <= now)
  if (!article || !visible) throw notFound('Article')

  const { fields, issues } = checkCommentFields({ name: input.name, email: input.email, website: input.website, body: input.body })
  let parent: Awaited<ReturnType<typeof findCommentRow>>
  if (input.parentId !== undefined) {
    parent = await findCommentRow(db, input.parentId)
    if (!parent || parent.article_id !== article.id || parent.status !== 'approved') {
      throw new CommentRefused('parent', 'VALIDATION', 'The comment you are replying to is not on this article.', [{ field: 'parent', message: 'The comment you are replying to is not on this article.' }])
    }
  }
  const emailOk = fields.email !== '' && !issues.some((i) => i.field === 'email')
  const emailHash = emailOk ? emailHashOf(secret, fields.email) : ''
  if (emailOk && !(await deps.limiter.hit(`email:${emailHash}`, settings.perEmailPerMinute, 60_000))) {
    throw new CommentRefused('rate-limited', 'RATE_LIMITED', 'You are sending comments too quickly: please wait a minute and try again.')
  }
  const token = checkFormToken(secret, input.formToken, article.id, now, { minSeconds: settings.minSeconds, maxAgeHours: settings.formMaxAgeHours })
  const history = emailOk && issues.length === 0
    ? await commenterHistory(db, emailHash, fields.body, new Date(now.getTime() - 86_400_000))
    : { approved: 0, total: 0, duplicateOfRecent: false }
  const submission: Submission = {
    fields, issues, honeypot: typeof input.honeypot === 'string' ? input.honeypot : '', formToken: token.state,
    article: { commentsOpen: article.commentsOpen, publishedAt: article.publishedAt }, now, settings, history,
  }
  const verdict = moderate(submission)
  if (verdict.decision === 'refuse') {
    throw new CommentRefused(verdict.reason, refusalCodes[verdict.reason], verdict.message, verdict.reason === 'invalid' ? issues : [])
  }
  const status = verdict.decision === 'approve' ? 'approved' : verdict.decision === 'spam' ? 'spam' : 'pending'

  // A reply deeper than allowed joins its parent's level instead of nesting further.
  let parentId = parent?.id ?? null
  let depth = parent ? parent.depth + 1 : 0
  if (parent && depth >= settings.maxDepth) {
    parentId = parent.parent_id
    depth = parent.depth
  }
  const stamp = now.toISOString()
  const row = await db.transaction().execute(async (tx) => {
    const inserted = await tx.insertInto('comment').values({
      article_id: article.id, parent_id: parentId, thread_id: parent ? parent.thread_id : null, depth,
      author_name: fields.name, author_email: fields.email, email_hash: emailHash, author_website: fields.website,
      body: fields.body, body_html: renderCommentBody(fields.body), status, previous_status: null, reason: verdict.reason,
      ip_hash: ipHash, staff_user_id: null, notify: input.notify ? 1 : 0, created_at: stamp, updated_at: stamp,
    }).returning('id').executeTakeFirstOrThrow()
    if (!parent) await tx.updateTable('comment').set({ thread_id: inserted.id }).where('id', '=', inserted.id).execute()
    await addCommentEvent(tx, { commentId: inserted.id, action: 'submitted', actor: 'reader', detail: verdict.reason, at: now })
    if (status === 'approved') await recountArticle(tx, article.id)
    return (await findCommentRow(tx, inserted.id))!
  })
  const comment = toPublicComment(row)
  if (status === 'approved') {
    await deps.events.emit({ type: 'comment.changed', articleId: article.id, commentId: row.id, tags: commentCacheTags(article.id, listTagsOf(article)) })
    await deps.events.emit({ type: 'comment.approved', articleId: article.id, commentId: row.id, tags: [] })
    if (parentId !== null) await notifyReply(deps, parentId, comment, article)
  } else if (status === 'pending') {
    await deps.events.emit({ type: 'comment.held', articleId: article.id, commentId: row.id, tags: [] })
    await notifyModeratorsOfHeld(deps, settings.moderatorEmails, comment, article, verdict.reason)
  }
  if (input.notify && emailOk) {
    const { address, created } = await ensureAddress(db, fields.email, emailHash, now)
    if (created) await sendConfirmation(deps, fields.email, address.token)
  }
  deps.log.debug({ commentId: row.id, articleId: article.id, status, reason: verdict.reason }, 'comment received')
  return { comment, status, threadId: row.thread_id ?? row.id }
}
