// Newsroom pages for sections, topics, tags and authors: list, create, rename (with redirects), remove. Editors and administrators.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { statusFor, wantsJson } from '../platform/http/index.js'
import {
  createTerm, getTerm, listTerms, removeTerm, renameTerm, taxonomyLimits, termPath, type TaxonomyKind, type TermInput,
} from '../content/index.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { TaxonomyListPage, TermPage, type TaxonomyCopy, type TermForm } from './taxonomy.page.js'

const copy: Record<TaxonomyKind, TaxonomyCopy> = {
  section: {
    title: 'Sections', one: 'section', descriptionLabel: 'Description', hasPosition: true,
    intro: 'Sections file every article and make the site\'s navigation. A section with articles cannot be removed.',
  },
  topic: {
    title: 'Topics', one: 'topic', descriptionLabel: 'Description', hasPosition: false,
    intro: 'Topics are running stories: their name is the label before a headline, and each has a page of its own.',
  },
  tag: { title: 'Tags', one: 'tag', descriptionLabel: undefined, hasPosition: false, intro: 'Tags link articles about the same people, places and things.' },
  author: { title: 'Authors', one: 'author', descriptionLabel: 'Bio', hasPosition: false, intro: 'Authors are the bylines readers see; each has a page listing their articles.' },
}

/** Confirmations after a redirect, by key, so no free text travels in the URL. */
const notices: Record<string, string> = {
  created: 'Created.', saved: 'Saved.', removed: 'Removed.', moved: 'Saved. The old address now redirects readers to the new one.',
}
const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const
const termBody = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 400 }, slug: { type: 'string', maxLength: 400 }, description: { type: 'string', maxLength: taxonomyLimits.description * 2 },
    position: { type: 'string', maxLength: 12 }, _csrf: { type: 'string', maxLength: 200 },
  },
} as const

function formOf(body: unknown): TermForm {
  const b = (body ?? {}) as Partial<Record<keyof TermForm, string>>
  return { name: b.name ?? '', slug: b.slug ?? '', description: b.description ?? '', position: b.position ?? '' }
}

function inputOf(kind: TaxonomyKind, form: TermForm): TermInput {
  const position = form.position.trim()
  return {
    name: form.name, slug: form.slug, description: form.description,
    // An unparseable position reaches the checks as NaN and is refused there with the field's message.
    position: kind === 'section' && position !== '' ? (/^\d+$/.test(position) ? Number(position) : Number.NaN) : undefined,
  }
}

export async function taxonomyRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  // Sections shape the whole site and authors are public bylines: editors and administrators manage all four alike.
  const access = { access: 'editor' } as const

  for (const kind of ['section', 'topic', 'tag', 'author'] as const) {
    const base = `/${kind}s`
    const limits = { name: taxonomyLimits.name[kind], slug: taxonomyLimits.slug, description: taxonomyLimits.description }
    const path = (slug: string) => termPath(kind, slug)

    const showList = async (req: FastifyRequest, reply: FastifyReply, extra: { notice?: string | undefined; create?: { form: TermForm; issues: readonly FieldIssue[] }; status?: number } = {}) =>
      newsroom.send(reply, h(TaxonomyListPage, {
        chrome: await newsroom.chrome(req, reply), kind, copy: copy[kind], terms: await listTerms(deps.db, kind), path, limits,
        notice: extra.notice, create: extra.create,
      }) as VNode, extra.status)

    const showTerm = async (req: FastifyRequest, reply: FastifyReply, id: number, extra: { notice?: string | undefined; edit?: { form: TermForm; issues: readonly FieldIssue[] }; removeError?: string; status?: number } = {}) =>
      newsroom.send(reply, h(TermPage, {
        chrome: await newsroom.chrome(req, reply), kind, copy: copy[kind], term: await getTerm(deps, kind, id), path, limits,
        notice: extra.notice, edit: extra.edit, removeError: extra.removeError,
      }) as VNode, extra.status)

    app.get(base, { config: access, schema: { querystring: doneQuery } }, async (req, reply) => {
      if (wantsJson(req)) return reply.send({ items: await listTerms(deps.db, kind) })
      return showList(req, reply, { notice: notices[(req.query as { done?: string }).done ?? ''] })
    })

    app.post(base, { config: access, schema: { body: termBody } }, async (req, reply) => {
      const form = formOf(req.body)
      try {
        const term = await createTerm(deps, currentStaff(req), kind, inputOf(kind, form))
        if (wantsJson(req)) return reply.code(201).send(term)
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
        return showList(req, reply, { create: { form, issues: err.issues }, status: statusFor.VALIDATION })
      }
      return reply.redirect(`/newsroom${base}?done=created`, 303)
    })

    app.get(`${base}/:id`, { config: access, schema: { params: idParams, querystring: doneQuery } }, async (req, reply) => {
      const id = Number((req.params as { id: string }).id)
      if (wantsJson(req)) return reply.send(await getTerm(deps, kind, id))
      return showTerm(req, reply, id, { notice: notices[(req.query as { done?: string }).done ?? ''] })
    })

    app.post(`${base}/:id`, { config: access, schema: { params: idParams, body: termBody } }, async (req, reply) => {
      const id = Number((req.params as { id: string }).id)
      const form = formOf(req.body)
      const before = await getTerm(deps, kind, id)
      try {
        const after = await renameTerm(deps, currentStaff(req), kind, id, inputOf(kind, form))
        if (wantsJson(req)) return reply.send(after)
        return reply.redirect(`/newsroom${base}/${id}?done=${after.slug !== before.slug ? 'moved' : 'saved'}`, 303)
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
        return showTerm(req, reply, id, { edit: { form, issues: err.issues }, status: statusFor.VALIDATION })
      }
    })

    app.post(`${base}/:id/remove`, { config: access, schema: { params: idParams } }, async (req, reply) => {
      const id = Number((req.params as { id: string }).id)
      try {
        await removeTerm(deps, currentStaff(req), kind, id)
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'CONFLICT' || wantsJson(req)) throw err
        return showTerm(req, reply, id, { removeError: err.message, status: statusFor.CONFLICT })
      }
      if (wantsJson(req)) return reply.code(204).send()
      return reply.redirect(`/newsroom${base}?done=removed`, 303)
    })
  }
}
