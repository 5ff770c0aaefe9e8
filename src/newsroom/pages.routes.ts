// Newsroom routes for pages: list, create, edit. Editors and administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { statusFor, wantsJson } from '../platform/http/index.js'
import { getPage, listPages, pageLimits, savePage, type PageInput, type PageStatus } from '../content/index.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { PageEditorPage, PageListPage, emptyPageForm, pageFormOf, type PageForm } from './pages.page.js'

const notices: Record<string, string> = { created: 'Created.', saved: 'Saved.' }
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const
const pageBody = {
  type: 'object',
  properties: {
    title: { type: 'string', maxLength: pageLimits.title * 2 }, slug: { type: 'string', maxLength: pageLimits.slug * 2 },
    body: { type: 'string', maxLength: pageLimits.body * 2 }, status: { type: 'string', maxLength: 20 },
    inFooter: { type: 'string', maxLength: 5 }, position: { type: 'string', maxLength: 12 },
    seoDescription: { type: 'string', maxLength: pageLimits.seoDescription * 2 }, _csrf: { type: 'string', maxLength: 200 },
  },
} as const
const limits = { title: pageLimits.title, slug: pageLimits.slug, body: pageLimits.body, seoDescription: pageLimits.seoDescription }

function formOf(body: unknown): PageForm {
  const b = (body ?? {}) as Partial<Record<keyof PageForm, string>>
  return {
    title: b.title ?? '', slug: b.slug ?? '', body: b.body ?? '', status: b.status ?? 'draft', inFooter: b.inFooter === '1',
    position: b.position ?? '', seoDescription: b.seoDescription ?? '',
  }
}

function inputOf(form: PageForm): PageInput {
  const position = form.position.trim()
  return {
    title: form.title, slug: form.slug, body: form.body, status: form.status as PageStatus, inFooter: form.inFooter,
    position: position === '' ? undefined : /^\d+$/.test(position) ? Number(position) : Number.NaN, seoDescription: form.seoDescription,
  }
}

export async function pagesRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const access = { access: 'editor' } as const

  const editor = async (req: FastifyRequest, reply: FastifyReply, id: number | undefined, form: PageForm, extra: { issues?: readonly FieldIssue[]; notice?: string | undefined; status?: number } = {}) =>
    newsroom.send(reply, h(PageEditorPage, { chrome: await newsroom.chrome(req, reply), id, form, limits, issues: extra.issues, notice: extra.notice }) as VNode, extra.status)

  const save = async (req: FastifyRequest, reply: FastifyReply, id: number | undefined) => {
    const form = formOf(req.body)
    try {
      const page = await savePage(deps, currentStaff(req), inputOf(form), id)
      if (wantsJson(req)) return reply.code(id ? 200 : 201).send(page)
      return reply.redirect(`/newsroom/pages/${page.id}?done=${id ? 'saved' : 'created'}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return editor(req, reply, id, form, { issues: err.issues, status: statusFor.VALIDATION })
    }
  }

  app.get('/pages', { config: access, schema: { querystring: doneQuery } }, async (req, reply) => {
    const pages = await listPages(deps.db)
    if (wantsJson(req)) return reply.send({ items: pages })
    return newsroom.send(reply, h(PageListPage, { chrome: await newsroom.chrome(req, reply), pages, notice: notices[(req.query as { done?: string }).done ?? ''] }) as VNode)
  })
  app.get('/pages/new', { config: access }, async (req, reply) => editor(req, reply, undefined, emptyPageForm))
  app.post('/pages', { config: access, schema: { body: pageBody } }, async (req, reply) => save(req, reply, undefined))
  app.get('/pages/:id', { config: access, schema: { params: idParams, querystring: doneQuery } }, async (req, reply) => {
    const page = await getPage(deps, Number((req.params as { id: string }).id))
    if (wantsJson(req)) return reply.send(page)
    return editor(req, reply, page.id, pageFormOf(page), { notice: notices[(req.query as { done?: string }).done ?? ''] })
  })
  app.post('/pages/:id', { config: access, schema: { params: idParams, body: pageBody } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    await getPage(deps, id)
    return save(req, reply, id)
  })
}
