// Newsroom article routes: the list, the editor (save, publish, schedule, unpublish, preview), autosave, corrections, revisions, delete.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { can } from '../identity/index.js'
import {
  appendCorrection, autosaveDraft, compareRevisions, deleteArticle, emptyEditorInput, getEditableArticle, listAuthors,
  listEditorialArticles, listRevisions, listSections, renderMarkdown, restoreRevision, submitEditor, articleStatuses,
  previewExpiry, previewPath, type ArticleStatus, type Correction, type EditorAction, type EditorInput,
} from '../content/index.js'
import { listRelatedOverrides, relatedOverrideLimits, setRelatedOverride } from '../search/index.js'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { pageNumber } from '../platform/http/index.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { ArticleListPage } from './article-list.page.js'
import { ArticleEditorPage, type EditorView } from './article-editor.page.js'
import { ArticleRevisionsPage, RevisionComparePage } from './article-revisions.page.js'
import {
  correctionBodySchema, editorBodySchema, editorFieldLimits, editorFormOf, parseEditorForm, utcToZoned, zonedToUtc, type EditorForm,
} from './editor.form.js'

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const
const revisionParams = {
  type: 'object', required: ['id', 'number'],
  properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' }, number: { type: 'string', pattern: '^[0-9]{1,6}$' } },
} as const
const listQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', maxLength: 20 }, section: { type: 'string', maxLength: 10 }, author: { type: 'string', maxLength: 10 },
    q: { type: 'string', maxLength: 200 }, page: { type: 'string', maxLength: 6 }, done: { type: 'string', maxLength: 20 },
    mine: { type: 'string', maxLength: 2 },
  },
} as const
const compareQuery = {
  type: 'object', required: ['a', 'b'],
  properties: { a: { type: 'string', pattern: '^[0-9]{1,6}$' }, b: { type: 'string', pattern: '^[0-9]{1,6}$' } },
} as const
const previewBody = { type: 'object', properties: { body: { type: 'string', maxLength: editorFieldLimits.body } } } as const
const relatedBody = {
  type: 'object', required: ['related', 'mode'],
  properties: {
    _csrf: { type: 'string', maxLength: 200 }, related: { type: 'string', maxLength: relatedOverrideLimits.related },
    mode: { type: 'string', enum: ['pin', 'exclude', 'release'] },
  },
} as const

/** Confirmations shown after a redirect, by key, so no free text ever travels in the URL. */
const notices: Record<string, string> = {
  saved: 'Saved.', published: 'Published: the article is on the site.', scheduled: 'Scheduled.', unscheduled: 'Back to draft: the schedule is cancelled.',
  unpublished: 'Unpublished: the article is off the site and its address answers “gone”.', noted: 'Note added to the article.',
  restored: 'Revision restored as a new revision.', deleted: 'Article deleted.', unchanged: 'Nothing had changed.',
  related: 'Related news updated.',
}
const doneFor: Record<EditorAction, string> = { save: 'saved', publish: 'published', schedule: 'scheduled', unschedule: 'unscheduled', unpublish: 'unpublished' }
const editorActions = new Set<string>(['save', 'publish', 'schedule', 'unschedule', 'unpublish', 'preview'])
const perPage = 30

export async function articleRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const { db } = deps
  const assets = { script: newsroom.assetPath('newsroom-editor.js'), style: newsroom.assetPath('newsroom-editor.css') }

  async function showEditor(req: FastifyRequest, reply: FastifyReply, view: {
    articleId: number | undefined; status: ArticleStatus; form: EditorForm; issues?: readonly FieldIssue[]; preview?: string
    ownerId: number | null; publishedAt: Date | null; publicPath?: string | undefined; corrections?: Correction[]; notice?: string | undefined; code?: number
  }) {
    const related = view.articleId === undefined ? undefined : await listRelatedOverrides(deps, view.articleId)
    const staff = currentStaff(req)
    const chrome = await newsroom.chrome(req, reply)
    const subject = { ownerId: view.ownerId, status: view.status }
    const sections = (await listSections(db)).map((s) => s.name)
    const soon = new Date(deps.clock.now().getTime() + 3_600_000)
    // Computed afresh on each view (no state): a link is a signature over the id and an expiry, nothing stored.
    const expiresAt = previewExpiry(deps.clock.now())
    const previewLink = view.articleId !== undefined && can(staff, 'edit', subject)
      ? { url: `${deps.config.siteUrl}${previewPath(deps.secret, view.articleId, expiresAt)}`, expiresAt } : undefined
    const page: EditorView = {
      chrome, articleId: view.articleId, status: view.status, form: view.form, issues: view.issues ?? [], sections,
      preview: view.preview ?? renderMarkdown(view.form.body ?? ''),
      rights: {
        edit: can(staff, 'edit', subject), publish: can(staff, 'publish', subject), unpublish: can(staff, 'unpublish', subject),
        correct: can(staff, 'correct', subject), delete: view.articleId !== undefined && can(staff, 'delete', subject),
      },
      publishAt: utcToZoned(view.status === 'scheduled' && view.publishedAt ? view.publishedAt : soon, chrome.timeZone),
      publishedAt: view.publishedAt, publicPath: view.publicPath, corrections: view.corrections ?? [], notice: view.notice, assets, previewLink, related,
    }
    return newsroom.send(reply, h(ArticleEditorPage, page) as VNode, view.code ?? 200)
  }

  async function showExisting(req: FastifyRequest, reply: FastifyReply, id: number, extra: { form?: EditorForm; issues?: readonly FieldIssue[]; preview?: string; notice?: string | undefined; code?: number } = {}) {
    const { article, state, snapshot } = await getEditableArticle(db, id)
    return showEditor(req, reply, {
      articleId: id, status: state.status, form: extra.form ?? editorFormOf(snapshot), issues: extra.issues, preview: extra.preview,
      ownerId: state.ownerId, publishedAt: state.publishedAt, publicPath: article.path, corrections: article.corrections,
      notice: extra.notice, code: extra.code,
    })
  }

  /** One press of an editor button; refusals the writer can fix come back on the same page with every word kept. */
  async function submit(req: FastifyRequest, reply: FastifyReply, id: number | undefined) {
    const form = req.body as EditorForm
    const action = editorActions.has(form.action ?? 'save') ? (form.action ?? 'save') : 'save'
    const timeZone = (await newsroom.chrome(req, reply)).timeZone
    const again = async (issues: readonly FieldIssue[], code: number, preview?: string) => {
      if (id !== undefined) return showExisting(req, reply, id, { form, issues, preview, code })
      return showEditor(req, reply, { articleId: undefined, status: 'draft', form, issues, preview, ownerId: currentStaff(req).id, publishedAt: null, code })
    }
    let input: EditorInput
    try {
      input = parseEditorForm(form)
    } catch (err) {
      if (err instanceof DomainError) return again(err.issues, 400)
      throw err
    }
    if (action === 'preview') return again([], 200, renderMarkdown(input.body))
    try {
      const publishAt = action === 'schedule' ? zonedToUtc(form.publish_at ?? '', timeZone) : undefined
      const result = await submitEditor(deps, currentStaff(req), id, input, { action: action as EditorAction, publishAt })
      const done = action === 'save' && !result.revision ? 'unchanged' : doneFor[action as EditorAction]
      return reply.redirect(`/newsroom/articles/${result.id}?done=${done}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND') throw err
      const issues = err.issues.length ? err.issues : [{ field: 'editor', message: err.message }]
      return again(issues, err.code === 'VALIDATION' ? 400 : 409)
    }
  }

  app.get('/articles', { config: { access: 'contributor' }, schema: { querystring: listQuery } }, async (req, reply) => {
    const q = req.query as Record<string, string | undefined>
    const status = articleStatuses.includes(q.status as ArticleStatus) ? (q.status as ArticleStatus) : undefined
    const num = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined)
    const page = pageNumber(q.page)
    const mine = q.mine === '1'
    const { items, total } = await listEditorialArticles(db, deps.dialect, {
      status, sectionId: num(q.section), authorId: num(q.author), ownerId: mine ? currentStaff(req).id : undefined, text: q.q,
    }, { limit: perPage, offset: (page - 1) * perPage })
    const [sections, authors] = await Promise.all([listSections(db), listAuthors(db)])
    return newsroom.send(reply, h(ArticleListPage, {
      chrome: await newsroom.chrome(req, reply), items, total, page, pages: Math.max(1, Math.ceil(total / perPage)),
      filters: { status: status ?? '', section: num(q.section) ? String(num(q.section)) : '', author: num(q.author) ? String(num(q.author)) : '', q: q.q ?? '', mine: mine ? '1' : '' },
      sections, authors, notice: q.done ? notices[q.done] : undefined, style: assets.style,
    }) as VNode)
  })

  app.get('/articles/new', { config: { access: 'contributor' } }, async (req, reply) => {
    const first = (await listSections(db))[0]?.name ?? ''
    return showEditor(req, reply, { articleId: undefined, status: 'draft', form: editorFormOf(emptyEditorInput(first)), ownerId: currentStaff(req).id, publishedAt: null })
  })

  app.post('/articles', { config: { access: 'contributor' }, schema: { body: editorBodySchema } }, (req, reply) => submit(req, reply, undefined))

  app.get('/articles/:id', { config: { access: 'contributor' }, schema: { params: idParams, querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (req, reply) => {
      const { done } = req.query as { done?: string }
      return showExisting(req, reply, Number((req.params as { id: string }).id), { notice: done ? notices[done] : undefined })
    })

  app.post('/articles/:id', { config: { access: 'contributor' }, schema: { params: idParams, body: editorBodySchema } },
    (req, reply) => submit(req, reply, Number((req.params as { id: string }).id)))

  // Autosave: JSON in, JSON out; the script sends the CSRF token as a header.
  const autosave = async (req: FastifyRequest, reply: FastifyReply, id: number | undefined) => {
    const result = await autosaveDraft(deps, currentStaff(req), id, parseEditorForm(req.body as EditorForm))
    return reply.send({
      id: result.id, status: result.status, slug: result.slug, applied: result.applied, revision: result.revision?.number ?? null,
      savedAt: deps.clock.now().toISOString(), editUrl: `/newsroom/articles/${result.id}`, autosaveUrl: `/newsroom/articles/${result.id}/autosave`,
    })
  }
  app.post('/articles/autosave', { config: { access: 'contributor' }, schema: { body: editorBodySchema } }, (req, reply) => autosave(req, reply, undefined))
  app.post('/articles/:id/autosave', { config: { access: 'contributor' }, schema: { params: idParams, body: editorBodySchema } },
    (req, reply) => autosave(req, reply, Number((req.params as { id: string }).id)))

  // The live preview: the same sanitising renderer the site uses, so what the editor sees is what readers get.
  app.post('/articles/preview', { config: { access: 'contributor' }, schema: { body: previewBody } }, async (req, reply) =>
    reply.send({ html: renderMarkdown((req.body as { body?: string }).body ?? '') }))

  app.post('/articles/:id/corrections', { config: { access: 'author' }, schema: { params: idParams, body: correctionBodySchema } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const { kind, text } = req.body as { kind: string; text: string }
    await appendCorrection(deps, currentStaff(req), id, { kind, text })
    return reply.redirect(`/newsroom/articles/${id}?done=noted`, 303)
  })

  // Pin, exclude or release one article among this one's related news; a mistyped address comes back on the page.
  app.post('/articles/:id/related', { config: { access: 'contributor' }, schema: { params: idParams, body: relatedBody } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const { related, mode } = req.body as { related: string; mode: 'pin' | 'exclude' | 'release' }
    try {
      await setRelatedOverride(deps, currentStaff(req), id, { related, mode: mode === 'release' ? undefined : mode })
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION') throw err
      return showExisting(req, reply, id, { issues: err.issues, code: 400 })
    }
    return reply.redirect(`/newsroom/articles/${id}?done=related#related-heading`, 303)
  })

  app.post('/articles/:id/delete', { config: { access: 'contributor' }, schema: { params: idParams } }, async (req, reply) => {
    await deleteArticle(deps, currentStaff(req), Number((req.params as { id: string }).id))
    return reply.redirect('/newsroom/articles?done=deleted', 303)
  })

  app.get('/articles/:id/revisions', { config: { access: 'contributor' }, schema: { params: idParams, querystring: { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } } },
    async (req, reply) => {
      const id = Number((req.params as { id: string }).id)
      const { state } = await getEditableArticle(db, id)
      const { done } = req.query as { done?: string }
      return newsroom.send(reply, h(ArticleRevisionsPage, {
        chrome: await newsroom.chrome(req, reply), articleId: id, headline: state.headline, revisions: await listRevisions(db, id),
        canRestore: can(currentStaff(req), 'edit', state), notice: done ? notices[done] : undefined, style: assets.style,
      }) as VNode)
    })

  app.get('/articles/:id/revisions/compare', { config: { access: 'contributor' }, schema: { params: idParams, querystring: compareQuery } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const { a, b } = req.query as { a: string; b: string }
    const comparison = await compareRevisions(db, id, Number(a), Number(b))
    return newsroom.send(reply, h(RevisionComparePage, { chrome: await newsroom.chrome(req, reply), articleId: id, comparison, style: assets.style }) as VNode)
  })

  app.post('/articles/:id/revisions/:number/restore', { config: { access: 'contributor' }, schema: { params: revisionParams } }, async (req, reply) => {
    const { id, number } = req.params as { id: string; number: string }
    await restoreRevision(deps, currentStaff(req), Number(id), Number(number))
    return reply.redirect(`/newsroom/articles/${id}?done=restored`, 303)
  })
}
