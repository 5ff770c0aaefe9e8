// Writing in the newsroom: create and save drafts (each save a revision), autosave, compare and restore revisions.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { isUniqueViolation } from '../platform/db/index.js'
import { DomainError, notFound, validationError, type FieldIssue } from '../platform/errors.js'
import { can, recordAudit, type Action, type Role } from '../identity/index.js'
import { slugify, type Article } from './article.js'
import { articleLimits, checkArticleInput, resolveArticleValues, type ArticleInput } from './save-article.js'
import { findArticleById, setArticleLinks } from './article.store.js'
import { withLibraryImage } from './featured-image.js'
import { recordSlugRedirect } from './taxonomy.store.js'
import { findArticleState, type ArticleState } from './editorial.store.js'
import { addRevision, findLatestRevision, findRevision } from './revision.store.js'
import { diffSnapshots, sameSnapshot, snapshotOfArticle, type ArticleSnapshot, type FieldDiff, type Revision } from './revision.js'

/** The signed-in staff member a use case acts for. */
export interface Actor {
  id: number
  name: string
  email: string
  role: Role
}

/** What the editor form sends: the snapshot's fields; an empty slug means "make one from the headline". */
export type EditorInput = ArticleSnapshot

export type EditDeps = Pick<Deps, 'db' | 'clock' | 'events'>

const forbiddenText: Partial<Record<Action, string>> = {
  edit: 'You may edit only your own drafts',
  publish: 'You may publish and schedule only your own articles; contributors cannot publish',
  unpublish: 'You may unpublish only your own articles',
  correct: 'You may correct only your own articles',
  delete: 'You may not delete this article',
}

/** Throws FORBIDDEN unless the identity rule book lets this actor do this to this article. */
export function requireRight(actor: Actor, action: Action, article: Pick<ArticleState, 'ownerId' | 'status'>): void {
  if (!can(actor, action, { ownerId: article.ownerId, status: article.status })) {
    throw new DomainError('FORBIDDEN', forbiddenText[action] ?? 'You may not do that')
  }
}

export async function getArticleState(db: Db, id: number): Promise<ArticleState> {
  const state = await findArticleState(db, id)
  if (!state) throw notFound('Article')
  return state
}

export function auditActor(actor: Actor) {
  return { id: actor.id, name: actor.name, email: actor.email }
}

const clean = (s: string) => s.replace(/\r\n?/g, '\n')
const names = (list: string[]) => [...new Map(list.map((n) => n.trim()).filter(Boolean).map((n) => [n.toLowerCase(), n])).values()]

/** Trims, drops empty and repeated names, and turns the editor's fields into the import-shaped input the checks know. */
function normalise(input: EditorInput): EditorInput {
  return {
    ...input,
    headline: input.headline.trim(), slug: input.slug.trim().toLowerCase(), section: input.section.trim(),
    topics: names(input.topics), tags: names(input.tags), authors: names(input.authors),
    standfirst: clean(input.standfirst).trim(), dateline: input.dateline.trim(), body: clean(input.body),
    imageUrl: input.imageUrl.trim(), imageAlt: input.imageAlt.trim(), imageCaption: input.imageCaption.trim(), imageCredit: input.imageCredit.trim(),
    agency: input.agency.trim(), seoTitle: input.seoTitle.trim(), seoDescription: input.seoDescription.trim(),
  }
}

function toArticleInput(input: EditorInput, slug: string, size?: { width: number | null; height: number | null }): ArticleInput {
  return {
    slug, headline: input.headline, standfirst: input.standfirst, body: input.body, section: input.section,
    topics: input.topics, tags: input.tags, authors: input.authors, dateline: input.dateline, agency: input.agency,
    status: 'draft', seoTitle: input.seoTitle, seoDescription: input.seoDescription, commentsOpen: input.commentsOpen,
    image: input.imageUrl || input.imageMediaId !== null
      ? {
          url: input.imageUrl, alt: input.imageAlt, caption: input.imageCaption, credit: input.imageCredit,
          width: size?.width ?? null, height: size?.height ?? null, mediaId: input.imageMediaId,
        }
      : undefined,
  }
}

/** A library image's address and size come from the library (and it must still be there). */
async function completeImage(db: Db, input: ArticleInput): Promise<ArticleInput> {
  return input.image?.mediaId == null ? input : { ...input, image: await withLibraryImage(db, input.image) }
}

/** A draft may be unfinished (no body yet); everything else is checked as for any article. */
function draftIssues(input: EditorInput, completed: ArticleInput): FieldIssue[] {
  const issues = checkArticleInput(completed).filter((i) => i.message !== 'body is required')
  if (!slugify(input.headline) && input.headline.trim()) issues.push({ field: 'headline', message: 'headline needs at least one letter or digit' })
  if (!input.imageUrl && input.imageMediaId === null && (input.imageAlt || input.imageCaption || input.imageCredit)) {
    issues.push({ field: 'image.url', message: 'image.url is needed for the alt text, caption and credit to show' })
  }
  for (const field of ['imageCaption', 'imageCredit'] as const) {
    if (input[field].length > articleLimits.imageText) issues.push({ field, message: `${field} must be at most ${articleLimits.imageText} characters` })
  }
  return issues
}

async function freeSlug(db: Db, wanted: string, articleId: number | undefined): Promise<boolean> {
  let q = db.selectFrom('article').select('id').where('slug', '=', wanted)
  if (articleId !== undefined) q = q.where('id', '!=', articleId)
  return !(await q.executeTakeFirst())
}

/** The slug typed, refused when taken; or one made from the headline, numbered past any taken. */
async function chooseSlug(db: Db, input: EditorInput, articleId: number | undefined, current: string | undefined): Promise<string> {
  if (input.slug) {
    if (!(await freeSlug(db, input.slug, articleId))) {
      throw validationError([{ field: 'slug', message: `Another article already uses the slug "${input.slug}": choose a different one` }])
    }
    return input.slug
  }
  if (current) return current
  const base = slugify(input.headline) || 'untitled'
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    if (await freeSlug(db, candidate, articleId)) return candidate
  }
  throw validationError([{ field: 'slug', message: 'Choose a slug: every one made from this headline is taken' }])
}

/** Writes the editor's fields to an article (new when `id` is undefined) inside the caller's transaction. */
async function writeFields(db: Db, input: EditorInput, { id, actor, at }: { id: number | undefined; actor: Actor; at: Date }): Promise<{ id: number; slug: string }> {
  const current = id === undefined ? undefined
    : await db.selectFrom('article').select(['slug', 'status', 'image_url', 'image_width', 'image_height']).where('id', '=', id).executeTakeFirst()
  const slug = await chooseSlug(db, input, id, current?.slug)
  // A picture kept from before keeps its known size, so the page can still reserve its space.
  const size = current && current.image_url === input.imageUrl ? { width: current.image_width, height: current.image_height } : undefined
  const completed = await completeImage(db, toArticleInput(input, slug, size))
  const issues = draftIssues(input, completed)
  if (issues.length) throw validationError(issues)
  const iso = at.toISOString()
  const { values, links } = await resolveArticleValues(db, completed, iso)
  const { status: _status, published_at: _published, updated_at: _updated, ...fields } = values
  let articleId: number
  try {
    if (id === undefined) {
      const row = await db.insertInto('article')
        .values({ ...fields, slug, status: 'draft', created_by: actor.id, created_at: iso })
        .returning('id').executeTakeFirstOrThrow()
      articleId = row.id
    } else {
      await db.updateTable('article').set({ ...fields, slug }).where('id', '=', id).execute()
      articleId = id
    }
  } catch (err) {
    if (isUniqueViolation(err)) throw validationError([{ field: 'slug', message: `Another article already uses the slug "${slug}": choose a different one` }])
    throw err
  }
  // Readers' links to a published article keep working after its slug changes.
  if (current && current.slug !== slug && current.status !== 'draft') await recordSlugRedirect(db, 'article', current.slug, slug, iso)
  await setArticleLinks(db, articleId, links)
  return { id: articleId, slug }
}

/** The state the editor opens with: the article, its owner and its library image. */
export interface EditableArticle {
  article: Article
  state: ArticleState
  snapshot: ArticleSnapshot
}

export async function getEditableArticle(db: Db, id: number): Promise<EditableArticle> {
  const [article, state] = await Promise.all([findArticleById(db, id), findArticleState(db, id)])
  if (!article || !state) throw notFound('Article')
  return { article, state, snapshot: snapshotOfArticle({ ...article, imageMediaId: state.imageMediaId }) }
}

/** Records the article's state before its first newsroom edit, so imported and demo articles can be compared too. */
async function ensureBaseline(db: Db, id: number, at: Date): Promise<void> {
  if (await findLatestRevision(db, id)) return
  const existing = await getEditableArticle(db, id)
  await addRevision(db, { articleId: id, snapshot: existing.snapshot, staffId: null, at })
}

export interface SaveResult {
  id: number
  slug: string
  /** The revision this save made, or undefined when nothing had changed. */
  revision: Revision | undefined
  status: ArticleState['status']
}

/**
 * Creates a draft owned by the actor, with its first revision.
 * @example const { id } = await createDraft(deps, staff, { ...emptyEditorInput(), headline: 'Tram line opens', section: 'News' })
 */
export async function createDraft(deps: EditDeps, actor: Actor, raw: EditorInput): Promise<SaveResult> {
  if (!can(actor, 'create')) throw new DomainError('FORBIDDEN', 'You may not write articles')
  const input = normalise(raw)
  const at = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const { id, slug } = await writeFields(trx, input, { id: undefined, actor, at })
    const revision = await addRevision(trx, { articleId: id, snapshot: { ...input, slug }, staffId: actor.id, at })
    return { id, slug, revision, status: 'draft' as const }
  })
}

/**
 * Saves the editor's fields to an existing article and records a revision when anything changed. A published
 * article is updated in place (readers see it at once); its status never changes here.
 */
export async function saveDraft(deps: EditDeps, actor: Actor, id: number, raw: EditorInput): Promise<SaveResult> {
  const state = await getArticleState(deps.db, id)
  requireRight(actor, 'edit', state)
  const input = normalise(raw)
  const at = deps.clock.now()
  const result = await deps.db.transaction().execute(async (trx) => {
    await ensureBaseline(trx, id, at)
    const { slug } = await writeFields(trx, input, { id, actor, at })
    const snapshot = { ...input, slug }
    const latest = await findLatestRevision(trx, id)
    const unchanged = latest && !latest.pending && sameSnapshot(latest.snapshot, snapshot)
    const revision = unchanged ? undefined : await addRevision(trx, { articleId: id, snapshot, staffId: actor.id, at })
    return { id, slug, revision, status: state.status }
  })
  if (state.status === 'published') {
    await deps.events.emit({ type: 'article.updated', articleId: id, tags: [`article:${id}`, 'site'] })
  }
  return result
}

export interface AutosaveResult extends SaveResult {
  /** False when the text was kept as a pending revision only (a live article changes only on an explicit save). */
  applied: boolean
}

/**
 * Autosave: a draft is saved as usual; a published or scheduled article keeps its text safe in a pending
 * revision without changing what readers see. Nothing is recorded when nothing changed.
 */
export async function autosaveDraft(deps: EditDeps, actor: Actor, id: number | undefined, raw: EditorInput): Promise<AutosaveResult> {
  if (id === undefined) return { ...(await createDraft(deps, actor, raw)), applied: true }
  const state = await getArticleState(deps.db, id)
  if (state.status === 'draft' || state.status === 'unpublished') return { ...(await saveDraft(deps, actor, id, raw)), applied: true }
  requireRight(actor, 'edit', state)
  const input = normalise(raw)
  const issues = draftIssues(input, await completeImage(deps.db, toArticleInput(input, input.slug || state.slug)))
  if (issues.length) throw validationError(issues)
  const at = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    await ensureBaseline(trx, id, at)
    const snapshot = { ...input, slug: input.slug || state.slug }
    const latest = await findLatestRevision(trx, id)
    const revision = latest && sameSnapshot(latest.snapshot, snapshot)
      ? undefined
      : await addRevision(trx, { articleId: id, snapshot, staffId: actor.id, at, pending: true })
    return { id, slug: snapshot.slug, revision, status: state.status, applied: false }
  })
}

/** Puts an earlier revision's fields back, as a new revision; the history keeps everything in between. */
export async function restoreRevision(deps: EditDeps, actor: Actor, id: number, number: number): Promise<SaveResult> {
  const revision = await findRevision(deps.db, id, number)
  if (!revision) throw notFound('Revision')
  const result = await saveDraft(deps, actor, id, revision.snapshot)
  if (result.revision) {
    await recordAudit(deps.db, { at: deps.clock.now(), actor: auditActor(actor), action: 'article.restored', subject: `article:${id}`, detail: `revision ${number}` })
  }
  return result
}

export interface RevisionComparison {
  older: Revision
  newer: Revision
  fields: FieldDiff[]
}

/** Two revisions of one article side by side, older first whichever order they are asked in. */
export async function compareRevisions(db: Db, id: number, a: number, b: number): Promise<RevisionComparison> {
  const [ra, rb] = await Promise.all([findRevision(db, id, a), findRevision(db, id, b)])
  if (!ra || !rb) throw notFound('Revision')
  const [older, newer] = ra.number <= rb.number ? [ra, rb] : [rb, ra]
  return { older, newer, fields: diffSnapshots(older.snapshot, newer.snapshot) }
}

/** A blank editor: one section to start from, comments open. */
export function emptyEditorInput(section = ''): EditorInput {
  return {
    headline: '', slug: '', section, topics: [], tags: [], authors: [], standfirst: '', dateline: '', body: '',
    imageUrl: '', imageAlt: '', imageCaption: '', imageCredit: '', imageMediaId: null, agency: '', seoTitle: '', seoDescription: '',
    commentsOpen: true,
  }
}
