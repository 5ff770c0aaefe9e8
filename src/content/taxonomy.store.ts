// Sections, topics, tags and authors: the names articles are filed under.
import type { Db } from '../platform/db/index.js'
import type { Author, Section, TagRef, Topic } from './article.js'

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
