// Creating and editing pages: validate, keep their addresses apart from sections', render the body, redirect a changed slug.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { isUniqueViolation } from '../platform/db/index.js'
import { notFound, validationError } from '../platform/errors.js'
import { recordAudit, type AuditActor } from '../identity/index.js'
import { checkPageInput, pagePath, pageSlugOf, type EditablePage, type PageInput } from './page.js'
import { findPageById, findPageIdBySlug } from './page.store.js'
import { htmlToText, renderMarkdown } from './markdown.js'
import { clearSlugRedirect, recordSlugRedirect } from './taxonomy.store.js'

type PageDeps = Pick<Deps, 'db' | 'clock' | 'events'>

const taken = (slug: string) => validationError([{ field: 'slug', message: `Another page already uses the address ${pagePath(slug)}` }])

/**
 * Writes a page inside the caller's transaction: a new one when `id` is undefined. A page never takes a section's
 * address (nor a section a page's); a changed slug leaves a 301 behind, as a renamed section does.
 */
export async function writePage(db: Db, input: PageInput, now: Date, id?: number): Promise<{ id: number; created: boolean }> {
  const issues = checkPageInput(input)
  if (issues.length) throw validationError(issues)
  const slug = pageSlugOf(input)
  if (await db.selectFrom('section').select('id').where('slug', '=', slug).executeTakeFirst()) {
    throw validationError([{ field: 'slug', message: `The section at ${pagePath(slug)} already uses this address` }])
  }
  const holder = await findPageIdBySlug(db, slug)
  if (holder !== undefined && holder !== id) throw taken(slug)
  const at = now.toISOString()
  const bodyHtml = renderMarkdown(input.body ?? '')
  const values = {
    slug, title: input.title.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim(), body_md: input.body ?? '', body_html: bodyHtml, body_text: htmlToText(bodyHtml),
    status: input.status ?? 'draft', in_footer: input.inFooter ? 1 : 0, position: input.position ?? 100,
    seo_description: (input.seoDescription ?? '').trim(), modified_at: at,
  }
  if (id === undefined) {
    const row = await db.insertInto('page').values({ ...values, created_at: at }).returning('id').executeTakeFirstOrThrow()
    await clearSlugRedirect(db, 'page', slug)
    return { id: row.id, created: true }
  }
  const before = await db.selectFrom('page').select('slug').where('id', '=', id).executeTakeFirst()
  if (!before) throw notFound('Page')
  await db.updateTable('page').set(values).where('id', '=', id).execute()
  await recordSlugRedirect(db, 'page', before.slug, slug, at)
  return { id, created: false }
}

export async function getPage({ db }: Pick<Deps, 'db'>, id: number): Promise<EditablePage> {
  const page = await findPageById(db, id)
  if (!page) throw notFound('Page')
  return page
}

/**
 * Creates (no `id`) or updates a page, audited; every reader page shows the footer, so the whole site is purged.
 * @example await savePage(deps, staff, { title: 'About us', body: 'We are…', status: 'published', inFooter: true })
 */
export async function savePage(deps: PageDeps, actor: AuditActor | null, input: PageInput, id?: number): Promise<EditablePage> {
  const result = await deps.db.transaction().execute((trx) => writePage(trx, input, deps.clock.now(), id)).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw taken(pageSlugOf(input))
    throw err
  })
  const page = await getPage(deps, result.id)
  await recordAudit(deps.db, { at: deps.clock.now(), actor, action: result.created ? 'page.created' : 'page.saved', subject: `page:${page.id}`, detail: `${page.title} (${page.path})` })
  await deps.events.emit({ type: 'taxonomy.changed', tags: ['site'] })
  return page
}
