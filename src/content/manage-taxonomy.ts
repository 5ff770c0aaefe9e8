// Running the site's names: create, rename (old addresses keep working through redirects) and remove sections, topics, tags and authors.
import type { Deps } from '../platform/deps.js'
import { isUniqueViolation } from '../platform/db/index.js'
import { DomainError, notFound, validationError, type FieldIssue } from '../platform/errors.js'
import { recordAudit, type AuditActor } from '../identity/index.js'
import { reservedSlugs, slugify, slugPattern } from './article.js'
import {
  clearSlugRedirect, deleteTerm, findTerm, findTermIdBySlug, insertTerm, recordSlugRedirect, updateTerm,
  type TaxonomyKind, type Term,
} from './taxonomy.store.js'
import { findPageIdBySlug } from './page.store.js'

export interface TermInput {
  name: string
  /** Empty or absent: made from the name. */
  slug?: string | undefined
  /** A section's or topic's description, an author's bio; tags have none. */
  description?: string | undefined
  /** Sections only: their order in the navigation, lowest first. */
  position?: number | undefined
}

export const taxonomyLimits = {
  name: { section: 60, topic: 80, tag: 60, author: 80 } satisfies Record<TaxonomyKind, number>,
  slug: 80,
  description: 2000,
  position: 10_000,
} as const

export const taxonomyLabels: Record<TaxonomyKind, { one: string; many: string }> = {
  section: { one: 'section', many: 'sections' },
  topic: { one: 'topic', many: 'topics' },
  tag: { one: 'tag', many: 'tags' },
  author: { one: 'author', many: 'authors' },
}

/** The public address of a section, topic, tag or author page. */
export function termPath(kind: TaxonomyKind, slug: string): string {
  return kind === 'section' ? `/${slug}/` : `/${kind}/${slug}/`
}

type TaxonomyDeps = Pick<Deps, 'db' | 'clock' | 'events'>

function check(kind: TaxonomyKind, input: TermInput): { values: { name: string; slug: string; description: string; position?: number | undefined }; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const name = typeof input.name === 'string' ? input.name.trim() : ''
  const maxName = taxonomyLimits.name[kind]
  if (!name) issues.push({ field: 'name', message: 'Name is required' })
  else if (name.length > maxName) issues.push({ field: 'name', message: `Name must be at most ${maxName} characters` })
  const slug = (typeof input.slug === 'string' && input.slug.trim() ? input.slug.trim().toLowerCase() : slugify(name, taxonomyLimits.slug))
  if (name && !slug) issues.push({ field: 'slug', message: 'Slug needs at least one letter or digit' })
  else if (slug && (!slugPattern.test(slug) || slug.length > taxonomyLimits.slug)) {
    issues.push({ field: 'slug', message: `Slug must be lowercase letters, digits and single hyphens, at most ${taxonomyLimits.slug} characters` })
  }
  if (kind === 'section' && reservedSlugs.has(slug)) {
    issues.push({ field: 'slug', message: `"${slug}" is a reserved address (/${slug}/ belongs to the site itself); choose another slug` })
  }
  const description = typeof input.description === 'string' ? input.description.trim() : ''
  if (description.length > taxonomyLimits.description) {
    issues.push({ field: 'description', message: `Description must be at most ${taxonomyLimits.description} characters` })
  }
  for (const [field, text] of [['name', name], ['description', description]] as const) {
    if (text.includes('\u0000')) issues.push({ field, message: `${field} contains a null character` })
  }
  const position = input.position
  if (position !== undefined && (!Number.isInteger(position) || position < 0 || position > taxonomyLimits.position)) {
    issues.push({ field: 'position', message: `Position must be a whole number from 0 to ${taxonomyLimits.position}` })
  }
  return { values: { name, slug, description, position: kind === 'section' ? position : undefined }, issues }
}

async function requireFreeSlug(deps: TaxonomyDeps, kind: TaxonomyKind, slug: string, self?: number): Promise<void> {
  const holder = await findTermIdBySlug(deps.db, kind, slug)
  if (holder !== undefined && holder !== self) {
    throw validationError([{ field: 'slug', message: `Another ${taxonomyLabels[kind].one} already uses the address ${termPath(kind, slug)}` }])
  }
  // Sections and pages share the top-level addresses: /about/ is one or the other.
  if (kind === 'section' && await findPageIdBySlug(deps.db, slug) !== undefined) {
    throw validationError([{ field: 'slug', message: `A page already uses the address /${slug}/` }])
  }
}

const changed = (deps: TaxonomyDeps) => deps.events.emit({ type: 'taxonomy.changed', tags: ['site'] })

const audit = (deps: TaxonomyDeps, actor: AuditActor | null, action: string, term: Pick<Term, 'kind' | 'id'>, detail: string) =>
  recordAudit(deps.db, { at: deps.clock.now(), actor, action: `${term.kind}.${action}`, subject: `${term.kind}:${term.id}`, detail })

export async function getTerm({ db }: Pick<Deps, 'db'>, kind: TaxonomyKind, id: number): Promise<Term> {
  const term = await findTerm(db, kind, id)
  if (!term) throw notFound(taxonomyLabels[kind].one[0]!.toUpperCase() + taxonomyLabels[kind].one.slice(1))
  return term
}

/**
 * A new section, topic, tag or author. A slug that used to redirect elsewhere becomes this one's again.
 * @example await createTerm(deps, staff, 'section', { name: 'Climate', description: 'Weather, energy and the valley' })
 */
export async function createTerm(deps: TaxonomyDeps, actor: AuditActor | null, kind: TaxonomyKind, input: TermInput): Promise<Term> {
  const { values, issues } = check(kind, input)
  if (issues.length) throw validationError(issues)
  await requireFreeSlug(deps, kind, values.slug)
  const now = deps.clock.now().toISOString()
  const id = await deps.db.transaction().execute(async (trx) => {
    const id = await insertTerm(trx, kind, values, now)
    await clearSlugRedirect(trx, kind, values.slug)
    return id
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw validationError([{ field: 'slug', message: `Another ${taxonomyLabels[kind].one} already uses the address ${termPath(kind, values.slug)}` }])
    throw err
  })
  const term = await getTerm(deps, kind, id)
  await audit(deps, actor, 'created', term, `${term.name} (${termPath(kind, term.slug)})`)
  await changed(deps)
  return term
}

/**
 * New name, slug, description (and a section's position). When the slug changes the old address answers with a
 * 301 to the new one, and so do the old addresses of every article filed in a renamed section.
 */
export async function renameTerm(deps: TaxonomyDeps, actor: AuditActor | null, kind: TaxonomyKind, id: number, input: TermInput): Promise<Term> {
  const before = await getTerm(deps, kind, id)
  const { values, issues } = check(kind, input)
  if (issues.length) throw validationError(issues)
  await requireFreeSlug(deps, kind, values.slug, id)
  const now = deps.clock.now().toISOString()
  await deps.db.transaction().execute(async (trx) => {
    await updateTerm(trx, kind, id, values)
    await recordSlugRedirect(trx, kind, before.slug, values.slug, now)
  }).catch((err: unknown) => {
    if (isUniqueViolation(err)) throw validationError([{ field: 'slug', message: `Another ${taxonomyLabels[kind].one} already uses the address ${termPath(kind, values.slug)}` }])
    throw err
  })
  const after = await getTerm(deps, kind, id)
  const moved = before.slug !== after.slug ? `; ${termPath(kind, before.slug)} now redirects to ${termPath(kind, after.slug)}` : ''
  await audit(deps, actor, 'renamed', after, `${before.name} → ${after.name}${moved}`)
  await changed(deps)
  return after
}

/**
 * Removes a topic, tag or author (its articles simply lose it), or a section with no articles left: an article
 * must always be filed somewhere, so a section still holding some is refused with how many.
 */
export async function removeTerm(deps: TaxonomyDeps, actor: AuditActor | null, kind: TaxonomyKind, id: number): Promise<Term> {
  const term = await getTerm(deps, kind, id)
  if (kind === 'section' && term.articleCount > 0) {
    throw new DomainError('CONFLICT', `The section "${term.name}" still has ${term.articleCount} article${term.articleCount === 1 ? '' : 's'}; move ${term.articleCount === 1 ? 'it' : 'them'} to another section before removing it.`)
  }
  await deps.db.transaction().execute((trx) => deleteTerm(trx, kind, id, term.slug))
  await audit(deps, actor, 'removed', term, `${term.name}${term.articleCount ? ` (detached from ${term.articleCount} article${term.articleCount === 1 ? '' : 's'})` : ''}`)
  await changed(deps)
  return term
}
