// Moving an article through its states (publish, schedule, unschedule, unpublish), corrections, deletion, and the scheduled-publish job.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { DomainError, validationError } from '../platform/errors.js'
import { cancelJob, enqueueJob, type JobRunner } from '../platform/jobs/index.js'
import { recordAudit } from '../identity/index.js'
import { nextStatuses, type ArticleStatus } from './article.js'
import { auditActor, createDraft, getArticleState, requireRight, saveDraft, type Actor, type EditorInput, type SaveResult } from './edit-article.js'
import type { ArticleState } from './editorial.store.js'

type PublishDeps = Pick<Deps, 'db' | 'clock' | 'events'>

export const publishJobKind = 'publish-article'
export const publishJobKey = (articleId: number) => `${publishJobKind}:${articleId}`

const statusWords: Record<ArticleStatus, string> = { draft: 'a draft', scheduled: 'scheduled', published: 'published', unpublished: 'unpublished' }

function requireTransition(state: ArticleState, to: ArticleStatus): void {
  if (!nextStatuses[state.status].includes(to)) {
    throw new DomainError('INVALID_TRANSITION', `An article that is ${statusWords[state.status]} cannot become ${statusWords[to]}`)
  }
}

function requireBody(state: ArticleState): void {
  if (!state.hasBody) throw validationError([{ field: 'body', message: 'body is required before the article can go out' }])
}

async function setStatus(db: Db, id: number, values: { status: ArticleStatus; published_at?: string | null }, at: Date): Promise<void> {
  await db.updateTable('article').set({ ...values, modified_at: at.toISOString() }).where('id', '=', id).execute()
}

/**
 * Makes an article public now; a scheduled one goes out early and its job is withdrawn.
 * @example await publishArticle(deps, staff, 12)
 */
export async function publishArticle(deps: PublishDeps, actor: Actor, id: number): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'publish', state)
  requireTransition(state, 'published')
  requireBody(state)
  const now = deps.clock.now()
  // A withdrawn article coming back keeps its first publication time; anything not yet out is published now.
  const keepTime = state.status === 'unpublished' && state.publishedAt && state.publishedAt <= now
  await deps.db.transaction().execute(async (trx) => {
    await setStatus(trx, id, { status: 'published', published_at: keepTime ? state.publishedAt!.toISOString() : now.toISOString() }, now)
    await cancelJob(trx, publishJobKey(id))
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: 'article.published', subject: `article:${id}`, detail: state.headline })
  })
  await deps.events.emit({ type: 'article.published', articleId: id, tags: ['site'] })
}

/** How far ahead an article may be scheduled. */
const maxScheduleMs = 2 * 365 * 86_400_000

/**
 * Schedules a draft (or moves a scheduled article's time): a durable job publishes it when the time comes.
 * @example await scheduleArticle(deps, staff, 12, new Date('2026-11-26T06:00:00Z'))
 */
export async function scheduleArticle(deps: PublishDeps, actor: Actor, id: number, at: Date): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'publish', state)
  if (state.status !== 'scheduled') requireTransition(state, 'scheduled')
  requireBody(state)
  const now = deps.clock.now()
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw validationError([{ field: 'publish_at', message: 'Choose a date and time to publish at' }])
  if (at.getTime() <= now.getTime()) throw validationError([{ field: 'publish_at', message: 'Choose a time in the future, or publish now' }])
  if (at.getTime() - now.getTime() > maxScheduleMs) throw validationError([{ field: 'publish_at', message: 'Choose a time within the next two years' }])
  await deps.db.transaction().execute(async (trx) => {
    await setStatus(trx, id, { status: 'scheduled', published_at: at.toISOString() }, now)
    await enqueueJob(trx, { kind: publishJobKind, payload: { articleId: id }, runAt: at, key: publishJobKey(id) }, now)
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: 'article.scheduled', subject: `article:${id}`, detail: `${state.headline} — for ${at.toISOString()}` })
  })
}

/** Takes a scheduled article back to draft and withdraws its job. */
export async function unscheduleArticle(deps: PublishDeps, actor: Actor, id: number): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'publish', state)
  requireTransition(state, 'draft')
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await setStatus(trx, id, { status: 'draft', ...(state.status === 'scheduled' ? { published_at: null } : {}) }, now)
    await cancelJob(trx, publishJobKey(id))
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: 'article.to-draft', subject: `article:${id}`, detail: state.headline })
  })
}

/** Withdraws a published article: its page answers 410 and it leaves every list, feed and sitemap. */
export async function unpublishArticle(deps: PublishDeps, actor: Actor, id: number): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'unpublish', state)
  requireTransition(state, 'unpublished')
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await setStatus(trx, id, { status: 'unpublished' }, now)
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: 'article.unpublished', subject: `article:${id}`, detail: state.headline })
  })
  await deps.events.emit({ type: 'article.unpublished', articleId: id, tags: ['site'] })
}

export const correctionLimits = { text: 1000 } as const

/**
 * Appends a correction or update note to a published article. Corrections are append-only: readers must see
 * what changed and when. The article's updated time (dateModified) moves to now.
 */
export async function appendCorrection(
  deps: PublishDeps, actor: Actor, id: number, note: { kind: string; text: string },
): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'correct', state)
  if (state.status !== 'published') throw new DomainError('INVALID_TRANSITION', 'Corrections and updates are added to published articles')
  const kind = note.kind === 'update' ? 'update' : note.kind === 'correction' ? 'correction' : undefined
  const text = typeof note.text === 'string' ? note.text.replace(/\r\n?/g, '\n').trim() : ''
  const issues = []
  if (!kind) issues.push({ field: 'kind', message: 'Choose correction or update' })
  if (!text) issues.push({ field: 'text', message: 'The note needs some text' })
  if (text.length > correctionLimits.text) issues.push({ field: 'text', message: `The note must be at most ${correctionLimits.text} characters` })
  if (text.includes('\u0000')) issues.push({ field: 'text', message: 'The note contains a null character' })
  if (issues.length || !kind) throw validationError(issues)
  const now = deps.clock.now()
  const at = now.toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('correction').values({ article_id: id, kind, text, created_at: at }).execute()
    await trx.updateTable('article').set({ updated_at: at, modified_at: at }).where('id', '=', id).execute()
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: `article.${kind}`, subject: `article:${id}`, detail: text.slice(0, 200) })
  })
  await deps.events.emit({ type: 'article.updated', articleId: id, tags: [`article:${id}`, 'site'] })
}

/** Deletes an article with its revisions, links and comments; the audit log keeps its headline. */
export async function deleteArticle(deps: PublishDeps, actor: Actor, id: number): Promise<void> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'delete', state)
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    await cancelJob(trx, publishJobKey(id))
    await trx.deleteFrom('article').where('id', '=', id).execute()
    await recordAudit(trx, { at: now, actor: auditActor(actor), action: 'article.deleted', subject: `article:${id}`, detail: `${state.headline} (${state.status})` })
  })
  await deps.events.emit({ type: 'article.deleted', articleId: id, tags: ['site'] })
}

/**
 * The scheduled-publish job: publishes the article if it is still scheduled and its time has come. A job left
 * over from an earlier time (rescheduled, unscheduled, published by hand) does nothing.
 */
export async function publishScheduledArticle(deps: PublishDeps, articleId: number): Promise<boolean> {
  const now = deps.clock.now()
  const published = await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('article').select(['status', 'published_at', 'headline']).where('id', '=', articleId).executeTakeFirst()
    if (!row || row.status !== 'scheduled' || !row.published_at || row.published_at > now.toISOString()) return false
    const result = await trx.updateTable('article').set({ status: 'published', modified_at: now.toISOString() })
      .where('id', '=', articleId).where('status', '=', 'scheduled').executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) return false
    await recordAudit(trx, { at: now, actor: null, action: 'article.published', subject: `article:${articleId}`, detail: `${row.headline} (scheduled)` })
    return true
  })
  if (published) await deps.events.emit({ type: 'article.published', articleId, tags: ['site'] })
  return published
}

/** Registers the content capability's job handlers on the process's runner. */
export function registerContentJobs(runner: Pick<JobRunner, 'register'>, deps: PublishDeps): void {
  runner.register(publishJobKind, async (payload) => {
    const articleId = (payload as { articleId?: unknown } | null)?.articleId
    if (typeof articleId !== 'number') throw new Error('publish-article job without an article id')
    await publishScheduledArticle(deps, articleId)
  })
}

/** What the editor's buttons ask for besides saving the fields. */
export type EditorAction = 'save' | 'publish' | 'schedule' | 'unschedule' | 'unpublish'

/**
 * One press of an editor button: the right to do it is checked first (so a refused Publish saves nothing),
 * then the fields are saved as a revision, then the article moves to its new state.
 * @example await submitEditor(deps, staff, 12, input, { action: 'schedule', publishAt: new Date('2026-11-26T06:00:00Z') })
 */
export async function submitEditor(
  deps: PublishDeps, actor: Actor, id: number | undefined, input: EditorInput, { action, publishAt }: { action: EditorAction; publishAt?: Date | undefined },
): Promise<SaveResult> {
  const right = action === 'unpublish' ? 'unpublish' : action === 'save' ? 'edit' : 'publish'
  const before = id === undefined ? { ownerId: actor.id, status: 'draft' as const } : await getArticleState(deps.db, id)
  requireRight(actor, right, before)
  // Checked before saving too, so a refused first Publish does not leave an extra draft behind.
  if ((action === 'publish' || action === 'schedule') && !input.body.trim()) {
    throw validationError([{ field: 'body', message: 'body is required before the article can go out' }])
  }
  if (action === 'schedule') {
    if (!publishAt || Number.isNaN(publishAt.getTime())) throw validationError([{ field: 'publish_at', message: 'Choose a date and time to publish at' }])
    if (publishAt.getTime() <= deps.clock.now().getTime()) throw validationError([{ field: 'publish_at', message: 'Choose a time in the future, or publish now' }])
  }
  const saved = id === undefined ? await createDraft(deps, actor, input) : await saveDraft(deps, actor, id, input)
  if (action === 'publish') await publishArticle(deps, actor, saved.id)
  if (action === 'schedule') await scheduleArticle(deps, actor, saved.id, publishAt!)
  if (action === 'unschedule') await unscheduleArticle(deps, actor, saved.id)
  if (action === 'unpublish') await unpublishArticle(deps, actor, saved.id)
  const after = await getArticleState(deps.db, saved.id)
  return { ...saved, status: after.status }
}
