// Import from JSON Lines: one article a line; bad lines are reported by number and skipped, the rest load in batches.
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import type { Db } from '../platform/db/index.js'
import type { Clock } from '../platform/clock.js'
import type { Events } from '../platform/events.js'
import { DomainError } from '../platform/errors.js'
import { articleStatuses, type ArticleStatus } from './article.js'
import { renderMarkdown } from './markdown.js'
import { checkArticleInput, writeArticle, writeArticles, type ArticleInput, type NameIds } from './save-article.js'

export interface ImportReport {
  created: number
  updated: number
  skipped: { line: number; message: string }[]
}

const maxLineLength = 1_000_000

const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/

/** A strict ISO 8601 instant: Date.parse alone accepts 30 February (as 2 March) and reads a missing offset as local time. */
function parseDate(value: unknown, field: string): Date | undefined {
  if (value === undefined || value === null) return undefined
  const m = typeof value === 'string' ? isoDateTime.exec(value) : null
  const date = m ? new Date(value as string) : undefined
  const [year, month, day, hour, minute, second] = (m ?? []).slice(1, 7).map((v) => Number(v ?? 0))
  const calendar = m && new Date(Date.UTC(year!, month! - 1, day!))
  if (!m || !date || Number.isNaN(date.getTime()) || calendar!.getUTCDate() !== day || calendar!.getUTCMonth() !== month! - 1 || hour! > 23 || minute! > 59 || second! > 59) {
    throw new DomainError('VALIDATION', `${field} must be an ISO 8601 date and time such as 2026-11-25T08:30:00Z`)
  }
  if (!m[7]) throw new DomainError('VALIDATION', `${field} needs a time zone: end it with Z (UTC) or an offset such as +01:00`)
  return date
}

/** JSON null means "not given" for optional fields. */
const given = (value: unknown) => (value === null ? undefined : value)

const names = (value: unknown, field: string): string[] | undefined => {
  if (value === undefined || value === null) return undefined
  if (!Array.isArray(value)) throw new DomainError('VALIDATION', `${field} must be a list`)
  return value as string[]
}

/** Turns one parsed JSON line into article input, or throws a DomainError naming what is wrong. */
export function toArticleInput(raw: unknown): ArticleInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new DomainError('VALIDATION', 'a line must be a JSON object')
  const r = raw as Record<string, unknown>
  for (const field of ['headline', 'body', 'section'] as const) {
    if (r[field] === undefined || r[field] === null) throw new DomainError('VALIDATION', `${field} is required`)
  }
  const status = (r.status ?? 'published') as ArticleStatus
  if (!articleStatuses.includes(status)) throw new DomainError('VALIDATION', `status must be one of ${articleStatuses.join(', ')}`)
  const image = r.image as Record<string, unknown> | undefined | null
  if (image !== undefined && image !== null && (typeof image !== 'object' || Array.isArray(image))) {
    throw new DomainError('VALIDATION', 'image must be an object with url and alt')
  }
  const input: ArticleInput = {
    slug: given(r.slug) as string | undefined,
    headline: r.headline as string,
    standfirst: (r.standfirst ?? '') as string,
    body: r.body as string,
    section: r.section as string,
    topics: names(r.topics, 'topics'),
    tags: names(r.tags, 'tags'),
    authors: names(r.authors, 'authors'),
    dateline: given(r.dateline) as string | undefined,
    agency: given(r.agency) as string | undefined,
    status,
    publishedAt: parseDate(r.publishedAt, 'publishedAt'),
    updatedAt: parseDate(r.updatedAt, 'updatedAt'),
    seoTitle: given(r.seoTitle) as string | undefined,
    seoDescription: given(r.seoDescription) as string | undefined,
    image: image ? {
      url: image.url as string, alt: image.alt as string, caption: (image.caption ?? '') as string,
      credit: (image.credit ?? '') as string, width: null, height: null,
    } : undefined,
  }
  const issues = checkArticleInput(input)
  if (issues.length) throw new DomainError('VALIDATION', issues.map((i) => i.message).join('; '))
  return input
}

/**
 * Reads JSON Lines from a stream and saves each article, `batchSize` to a transaction.
 * @example await importArticles(deps, createReadStream('articles.jsonl'))
 */
export async function importArticles(
  { db, clock, events }: { db: Db; clock: Clock; events: Events }, source: Readable, batchSize = 500,
  /** Told the last line read after each batch is saved. */
  onProgress?: (line: number) => void,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, skipped: [] }
  let batch: { line: number; input: ArticleInput }[] = []
  // Sections, tags and authors already found or created: thousands of lines share a few dozen, so each is looked up
  // once instead of once per line (on PostgreSQL every lookup is a round trip). Forgotten when a batch rolls back.
  const known: NameIds = new Map()

  // Rendering a batch's bodies (CPU here) overlaps the database writing the previous batch (on PostgreSQL, computing
  // its search vectors on the server's core): one batch is written at a time, in order.
  let writing: Promise<void> = Promise.resolve()
  const write = async (items: { line: number; input: ArticleInput }[], bodies: string[], lastLine: number) => {
    const results = await db.transaction().execute((trx) => writeArticles(trx, items.map((i) => i.input), clock.now(), known, bodies)).catch(async () => {
      // One row the checks could not foresee failed the batch: save the others one by one and report it.
      known.clear()
      const out = []
      for (const item of items) {
        try {
          out.push(await db.transaction().execute((trx) => writeArticle(trx, item.input, clock.now(), known)))
        } catch (err) {
          known.clear()
          report.skipped.push({ line: item.line, message: err instanceof DomainError ? err.message : 'could not be saved' })
        }
      }
      return out
    })
    for (const r of results) {
      if (r.created) report.created++
      else report.updated++
    }
    const published = results.some((r) => r.event)
    if (published) await events.emit({ type: 'taxonomy.changed', tags: ['site'] })
    // One event for the batch, so listeners (related news) can queue it as one piece of work.
    const changed = results.filter((r) => r.event).map((r) => r.id)
    if (changed.length) await events.emit({ type: 'articles.imported', articleIds: changed, tags: [] })
    onProgress?.(lastLine)
  }
  const flush = async () => {
    if (batch.length === 0) return
    const items = batch
    batch = []
    const bodies = items.map((i) => renderMarkdown(i.input.body))
    await writing
    writing = write(items, bodies, number)
    // Awaited by the next flush; marked as handled so a failure waits for it instead of ending the process.
    writing.catch(() => {})
  }

  const lines = createInterface({ input: source, crlfDelay: Infinity })
  let number = 0
  for await (let text of lines) {
    number++
    if (number === 1 && text.startsWith('\uFEFF')) text = text.slice(1)
    if (!text.trim()) continue
    if (text.length > maxLineLength) {
      report.skipped.push({ line: number, message: `line is longer than ${maxLineLength} characters` })
      continue
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      report.skipped.push({ line: number, message: 'not valid JSON' })
      continue
    }
    try {
      batch.push({ line: number, input: toArticleInput(parsed) })
    } catch (err) {
      report.skipped.push({ line: number, message: err instanceof DomainError ? err.message : 'invalid article' })
      continue
    }
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  await writing
  report.skipped.sort((a, b) => a.line - b.line)
  return report
}
