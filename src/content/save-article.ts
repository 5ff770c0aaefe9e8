// Creating or updating an article by slug: validate, render the body, file it, and announce the change.
import type { Db } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { DomainEvent, Events } from '../platform/events.js'
import { validationError, type FieldIssue } from '../platform/errors.js'
import { articleStatuses, reservedSlugs, slugify, slugPattern, type ArticleImage, type ArticleStatus } from './article.js'
import { htmlToText, renderMarkdown } from './markdown.js'
import { ensureAuthor, ensureSection, ensureTag, ensureTopic } from './taxonomy.store.js'
import { findArticleIdBySlug, setArticleLinks } from './article.store.js'
import { withLibraryImage } from './featured-image.js'

export interface ArticleInput {
  slug?: string | undefined
  headline: string
  standfirst: string
  /** Markdown. */
  body: string
  /** Section name; created when missing. */
  section: string
  topics?: string[] | undefined
  tags?: string[] | undefined
  authors?: string[] | undefined
  dateline?: string | undefined
  agency?: string | undefined
  status?: ArticleStatus | undefined
  publishedAt?: Date | undefined
  updatedAt?: Date | undefined
  image?: ArticleImage | undefined
  seoTitle?: string | undefined
  seoDescription?: string | undefined
  commentsOpen?: boolean | undefined
  corrections?: { kind: 'correction' | 'update'; text: string; createdAt: Date }[] | undefined
}

export const articleLimits = {
  headline: 200, standfirst: 600, body: 200_000, slug: 120, section: 60, topic: 80, tag: 60, author: 80,
  dateline: 80, agency: 120, seoTitle: 120, seoDescription: 320, imageText: 500, url: 2000, listItems: 20,
} as const

/** Every problem with the input at once, so an editor or an import report can show them together. */
export function checkArticleInput(input: ArticleInput): FieldIssue[] {
  const issues: FieldIssue[] = []
  const need = (field: string, value: unknown, max: number, required = true) => {
    if (typeof value !== 'string') {
      if (required || value !== undefined) issues.push({ field, message: `${field} must be text` })
      return
    }
    if (required && value.trim() === '') issues.push({ field, message: `${field} is required` })
    if (value.length > max) issues.push({ field, message: `${field} must be at most ${max} characters` })
    if (value.includes('\u0000')) issues.push({ field, message: `${field} contains a null character` })
  }
  need('headline', input.headline, articleLimits.headline)
  need('standfirst', input.standfirst, articleLimits.standfirst, false)
  need('body', input.body, articleLimits.body)
  need('section', input.section, articleLimits.section)
  need('dateline', input.dateline, articleLimits.dateline, false)
  need('agency', input.agency, articleLimits.agency, false)
  need('seoTitle', input.seoTitle, articleLimits.seoTitle, false)
  need('seoDescription', input.seoDescription, articleLimits.seoDescription, false)
  if (input.slug !== undefined) {
    if (typeof input.slug !== 'string' || !slugPattern.test(input.slug) || input.slug.length > articleLimits.slug) {
      issues.push({ field: 'slug', message: 'slug must be lowercase letters, digits and single hyphens' })
    }
  }
  if (typeof input.section === 'string' && reservedSlugs.has(slugify(input.section))) {
    issues.push({ field: 'section', message: `section "${input.section}" clashes with a reserved address` })
  }
  if (typeof input.section === 'string' && input.section.trim() && !slugify(input.section)) {
    issues.push({ field: 'section', message: 'section needs at least one letter or digit' })
  }
  for (const [field, max] of [['topics', articleLimits.topic], ['tags', articleLimits.tag], ['authors', articleLimits.author]] as const) {
    const list = input[field]
    if (list === undefined) continue
    if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || !v.trim() || v.length > max || !slugify(v))) {
      issues.push({ field, message: `${field} must be a list of names of at most ${max} characters` })
    } else if (list.length > articleLimits.listItems) {
      issues.push({ field, message: `${field} may have at most ${articleLimits.listItems} entries` })
    }
  }
  if (input.status !== undefined && !articleStatuses.includes(input.status)) {
    issues.push({ field: 'status', message: `status must be one of ${articleStatuses.join(', ')}` })
  }
  for (const field of ['publishedAt', 'updatedAt'] as const) {
    const value = input[field]
    if (value !== undefined && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
      issues.push({ field, message: `${field} must be an ISO 8601 date and time` })
    }
  }
  if ((input.status ?? 'published') !== 'draft' && !input.publishedAt) {
    issues.push({ field: 'publishedAt', message: 'publishedAt is required unless the article is a draft' })
  }
  if (input.image) {
    const { url, alt } = input.image
    if (typeof url !== 'string' || !/^(https?:\/\/|\/)[^\s]+$/.test(url) || url.length > articleLimits.url) {
      issues.push({ field: 'image.url', message: 'image.url must be an http(s) URL or a site path' })
    }
    if (typeof alt !== 'string' || !alt.trim()) issues.push({ field: 'image.alt', message: 'image.alt is required' })
    for (const key of ['alt', 'caption', 'credit'] as const) {
      const v = input.image[key]
      if (v !== undefined && (typeof v !== 'string' || v.length > articleLimits.imageText)) {
        issues.push({ field: `image.${key}`, message: `image.${key} must be text of at most ${articleLimits.imageText} characters` })
      }
    }
  }
  return issues
}

export interface WriteResult {
  id: number
  sectionId: number
  created: boolean
  event: DomainEvent | undefined
}

/**
 * Ids of names already found or created, by kind and name, for a bulk writer (an import) that files thousands of
 * articles under the same few sections and tags. Valid only while what it learnt is committed: clear it when a
 * transaction that filled it rolls back.
 */
export type NameIds = Map<string, number>

/** The article row and links an input describes, with its section, topics, tags and authors found or created. */
export async function resolveArticleValues(db: Db, input: ArticleInput, at: string, known?: NameIds, rendered?: string) {
  const remembered = async (kind: string, name: string, find: () => Promise<number>) => {
    if (!known) return find()
    const key = `${kind}\u0000${name}`
    let id = known.get(key)
    if (id === undefined) known.set(key, (id = await find()))
    return id
  }
  const sectionId = await remembered('section', input.section.trim(), () => ensureSection(db, { slug: slugify(input.section), name: input.section.trim() }, at))
  const ids = async (kind: string, names: string[] | undefined, ensureOne: (n: { slug: string; name: string }) => Promise<number>) => {
    const out: number[] = []
    for (const name of names ?? []) out.push(await remembered(kind, name.trim(), () => ensureOne({ slug: slugify(name), name: name.trim() })))
    return out
  }
  const topicIds = await ids('topic', input.topics, (n) => ensureTopic(db, n, at))
  const tagIds = await ids('tag', input.tags, (n) => ensureTag(db, n))
  const authorIds = await ids('author', input.authors, (n) => ensureAuthor(db, n, at))

  const bodyHtml = rendered ?? renderMarkdown(input.body)
  const status = input.status ?? 'published'
  // A picture from the media library takes its address and size from the library.
  const image = await withLibraryImage(db, input.image)
  const values = {
    section_id: sectionId,
    headline: input.headline.trim(),
    standfirst: (input.standfirst ?? '').trim(),
    body_md: input.body,
    body_html: bodyHtml,
    body_text: htmlToText(bodyHtml),
    dateline: input.dateline?.trim() ?? '',
    agency: input.agency?.trim() ?? '',
    image_url: image?.url ?? null,
    image_alt: image?.alt ?? '',
    image_caption: image?.caption ?? '',
    image_credit: image?.credit ?? '',
    image_width: image?.width ?? null,
    image_height: image?.height ?? null,
    image_media_id: image?.mediaId ?? null,
    status,
    published_at: input.publishedAt?.toISOString() ?? null,
    updated_at: input.updatedAt?.toISOString() ?? null,
    seo_title: input.seoTitle ?? '',
    seo_description: input.seoDescription ?? '',
    comments_open: input.commentsOpen === false ? 0 : 1,
    modified_at: at,
  }
  return { values, links: { topicIds, tagIds, authorIds } }
}

/** Which of these slugs articles already hold. */
export async function takenSlugs(db: Db, slugs: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>()
  for (let i = 0; i < slugs.length; i += 500) {
    const rows = await db.selectFrom('article').select('slug').where('slug', 'in', slugs.slice(i, i + 500)).execute()
    for (const r of rows) taken.add(r.slug)
  }
  return taken
}

/**
 * Writes a batch inside the caller's transaction, upserting by slug like `writeArticle`: the articles that are new go in
 * together (`insertNewArticles`), the rest one by one in their order (a slug given twice: the later one updates).
 */
export async function writeArticles(
  db: Db, inputs: readonly ArticleInput[], now: Date, known?: NameIds,
  /** `renderMarkdown(inputs[i].body)` for each input, when the caller rendered them already. */
  bodies?: readonly string[],
): Promise<WriteResult[]> {
  const slugOf = (input: ArticleInput) => input.slug ?? slugify(input.headline)
  const taken = await takenSlugs(db, inputs.map(slugOf).filter(Boolean))
  const fresh: NewArticle[] = []
  const freshAt: number[] = []
  const rest: number[] = []
  inputs.forEach((input, i) => {
    const slug = slugOf(input)
    if (slug && !taken.has(slug)) {
      taken.add(slug)
      fresh.push({ input, slug, bodyHtml: bodies?.[i] })
      freshAt.push(i)
    } else rest.push(i)
  })
  const out: WriteResult[] = new Array(inputs.length)
  const inserted = await insertNewArticles(db, fresh, now, known)
  inserted.forEach((r, j) => { out[freshAt[j]!] = r })
  for (const i of rest) out[i] = await writeArticle(db, inputs[i]!, now, known)
  return out
}

/** Writes one article inside the caller's transaction; the caller emits `event` after committing. */
export async function writeArticle(db: Db, given: ArticleInput, now: Date, known?: NameIds): Promise<WriteResult> {
  const input = given.image?.mediaId == null ? given : { ...given, image: await withLibraryImage(db, given.image) }
  const issues = checkArticleInput(input)
  if (issues.length) throw validationError(issues)
  const at = now.toISOString()
  const slug = input.slug ?? slugify(input.headline)
  if (!slug) throw validationError([{ field: 'headline', message: 'headline needs at least one letter or digit' }])
  const { values, links } = await resolveArticleValues(db, input, at, known)
  const status = values.status

  const existingId = await findArticleIdBySlug(db, slug)
  let id: number
  let before: ArticleStatus | undefined
  if (existingId !== undefined) {
    const prior = await db.selectFrom('article').select('status').where('id', '=', existingId).executeTakeFirstOrThrow()
    before = prior.status
    await db.updateTable('article').set(values).where('id', '=', existingId).execute()
    id = existingId
  } else {
    const row = await db.insertInto('article').values({ ...values, slug, created_at: at }).returning('id').executeTakeFirstOrThrow()
    id = row.id
  }
  await setArticleLinks(db, id, links)
  if (input.corrections) {
    await db.deleteFrom('correction').where('article_id', '=', id).execute()
    if (input.corrections.length) {
      await db.insertInto('correction').values(input.corrections.map((c) => ({
        article_id: id, kind: c.kind, text: c.text, created_at: c.createdAt.toISOString(),
      }))).execute()
    }
  }
  return { id, sectionId: values.section_id, created: existingId === undefined, event: changeEvent(id, before, status) }
}

/** Publishing or withdrawing changes every list, so it purges the site; an edit purges the article's pages. */
function changeEvent(articleId: number, before: ArticleStatus | undefined, after: ArticleStatus): DomainEvent | undefined {
  if (after === 'published' && before !== 'published') return { type: 'article.published', articleId, tags: ['site'] }
  if (after !== 'published' && before === 'published') return { type: 'article.unpublished', articleId, tags: ['site'] }
  if (after === 'published') return { type: 'article.updated', articleId, tags: [`article:${articleId}`, 'site'] }
  return undefined
}

export async function saveArticle(
  { db, clock, events }: { db: Db; clock: Clock; events: Events }, input: ArticleInput,
): Promise<WriteResult> {
  const result = await db.transaction().execute((trx) => writeArticle(trx, input, clock.now()))
  if (result.event) await events.emit(result.event)
  return result
}

/** A new article for `insertNewArticles`; `commentCount` is the approved comments the caller will add with it. */
export interface NewArticle {
  input: ArticleInput
  slug: string
  commentCount?: number | undefined
  /** `renderMarkdown(input.body)`, when the caller rendered it already (an import renders on a worker thread). */
  bodyHtml?: string | undefined
}

// Rows a multi-row insert carries: well under SQLite's 32,766 bound parameters and PostgreSQL's 65,535 at ~30 columns.
const insertChunk = 200

/**
 * Inserts many new articles (slugs known to be free) with a handful of statements instead of several per article: how
 * an import reaches hundreds of articles a second on PostgreSQL, where every statement is a round trip. The search
 * vectors are computed by the database in the same statements. Runs in the caller's transaction.
 * @returns the articles' ids, in the order given
 */
export async function insertNewArticles(db: Db, articles: readonly NewArticle[], now: Date, known?: NameIds): Promise<WriteResult[]> {
  const at = now.toISOString()
  if (new Set(articles.map((a) => a.slug)).size !== articles.length) throw new Error('insertNewArticles: slugs must be distinct')
  const resolved = []
  for (const a of articles) {
    const input = a.input.image?.mediaId == null ? a.input : { ...a.input, image: await withLibraryImage(db, a.input.image) }
    const issues = checkArticleInput(input)
    if (issues.length) throw validationError(issues)
    resolved.push({ ...(await resolveArticleValues(db, input, at, known, a.bodyHtml)), a, input })
  }
  const ids = new Map<string, number>()
  for (let i = 0; i < resolved.length; i += insertChunk) {
    const rows = await db.insertInto('article')
      .values(resolved.slice(i, i + insertChunk).map((r) => ({ ...r.values, slug: r.a.slug, created_at: at, comment_count: r.a.commentCount ?? 0 })))
      .returning(['id', 'slug']).execute()
    for (const row of rows) ids.set(row.slug, row.id)
  }
  const unique = (list: number[]) => [...new Set(list)]
  const topics = [], tags = [], authors = [], corrections = []
  for (const r of resolved) {
    const article_id = ids.get(r.a.slug)!
    topics.push(...unique(r.links.topicIds).map((topic_id, position) => ({ article_id, topic_id, position })))
    tags.push(...unique(r.links.tagIds).map((tag_id) => ({ article_id, tag_id })))
    authors.push(...unique(r.links.authorIds).map((author_id, position) => ({ article_id, author_id, position })))
    corrections.push(...(r.input.corrections ?? []).map((c) => ({ article_id, kind: c.kind, text: c.text, created_at: c.createdAt.toISOString() })))
  }
  for (let i = 0; i < topics.length; i += insertChunk * 5) await db.insertInto('article_topic').values(topics.slice(i, i + insertChunk * 5)).execute()
  for (let i = 0; i < tags.length; i += insertChunk * 5) await db.insertInto('article_tag').values(tags.slice(i, i + insertChunk * 5)).execute()
  for (let i = 0; i < authors.length; i += insertChunk * 5) await db.insertInto('article_author').values(authors.slice(i, i + insertChunk * 5)).execute()
  for (let i = 0; i < corrections.length; i += insertChunk) await db.insertInto('correction').values(corrections.slice(i, i + insertChunk)).execute()
  return resolved.map((r) => {
    const id = ids.get(r.a.slug)!
    return { id, sectionId: r.values.section_id, created: true, event: changeEvent(id, undefined, r.values.status) }
  })
}
