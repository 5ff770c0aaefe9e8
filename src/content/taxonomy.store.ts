// Sections, topics, tags and authors: the names articles are filed under.
import { sql } from 'kysely'
import type { Db } from '../platform/db/index.js'
import type { Author, Section, TagRef, Topic } from './article.js'
import { validationError } from '../platform/errors.js'
import { findPageIdBySlug } from './page.store.js'

export async function listSections(db: Db): Promise<Section[]> {
  return db.selectFrom('section').select(['id', 'slug', 'name', 'description', 'position'])
    .orderBy('position').orderBy('name').execute()
}

export async function findSectionBySlug(db: Db, slug: string): Promise<Section | undefined> {
  return db.selectFrom('section').select(['id', 'slug', 'name', 'description', 'position']).where('slug', '=', slug).executeTakeFirst()
}

export async function findTopicBySlug(db: Db, slug: string): Promise<Topic | undefined> {
  return db.selectFrom('topic').select(['id', 'slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst()
}

export async function findTagBySlug(db: Db, slug: string): Promise<TagRef | undefined> {
  return db.selectFrom('tag').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst()
}

export async function findAuthorBySlug(db: Db, slug: string): Promise<Author | undefined> {
  return db.selectFrom('author').select(['id', 'slug', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst()
}

export async function listAuthors(db: Db): Promise<Author[]> {
  return db.selectFrom('author').select(['id', 'slug', 'name', 'bio']).orderBy('name').execute()
}

/** Topics with a published article, most recently active first. */
export async function listActiveTopics(db: Db, limit: number): Promise<(Topic & { latest: string })[]> {
  const rows = await db.selectFrom('topic')
    .innerJoin('article_topic', 'article_topic.topic_id', 'topic.id')
    .innerJoin('article', 'article.id', 'article_topic.article_id')
    .where('article.status', '=', 'published')
    .select((eb) => ['topic.id', 'topic.slug', 'topic.name', 'topic.description', eb.fn.max('article.published_at').as('latest')])
    .groupBy(['topic.id', 'topic.slug', 'topic.name', 'topic.description'])
    .orderBy('latest', 'desc').limit(limit).execute()
  return rows.map((r) => ({ ...r, latest: String(r.latest) }))
}

export async function listTopics(db: Db): Promise<Topic[]> {
  return db.selectFrom('topic').select(['id', 'slug', 'name', 'description']).orderBy('name').execute()
}

type Named = { slug: string; name: string }

/** The id of the row with this slug or exact name, creating it when missing; an existing row keeps its name. */
async function ensure(db: Db, table: 'section' | 'topic' | 'tag' | 'author', value: Named, extra: Record<string, unknown>): Promise<number> {
  const existing = await db.selectFrom(table).select('id')
    .where((eb) => eb.or([eb('slug', '=', value.slug), eb('name', '=', value.name)])).orderBy('id').executeTakeFirst()
  if (existing) return existing.id
  if (table === 'section' && await findPageIdBySlug(db, value.slug) !== undefined) {
    throw validationError([{ field: 'section', message: `section "${value.name}" clashes with the page at /${value.slug}/` }])
  }
  const row = await db.insertInto(table).values({ slug: value.slug, name: value.name, ...extra } as never)
    .onConflict((oc) => oc.column('slug').doNothing()).returning('id').executeTakeFirst()
  if (row) return row.id
  const again = await db.selectFrom(table).select('id').where('slug', '=', value.slug).executeTakeFirstOrThrow()
  return again.id
}

export const ensureSection = (db: Db, s: Named & { description?: string; position?: number }, now: string) =>
  ensure(db, 'section', s, { description: s.description ?? '', position: s.position ?? 100, created_at: now })
export const ensureTopic = (db: Db, t: Named & { description?: string }, now: string) =>
  ensure(db, 'topic', t, { description: t.description ?? '', created_at: now })
export const ensureTag = (db: Db, t: Named) => ensure(db, 'tag', t, {})
export const ensureAuthor = (db: Db, a: Named & { bio?: string }, now: string) =>
  ensure(db, 'author', a, { bio: a.bio ?? '', created_at: now })

// ── The newsroom's management of names: lists with counts, create, rename with redirects, remove ──

export type TaxonomyKind = 'section' | 'topic' | 'tag' | 'author'

/** A section, topic, tag or author as the newsroom lists it; `description` is an author's bio. */
export interface Term {
  kind: TaxonomyKind
  id: number
  slug: string
  name: string
  description: string
  position: number
  /** Articles filed under it, in any status. */
  articleCount: number
}

async function countsFor(db: Db, kind: TaxonomyKind): Promise<Map<number, number>> {
  const rows = await (() => {
    switch (kind) {
      case 'section': return db.selectFrom('article').select((eb) => ['section_id as id', eb.fn.countAll<number>().as('n')]).groupBy('section_id').execute()
      case 'topic': return db.selectFrom('article_topic').select((eb) => ['topic_id as id', eb.fn.countAll<number>().as('n')]).groupBy('topic_id').execute()
      case 'tag': return db.selectFrom('article_tag').select((eb) => ['tag_id as id', eb.fn.countAll<number>().as('n')]).groupBy('tag_id').execute()
      case 'author': return db.selectFrom('article_author').select((eb) => ['author_id as id', eb.fn.countAll<number>().as('n')]).groupBy('author_id').execute()
    }
  })()
  return new Map(rows.map((r) => [Number(r.id), Number(r.n)]))
}

async function termRows(db: Db, kind: TaxonomyKind, id?: number) {
  switch (kind) {
    case 'section': {
      let q = db.selectFrom('section').select(['id', 'slug', 'name', 'description', 'position']).orderBy('position').orderBy('name')
      if (id !== undefined) q = q.where('id', '=', id)
      return q.execute()
    }
    case 'topic': {
      let q = db.selectFrom('topic').select(['id', 'slug', 'name', 'description']).orderBy('name')
      if (id !== undefined) q = q.where('id', '=', id)
      return (await q.execute()).map((r) => ({ ...r, position: 0 }))
    }
    case 'tag': {
      let q = db.selectFrom('tag').select(['id', 'slug', 'name']).orderBy('name')
      if (id !== undefined) q = q.where('id', '=', id)
      return (await q.execute()).map((r) => ({ ...r, description: '', position: 0 }))
    }
    case 'author': {
      let q = db.selectFrom('author').select(['id', 'slug', 'name', 'bio as description']).orderBy('name')
      if (id !== undefined) q = q.where('id', '=', id)
      return (await q.execute()).map((r) => ({ ...r, position: 0 }))
    }
  }
}

/** Every section, topic, tag or author with how many articles it files. */
export async function listTerms(db: Db, kind: TaxonomyKind): Promise<Term[]> {
  const [rows, counts] = await Promise.all([termRows(db, kind), countsFor(db, kind)])
  return rows.map((r) => ({ kind, ...r, articleCount: counts.get(r.id) ?? 0 }))
}

export async function findTerm(db: Db, kind: TaxonomyKind, id: number): Promise<Term | undefined> {
  const [row] = await termRows(db, kind, id)
  if (!row) return undefined
  const counts = await countsFor(db, kind)
  return { kind, ...row, articleCount: counts.get(row.id) ?? 0 }
}

export async function findTermIdBySlug(db: Db, kind: TaxonomyKind, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom(kind).select('id').where('slug', '=', slug).executeTakeFirst()
  return row?.id
}

export interface TermValues {
  slug: string
  name: string
  description: string
  position?: number | undefined
}

function columns(kind: TaxonomyKind, v: TermValues): Record<string, unknown> {
  const base = { slug: v.slug, name: v.name }
  if (kind === 'section') return { ...base, description: v.description, ...(v.position !== undefined ? { position: v.position } : {}) }
  if (kind === 'topic') return { ...base, description: v.description }
  if (kind === 'author') return { ...base, bio: v.description }
  return base
}

export async function insertTerm(db: Db, kind: TaxonomyKind, v: TermValues, now: string): Promise<number> {
  const extra = kind === 'tag' ? {} : { created_at: now, ...(kind === 'section' ? { position: v.position ?? 100 } : {}) }
  const row = await db.insertInto(kind).values({ ...columns(kind, v), ...extra } as never).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function updateTerm(db: Db, kind: TaxonomyKind, id: number, v: TermValues): Promise<void> {
  await db.updateTable(kind).set(columns(kind, v) as never).where('id', '=', id).execute()
}

/** Removes the row; link rows go with it (foreign keys cascade), and redirects that led to it now lead nowhere. */
export async function deleteTerm(db: Db, kind: TaxonomyKind, id: number, slug: string): Promise<void> {
  await db.deleteFrom(kind).where('id', '=', id).execute()
  await db.deleteFrom('slug_redirect').where('kind', '=', kind).where('new_slug', '=', slug).execute()
}

export type RedirectKind = TaxonomyKind | 'article' | 'page' | 'path'

/**
 * Remembers that `oldSlug` now lives at `newSlug`. Earlier redirects to the old slug are pointed at the new one so a
 * reader never follows a chain, and a redirect away from the new slug is dropped because that address is live again.
 */
export async function recordSlugRedirect(db: Db, kind: RedirectKind, oldSlug: string, newSlug: string, now: string): Promise<void> {
  if (oldSlug === newSlug) return
  await db.deleteFrom('slug_redirect').where('kind', '=', kind).where('old_slug', '=', newSlug).execute()
  await db.updateTable('slug_redirect').set({ new_slug: newSlug }).where('kind', '=', kind).where('new_slug', '=', oldSlug).execute()
  await db.insertInto('slug_redirect').values({ kind, old_slug: oldSlug, new_slug: newSlug, created_at: now })
    .onConflict((oc) => oc.columns(['kind', 'old_slug']).doUpdateSet({ new_slug: newSlug, created_at: now })).execute()
}

/** Drops any redirect away from a slug that a new row has just taken. */
export async function clearSlugRedirect(db: Db, kind: RedirectKind, slug: string): Promise<void> {
  await db.deleteFrom('slug_redirect').where('kind', '=', kind).where('old_slug', '=', slug).execute()
}

/** Where an old slug of this kind lives now, if it was renamed. */
export async function findSlugRedirect(db: Db, kind: RedirectKind, oldSlug: string): Promise<string | undefined> {
  const row = await db.selectFrom('slug_redirect').select('new_slug').where('kind', '=', kind).where('old_slug', '=', oldSlug).executeTakeFirst()
  return row?.new_slug
}

/**
 * Topics, tags or authors with at least one article readers can see at `now`, by name: a name used only by drafts
 * (a tag for a story still being written) stays inside the newsroom.
 */
export async function listUsedTerms(db: Db, kind: 'topic' | 'tag' | 'author', now: Date): Promise<{ slug: string; name: string; description: string }[]> {
  const at = now.toISOString()
  // One indexed probe per term that stops at its first visible article, rather than gathering every published article.
  switch (kind) {
    case 'topic':
      return db.selectFrom('topic').select(['slug', 'name', 'description'])
        .where(({ exists, selectFrom }) => exists(selectFrom('article_topic').innerJoin('article', 'article.id', 'article_topic.article_id')
          .select('article.id').whereRef('article_topic.topic_id', '=', 'topic.id').where('article.status', '=', 'published').where('article.published_at', '<=', at)))
        .orderBy('name').execute()
    case 'tag':
      return db.selectFrom('tag').select(['slug', 'name', sql<string>`''`.as('description')])
        .where(({ exists, selectFrom }) => exists(selectFrom('article_tag').innerJoin('article', 'article.id', 'article_tag.article_id')
          .select('article.id').whereRef('article_tag.tag_id', '=', 'tag.id').where('article.status', '=', 'published').where('article.published_at', '<=', at)))
        .orderBy('name').execute()
    case 'author':
      return db.selectFrom('author').select(['slug', 'name', 'bio as description'])
        .where(({ exists, selectFrom }) => exists(selectFrom('article_author').innerJoin('article', 'article.id', 'article_author.article_id')
          .select('article.id').whereRef('article_author.author_id', '=', 'author.id').where('article.status', '=', 'published').where('article.published_at', '<=', at)))
        .orderBy('name').execute()
  }
}
