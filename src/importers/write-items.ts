// Writes converted items through the content use cases, a batch per transaction: each item with its source identity,
// comments and old addresses lands whole or not at all, so an import stopped anywhere and run again ends the same.
import type { Deps } from '../platform/deps.js'
import type { Insertable } from 'kysely'
import type { Db, CommentStatus, CommentTable, ImportKind, ImportSourceTable } from '../platform/db/index.js'
import { DomainError } from '../platform/errors.js'
import { enqueueJob } from '../platform/jobs/index.js'
import {
  checkArticleInput, checkPageInput, insertNewArticles, renderMarkdown, takenSlugs, publishJobKey, publishJobKind, recordOldAddresses, reservedSlugs, slugify, writeArticle, writePage,
  type ArticleInput, type NameIds, type PageInput,
} from '../content/index.js'
import { commentLimits, emailHashOf, normaliseText } from '../comments/index.js'
import { renderImportedComment } from './comment-render.js'
import { countInto, type ImportReport, type ProgressListener } from './import-report.js'
import { stripControls } from './html-to-markdown.js'

/** Where an export came from; with an item's id it names the item for good. */
export interface ImportSource {
  platform: 'wordpress' | 'ghost'
  /** The old site's address as the export gives it. */
  site: string
}

export interface ImportedComment {
  sourceId: string
  /** The comment replied to, by its id in the export; it may come later in the file. */
  parentSourceId: string | undefined
  authorName: string
  authorEmail: string
  authorWebsite: string
  /** Plain text, paragraphs separated by blank lines. */
  body: string
  status: CommentStatus
  createdAt: Date
  /** The body already cleaned and rendered (renderImportedComment, on a worker thread); stored as given. */
  rendered?: { body: string; html: string } | undefined
}

export interface ImportedItem {
  /** Where the item starts in the file, for the report. */
  line: number
  sourceId: string
  title: string
  kind: 'article' | 'page'
  article?: ArticleInput | undefined
  page?: PageInput | undefined
  /** `renderMarkdown(article.body)`, when a worker thread has already rendered it. */
  bodyHtml?: string | undefined
  /** The item's addresses on the old site; each will answer 301 to its new address. */
  oldAddresses: string[]
  comments: ImportedComment[]
}

export type WriterDeps = Pick<Deps, 'db' | 'clock' | 'events' | 'secret'>

export interface ItemWriter {
  add(item: ImportedItem): Promise<void>
  /** An old address (a category, tag or author page) that should lead to a new path. */
  redirect(oldAddress: string, newPath: string): void
  /** An item left out, with why; it still counts towards the progress. `deliberate` when the rules leave it out (a private post). */
  skip(line: number, title: string, reason: string, deliberate?: boolean): void
  /** Writes what is waiting, so what follows can see it. */
  flush(): Promise<void>
  finish(): Promise<void>
}

export async function findImported(db: Db, source: ImportSource, kind: ImportKind, sourceId: string): Promise<number | undefined> {
  const row = await db.selectFrom('import_source').select('target_id')
    .where('platform', '=', source.platform).where('site', '=', source.site).where('kind', '=', kind).where('source_id', '=', sourceId)
    .executeTakeFirst()
  return row?.target_id
}

/** The Dateline ids the articles of a written batch now have. */
async function importedArticleIds(db: Db, source: ImportSource, items: readonly ImportedItem[]): Promise<number[]> {
  const sourceIds = items.filter((i) => i.kind === 'article').map((i) => i.sourceId)
  if (!sourceIds.length) return []
  const rows = await db.selectFrom('import_source').select('target_id')
    .where('platform', '=', source.platform).where('site', '=', source.site).where('kind', '=', 'article').where('source_id', 'in', sourceIds)
    .execute()
  return rows.map((r) => r.target_id)
}

export async function rememberImported(db: Db, source: ImportSource, kind: ImportKind, sourceId: string, targetId: number, now: string): Promise<void> {
  await db.insertInto('import_source').values({ platform: source.platform, site: source.site, kind, source_id: sourceId, target_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['platform', 'site', 'kind', 'source_id']).doUpdateSet({ target_id: targetId })).execute()
}

const maxSuffix = 50

/** A slug no other article holds: the export's own when free, else with -2, -3… (the old address still redirects to it). */
async function freeArticleSlug(db: Db, wanted: string, sourceId: string): Promise<string> {
  for (let n = 1; n <= maxSuffix; n++) {
    const slug = n === 1 ? wanted : `${wanted.slice(0, 110)}-${n}`
    if (!(await db.selectFrom('article').select('id').where('slug', '=', slug).executeTakeFirst())) return slug
  }
  return `${wanted.slice(0, 100)}-${slugify(sourceId) || 'x'}`
}

/** A page slug clear of sections, reserved addresses and other pages. */
async function freePageSlug(db: Db, wanted: string): Promise<string> {
  for (let n = 1; n <= maxSuffix; n++) {
    const slug = n === 1 ? wanted : n === 2 ? `${wanted.slice(0, 110)}-page` : `${wanted.slice(0, 110)}-page-${n - 1}`
    if (reservedSlugs.has(slug)) continue
    const [section, page] = await Promise.all([
      db.selectFrom('section').select('id').where('slug', '=', slug).executeTakeFirst(),
      db.selectFrom('page').select('id').where('slug', '=', slug).executeTakeFirst(),
    ])
    if (!section && !page) return slug
  }
  throw new DomainError('VALIDATION', `no free address for the page "${wanted}"`)
}

const plainWebsite = (url: string) => (/^https?:\/\/[^\s<>"]+$/i.test(url.trim()) && url.trim().length <= commentLimits.website ? url.trim() : '')

/** Comments in an order where every parent comes before its replies, however the export ordered them. */
export function threadOrder(comments: ImportedComment[]): ImportedComment[] {
  const ids = new Set(comments.map((c) => c.sourceId))
  const children = new Map<string, ImportedComment[]>()
  const roots: ImportedComment[] = []
  for (const c of comments) {
    const parent = c.parentSourceId && c.parentSourceId !== c.sourceId && ids.has(c.parentSourceId) ? c.parentSourceId : undefined
    if (parent) children.set(parent, [...(children.get(parent) ?? []), c])
    else roots.push(c)
  }
  const out: ImportedComment[] = []
  const seen = new Set<string>()
  const visit = (c: ImportedComment) => {
    if (seen.has(c.sourceId)) return
    seen.add(c.sourceId)
    out.push(c)
    for (const r of children.get(c.sourceId) ?? []) visit(r)
  }
  for (const r of roots.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) visit(r)
  // A cycle of replies (a broken export) has no root: its comments become top-level rather than vanish.
  for (const c of comments) if (!seen.has(c.sourceId)) visit({ ...c, parentSourceId: undefined })
  return out
}

const maxDepth = 5

/** The row an imported comment becomes: text cleaned and limited like a reader's, the email kept only for moderation. */
function commentRow(deps: WriterDeps, c: ImportedComment, articleId: number, parent: { id: number; threadId: number } | undefined, depth: number): Insertable<CommentTable> {
  const { body, html } = c.rendered ?? renderImportedComment(c.body)
  const email = stripControls(c.authorEmail).trim().toLowerCase().slice(0, commentLimits.email)
  const created = c.createdAt.toISOString()
  return {
    article_id: articleId, parent_id: parent?.id ?? null, thread_id: parent?.threadId ?? null, depth,
    author_name: normaliseText(stripControls(c.authorName)).slice(0, commentLimits.name) || 'Anonymous',
    author_email: email || null, email_hash: email ? emailHashOf(deps.secret, email) : null,
    author_website: plainWebsite(c.authorWebsite), body, body_html: html, status: c.status, previous_status: null,
    reason: 'imported', ip_hash: '', staff_user_id: null, notify: 0, created_at: created, updated_at: created,
  }
}

async function writeComments(db: Db, deps: WriterDeps, source: ImportSource, articleId: number, comments: ImportedComment[], report: ImportReport, at: string) {
  if (!comments.length) return
  const known = new Map<string, { id: number; depth: number; threadId: number }>()
  const existing = await db.selectFrom('import_source').innerJoin('comment', 'comment.id', 'import_source.target_id')
    .select(['import_source.source_id', 'comment.id', 'comment.depth', 'comment.thread_id'])
    .where('platform', '=', source.platform).where('site', '=', source.site).where('kind', '=', 'comment')
    .where('source_id', 'in', comments.map((c) => c.sourceId)).execute()
  for (const e of existing) known.set(e.source_id, { id: e.id, depth: e.depth, threadId: e.thread_id ?? e.id })
  let added = false
  const remembered: Insertable<ImportSourceTable>[] = []
  for (const c of threadOrder(comments)) {
    if (known.has(c.sourceId)) {
      report.comments.existing++
      continue
    }
    const parent = c.parentSourceId ? known.get(c.parentSourceId) : undefined
    const depth = parent ? Math.min(parent.depth + 1, maxDepth) : 0
    const row = await db.insertInto('comment').values(commentRow(deps, c, articleId, parent, depth)).returning('id').executeTakeFirstOrThrow()
    const threadId = parent?.threadId ?? row.id
    if (!parent) await db.updateTable('comment').set({ thread_id: row.id }).where('id', '=', row.id).execute()
    remembered.push({ platform: source.platform, site: source.site, kind: 'comment' as const, source_id: c.sourceId, target_id: row.id, created_at: at })
    known.set(c.sourceId, { id: row.id, depth, threadId })
    report.comments.created++
    added = true
  }
  if (remembered.length) await db.insertInto('import_source').values(remembered).execute()
  if (added) {
    await db.updateTable('article').set((eb) => ({
      comment_count: eb.selectFrom('comment').select((e) => e.fn.countAll<number>().as('n'))
        .where('comment.article_id', '=', articleId).where('comment.status', '=', 'approved'),
    })).where('id', '=', articleId).execute()
  }
}

async function writeItem(db: Db, deps: WriterDeps, source: ImportSource, item: ImportedItem, report: ImportReport, now: Date, known: NameIds): Promise<'created' | 'updated'> {
  const at = now.toISOString()
  const mapped = await findImported(db, source, item.kind, item.sourceId)
  let path: string
  let created: boolean
  if (item.kind === 'article') {
    const input = item.article!
    const current = mapped === undefined ? undefined
      : await db.selectFrom('article').select('slug').where('id', '=', mapped).executeTakeFirst()
    // A re-import keeps the address the first import gave; a new item takes the export's slug when free.
    const slug = current?.slug ?? await freeArticleSlug(db, input.slug!, item.sourceId)
    const result = await writeArticle(db, { ...input, slug }, now, known)
    created = current === undefined
    if (created) await rememberImported(db, source, 'article', item.sourceId, result.id, at)
    if (input.status === 'scheduled' && input.publishedAt) {
      await enqueueJob(db, { kind: publishJobKind, payload: { articleId: result.id }, runAt: input.publishedAt, key: publishJobKey(result.id) }, now)
    }
    const row = await db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
      .select(['article.slug', 'section.slug as section']).where('article.id', '=', result.id).executeTakeFirstOrThrow()
    path = `/${row.section}/${row.slug}/`
    await writeComments(db, deps, source, result.id, item.comments, report, at)
  } else {
    const input = item.page!
    const current = mapped === undefined ? undefined : await db.selectFrom('page').select('slug').where('id', '=', mapped).executeTakeFirst()
    const slug = current?.slug ?? await freePageSlug(db, input.slug!)
    const result = await writePage(db, { ...input, slug }, now, current ? mapped : undefined)
    created = current === undefined
    if (created) await rememberImported(db, source, 'page', item.sourceId, result.id, at)
    path = `/${slug}/`
  }
  report.redirects += await recordOldAddresses(db, item.oldAddresses.map((old) => [old, path] as const), at)
  return created ? 'created' : 'updated'
}

/** Every import_source row of a kind for these source ids, in one query a chunk. */
async function importedIds(db: Db, source: ImportSource, kind: ImportKind, sourceIds: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  for (let i = 0; i < sourceIds.length; i += 500) {
    const rows = await db.selectFrom('import_source').select(['source_id', 'target_id'])
      .where('platform', '=', source.platform).where('site', '=', source.site).where('kind', '=', kind)
      .where('source_id', 'in', sourceIds.slice(i, i + 500)).execute()
    for (const r of rows) found.set(r.source_id, r.target_id)
  }
  return found
}

const rowsChunk = 400

/**
 * The new articles of a batch with all their comments, in a few multi-row statements whatever the batch's size; the
 * comments go in a generation at a time (every comment's parent is written before it). Comment counts are known up
 * front, so no article row is written twice (on PostgreSQL a second write recomputes its search vectors).
 */
async function writeNewArticles(db: Db, deps: WriterDeps, source: ImportSource, items: readonly ImportedItem[], report: ImportReport, now: Date, known: NameIds): Promise<void> {
  const at = now.toISOString()
  // A comment id seen in an earlier import (the same thread exported twice) is not written again; replies to it attach to it.
  const commentsOf = items.map((item) => threadOrder(item.comments))
  const placed = new Map<string, { id: number; depth: number; threadId: number; articleId: number }>()
  const allIds = commentsOf.flat().map((c) => c.sourceId)
  for (let i = 0; i < allIds.length; i += 500) {
    const rows = await db.selectFrom('import_source').innerJoin('comment', 'comment.id', 'import_source.target_id')
      .select(['import_source.source_id', 'comment.id', 'comment.depth', 'comment.thread_id', 'comment.article_id'])
      .where('platform', '=', source.platform).where('site', '=', source.site).where('kind', '=', 'comment')
      .where('source_id', 'in', allIds.slice(i, i + 500)).execute()
    for (const e of rows) placed.set(e.source_id, { id: e.id, depth: e.depth, threadId: e.thread_id ?? e.id, articleId: e.article_id })
  }
  // An import never writes the same comment twice, even when an export repeats an id.
  const seen = new Set<string>()
  const toWrite = commentsOf.map((list) => list.filter((c) => {
    if (placed.has(c.sourceId) || seen.has(c.sourceId)) {
      report.comments.existing++
      return false
    }
    seen.add(c.sourceId)
    return true
  }))
  const results = await insertNewArticles(db, items.map((item, i) => ({
    input: item.article!, slug: item.article!.slug!, bodyHtml: item.bodyHtml, commentCount: toWrite[i]!.filter((c) => c.status === 'approved').length,
  })), now, known)
  const articleIds = results.map((r) => r.id)
  const remembered: Insertable<ImportSourceTable>[] = items.map((item, i) => ({
    platform: source.platform, site: source.site, kind: 'article' as const, source_id: item.sourceId, target_id: articleIds[i]!, created_at: at,
  }))
  for (const [i, item] of items.entries()) {
    const input = item.article!
    if (input.status === 'scheduled' && input.publishedAt) {
      await enqueueJob(db, { kind: publishJobKind, payload: { articleId: articleIds[i]! }, runAt: input.publishedAt, key: publishJobKey(articleIds[i]!) }, now)
    }
  }
  const sectionIds = [...new Set(results.map((r) => r.sectionId))]
  const sections = new Map((await db.selectFrom('section').select(['id', 'slug']).where('id', 'in', sectionIds).execute()).map((s) => [s.id, s.slug]))
  const moves: [string, string][] = []
  items.forEach((item, i) => {
    const path = `/${sections.get(results[i]!.sectionId)}/${item.article!.slug}/`
    for (const old of item.oldAddresses) moves.push([old, path])
  })

  let pending = toWrite.flatMap((list, i) => list.map((c) => ({ c, articleId: articleIds[i]! })))
  const inBatch = new Set(pending.map(({ c }) => c.sourceId))
  const parentOf = (c: ImportedComment, articleId: number) => {
    const p = c.parentSourceId && c.parentSourceId !== c.sourceId ? placed.get(c.parentSourceId) : undefined
    return p && p.articleId === articleId ? p : undefined
  }
  while (pending.length) {
    // This generation: comments whose parent is written, or is not coming (they become top-level, as threadOrder says).
    const ready = new Set(pending.filter(({ c }) => !c.parentSourceId || placed.has(c.parentSourceId) || !inBatch.has(c.parentSourceId) || c.parentSourceId === c.sourceId))
    // threadOrder already broke cycles; should one remain, its first comment starts a thread rather than loop forever.
    if (!ready.size) ready.add(pending[0]!)
    const generation = [...ready]
    const waiting = pending.filter((p) => !ready.has(p))
    for (let g = 0; g < generation.length; g += rowsChunk) {
      const chunk = generation.slice(g, g + rowsChunk).map(({ c, articleId }) => {
        const parent = parentOf(c, articleId)
        return { c, articleId, parent, depth: parent ? Math.min(parent.depth + 1, maxDepth) : 0 }
      })
      const rows = await db.insertInto('comment').values(chunk.map(({ c, articleId, parent, depth }) => commentRow(deps, c, articleId, parent, depth))).returning('id').execute()
      // Ids are handed out in the order of the VALUES rows on both databases (SQLite's rowid, PostgreSQL's sequence).
      const ids = rows.map((r) => r.id).sort((a, b) => a - b)
      const roots: number[] = []
      chunk.forEach(({ c, articleId, parent, depth }, k) => {
        const id = ids[k]!
        placed.set(c.sourceId, { id, depth, threadId: parent?.threadId ?? id, articleId })
        if (!parent) roots.push(id)
        remembered.push({ platform: source.platform, site: source.site, kind: 'comment' as const, source_id: c.sourceId, target_id: id, created_at: at })
      })
      if (roots.length) await db.updateTable('comment').set((eb) => ({ thread_id: eb.ref('id') })).where('id', 'in', roots).execute()
      report.comments.created += chunk.length
    }
    pending = waiting
  }
  for (let i = 0; i < remembered.length; i += rowsChunk) {
    await db.insertInto('import_source').values(remembered.slice(i, i + rowsChunk))
      .onConflict((oc) => oc.columns(['platform', 'site', 'kind', 'source_id']).doUpdateSet((eb) => ({ target_id: eb.ref('excluded.target_id') }))).execute()
  }
  for (let i = 0; i < moves.length; i += 500) report.redirects += await recordOldAddresses(db, moves.slice(i, i + 500), at)
}

/** Writes a batch: new articles together (writeNewArticles), re-imported items and pages one by one. */
async function writeBatch(db: Db, deps: WriterDeps, source: ImportSource, items: readonly ImportedItem[], report: ImportReport, now: Date, known: NameIds): Promise<('created' | 'updated')[]> {
  const mapped = await importedIds(db, source, 'article', items.filter((i) => i.kind === 'article').map((i) => i.sourceId))
  const taken = await takenSlugs(db, items.flatMap((i) => (i.kind === 'article' && !mapped.has(i.sourceId) ? [i.article!.slug!] : [])))
  const fresh: ImportedItem[] = []
  const one: ImportedItem[] = []
  for (const item of items) {
    const slug = item.article?.slug
    if (item.kind === 'article' && slug && !mapped.has(item.sourceId) && !taken.has(slug)) {
      taken.add(slug)
      fresh.push(item)
    } else one.push(item)
  }
  // An item given twice in a batch is written once as new, then as an update.
  const firstAt = new Map<string, number>()
  const freshOnce = fresh.filter((item) => !firstAt.has(item.sourceId) && firstAt.set(item.sourceId, 1))
  one.push(...fresh.filter((item) => !freshOnce.includes(item)))
  if (freshOnce.length) await writeNewArticles(db, deps, source, freshOnce, report, now, known)
  const outcomes: ('created' | 'updated')[] = freshOnce.map(() => 'created')
  for (const item of one) outcomes.push(await writeItem(db, deps, source, item, report, now, known))
  return outcomes
}

/**
 * Collects items and writes them `batchSize` to a transaction; when a batch fails on something the checks could not
 * foresee, its items are written one by one and only the culprit is reported. A dry run checks and counts, writing nothing.
 * @example const w = itemWriter(deps, { platform: 'wordpress', site }, report, { total, onProgress }); await w.add(item); await w.finish()
 */
export function itemWriter(deps: WriterDeps, source: ImportSource, report: ImportReport, opts: {
  batchSize?: number; dryRun?: boolean; total?: number; onProgress?: ProgressListener | undefined
} = {}): ItemWriter {
  const batchSize = opts.batchSize ?? 500
  let batch: ImportedItem[] = []
  // Sections, tags and authors found or created so far; forgotten whenever a transaction that may have added some fails.
  const known: NameIds = new Map()
  let done = 0
  const redirects: [string, string][] = []
  const progress = (n: number) => {
    done += n
    opts.onProgress?.(done, Math.max(opts.total ?? done, done))
  }
  const tally = (outcome: 'created' | 'updated') => { if (outcome === 'created') report.created++; else report.updated++ }
  const skip = (item: ImportedItem, err: unknown) =>
    report.skipped.push({ line: item.line, title: item.title, reason: err instanceof DomainError ? err.message : 'could not be saved' })

  const writeOut = async (items: ImportedItem[]) => {
    if (opts.dryRun) {
      for (const item of items) {
        const exists = await findImported(deps.db, source, item.kind, item.sourceId)
        tally(exists === undefined ? 'created' : 'updated')
        report.comments.created += item.comments.length
        report.redirects += item.oldAddresses.length
      }
      progress(items.length)
      return
    }
    const counts = { ...report.comments, redirects: report.redirects }
    try {
      const outcomes = await deps.db.transaction().execute((trx) => writeBatch(trx, deps, source, items, report, deps.clock.now(), known))
      outcomes.forEach(tally)
    } catch {
      // Nothing of the batch was kept: undo its counts, then save item by item so only the culprit is left out.
      known.clear()
      Object.assign(report.comments, { created: counts.created, existing: counts.existing })
      report.redirects = counts.redirects
      for (const item of items) {
        const before = { ...report.comments, redirects: report.redirects }
        try {
          tally(await deps.db.transaction().execute((trx) => writeItem(trx, deps, source, item, report, deps.clock.now(), known)))
        } catch (err) {
          known.clear()
          Object.assign(report.comments, { created: before.created, existing: before.existing })
          report.redirects = before.redirects
          skip(item, err)
        }
      }
    }
    progress(items.length)
    await deps.events.emit({ type: 'taxonomy.changed', tags: ['site'] })
    // One event for the batch, so related news is worked out for it as one queued job, not one per article.
    const articleIds = await importedArticleIds(deps.db, source, items)
    if (articleIds.length) await deps.events.emit({ type: 'articles.imported', articleIds, tags: [] })
  }
  // One batch is written at a time, in order; the next is read, converted and rendered meanwhile (on PostgreSQL the
  // database's core computes the search vectors while this one works).
  let writing: Promise<void> = Promise.resolve()
  const startFlush = async () => {
    if (!batch.length) return
    const items = batch
    batch = []
    for (const item of items) if (item.article && item.bodyHtml === undefined && !opts.dryRun) item.bodyHtml = renderMarkdown(item.article.body)
    await writing
    writing = writeOut(items)
    // Awaited by the next flush; marked as handled so a failure waits for it instead of ending the process.
    writing.catch(() => {})
  }
  const flush = async () => {
    await startFlush()
    await writing
  }

  return {
    async add(item) {
      // A library picture gets its address when written (withLibraryImage); only pictures from elsewhere are checked here.
      const article = item.article?.image?.mediaId != null ? { ...item.article, image: undefined } : item.article
      const issues = item.kind === 'article' ? checkArticleInput(article!) : checkPageInput(item.page!)
      if (issues.length) {
        report.skipped.push({ line: item.line, title: item.title, reason: issues.map((i) => i.message).join('; ') })
        progress(1)
        return
      }
      batch.push(item)
      if (batch.length >= batchSize) await startFlush()
    },
    redirect(oldAddress, newPath) {
      redirects.push([oldAddress, newPath])
    },
    skip(line, title, reason, deliberate) {
      report.skipped.push({ line, title, reason, ...(deliberate ? { deliberate } : {}) })
      progress(1)
    },
    flush,
    async finish() {
      await flush()
      if (opts.dryRun) {
        report.redirects += redirects.length
        return
      }
      const at = deps.clock.now().toISOString()
      await deps.db.transaction().execute(async (trx) => {
        for (let i = 0; i < redirects.length; i += 500) report.redirects += await recordOldAddresses(trx, redirects.slice(i, i + 500), at)
      })
      await deps.events.emit({ type: 'taxonomy.changed', tags: ['site'] })
    },
  }
}

/** Counts one left-out thing of a kind (a menu item, a revision, a pingback). */
export const ignore = (report: ImportReport, kind: string) => countInto(report.ignored, kind)
