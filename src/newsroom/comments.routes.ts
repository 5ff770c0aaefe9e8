// Moderating comments (editors and up): the queue, bulk and single actions, edits, staff replies, commenter data requests.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError, notFound } from '../platform/errors.js'
import { pageNumber, wantsJson } from '../platform/http/index.js'
import {
  commentStatuses, countByStatus, editComment, eraseCommenter, exportCommenterData, findModeratedComment, listCommentEvents,
  listQueue, moderateComments, moderationActions, replyAsStaff, type CommentStatus, type ModerationAction,
} from '../comments/index.js'
import { currentStaff } from './session.js'
import type { Newsroom } from './newsroom.js'
import { CommentDetailPage, CommentQueuePage, CommenterDataPage, type CommentDetailView } from './comments.page.js'

const perPage = 50
const idParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 } }, required: ['id'] } as const
const form = (properties: Record<string, object>) => ({ type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, ...properties } }) as const
const text = (max: number) => ({ type: 'string', maxLength: max })

const verbs: Record<ModerationAction, string> = { approve: 'approved', spam: 'marked as spam', trash: 'moved to trash', restore: 'restored', unapprove: 'unapproved' }

export async function commentRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const editor = { access: 'editor' } as const
  const actorOf = (req: FastifyRequest) => {
    const staff = currentStaff(req)
    return `${staff.role}:${staff.id} ${staff.name}`
  }

  app.get('/comments', {
    config: editor,
    schema: { querystring: { type: 'object', properties: { status: text(20), page: text(6), done: text(200) } } },
  }, async (req, reply) => {
    const q = req.query as { status?: string; page?: string; done?: string }
    const status = (commentStatuses as readonly string[]).includes(q.status ?? '') ? q.status as CommentStatus : 'pending'
    const counts = await countByStatus(deps.db)
    const pages = Math.max(1, Math.ceil(counts[status] / perPage))
    const page = Math.min(pageNumber(q.page), pages)
    const comments = await listQueue(deps.db, { status, limit: perPage, offset: (page - 1) * perPage })
    const chrome = await newsroom.chrome(req, reply)
    const notice = q.done && /^[\w ,.#:-]{1,200}$/.test(q.done) ? q.done : undefined
    return newsroom.send(reply, h(CommentQueuePage, { chrome, status, counts, comments, page, pages, notice }) as VNode)
  })

  // One form serves bulk ("Apply" with ticked boxes) and single actions (a row's own button, value "approve:12").
  app.post('/comments/bulk', {
    config: editor,
    schema: { body: form({ action: text(20), one: text(40), from: text(20), back: text(20), bulk: text(2), ids: { anyOf: [text(12), { type: 'array', maxItems: 500, items: text(12) }] } }) },
  }, async (req, reply) => {
    const body = (req.body ?? {}) as { action?: string; one?: string; from?: string; back?: string; ids?: string | string[] }
    let action: string | undefined
    let ids: number[]
    if (body.one) {
      const [a, id] = body.one.split(':')
      action = a
      ids = [Number(id)]
    } else {
      action = body.action
      ids = (Array.isArray(body.ids) ? body.ids : body.ids ? [body.ids] : []).map(Number)
    }
    if (!action || !(action in moderationActions)) throw new DomainError('VALIDATION', 'Choose what to do with the comments')
    if (!ids.length || ids.some((id) => !Number.isInteger(id) || id < 1)) throw new DomainError('VALIDATION', 'Select at least one comment')
    const result = await moderateComments(deps, ids, action as ModerationAction, actorOf(req))
    const summary = `${result.changed.length} ${result.changed.length === 1 ? 'comment' : 'comments'} ${verbs[action as ModerationAction]}${result.skipped.length ? `, ${result.skipped.length} skipped` : ''}.`
    if (wantsJson(req)) return reply.send({ changed: result.changed, skipped: result.skipped })
    if (body.back === 'detail' && ids.length === 1) return reply.redirect(`/newsroom/comments/${ids[0]}?done=${encodeURIComponent(summary)}`, 303)
    const from = (commentStatuses as readonly string[]).includes(body.from ?? '') ? body.from : 'pending'
    return reply.redirect(`/newsroom/comments?status=${from}&done=${encodeURIComponent(summary)}`, 303)
  })

  const detail = async (req: FastifyRequest, reply: FastifyReply, id: number, extra: Partial<CommentDetailView> = {}, status = 200) => {
    const comment = await findModeratedComment(deps.db, id)
    if (!comment) throw notFound('Comment')
    const [history, chrome] = await Promise.all([listCommentEvents(deps.db, id), newsroom.chrome(req, reply)])
    return newsroom.send(reply, h(CommentDetailPage, { chrome, comment, history, ...extra }) as VNode, status)
  }

  app.get('/comments/:id', { config: editor, schema: { params: idParams, querystring: { type: 'object', properties: { done: text(200) } } } }, async (req, reply) => {
    const done = (req.query as { done?: string }).done
    return detail(req, reply, (req.params as { id: number }).id, { notice: done && /^[\w ,.#:-]{1,200}$/.test(done) ? done : undefined })
  })

  app.post('/comments/:id/edit', { config: editor, schema: { params: idParams, body: form({ name: text(1000), website: text(1000), body: text(20_000) }) } }, async (req, reply) => {
    const id = (req.params as { id: number }).id
    const body = (req.body ?? {}) as { name?: string; website?: string; body?: string }
    try {
      await editComment(deps, id, body, actorOf(req))
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return detail(req, reply, id, { edit: { name: body.name ?? '', website: body.website ?? '', body: body.body ?? '', issues: err.issues } }, 400)
    }
    return reply.redirect(`/newsroom/comments/${id}?done=${encodeURIComponent('Changes saved.')}`, 303)
  })

  app.post('/comments/:id/reply', { config: editor, schema: { params: idParams, body: form({ reply: text(20_000) }) } }, async (req, reply) => {
    const id = (req.params as { id: number }).id
    const text_ = (req.body as { reply?: string } | undefined)?.reply ?? ''
    const staff = currentStaff(req)
    try {
      const published = await replyAsStaff(deps, id, { body: text_ }, { id: staff.id, name: staff.name }, actorOf(req))
      return reply.redirect(`/newsroom/comments/${published.id}?done=${encodeURIComponent('Reply published.')}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return detail(req, reply, id, { reply: { body: text_, issues: err.issues.map((i) => ({ ...i, field: 'reply' })) } }, 400)
    }
  })

  app.get('/comments/privacy', { config: editor }, async (req, reply) =>
    newsroom.send(reply, h(CommenterDataPage, { chrome: await newsroom.chrome(req, reply) }) as VNode))

  app.post('/comments/privacy', { config: editor, schema: { body: form({ email: text(254), do: { type: 'string', enum: ['export', 'anonymise', 'delete'] } }) } }, async (req, reply) => {
    const body = (req.body ?? {}) as { email?: string; do?: 'export' | 'anonymise' | 'delete' }
    const email = (body.email ?? '').trim()
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      const issues = [{ field: 'email', message: 'Enter the commenter\'s email address' }]
      return newsroom.send(reply, h(CommenterDataPage, { chrome: await newsroom.chrome(req, reply), email, issues }) as VNode, 400)
    }
    if (body.do === 'anonymise' || body.do === 'delete') {
      const report = await eraseCommenter(deps, email, body.do, actorOf(req))
      const notice = `Erased: ${report.deleted} deleted, ${report.anonymised} anonymised; reply notifications stopped.`
      return newsroom.send(reply, h(CommenterDataPage, { chrome: await newsroom.chrome(req, reply), notice }) as VNode)
    }
    const data = await exportCommenterData(deps, email)
    return reply.header('content-disposition', 'attachment; filename="commenter-data.json"').type('application/json; charset=utf-8').send(JSON.stringify(data, null, 2))
  })
}
