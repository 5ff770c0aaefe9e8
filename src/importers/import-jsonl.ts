// Dateline's own JSON Lines through the same report as the other formats; the writing itself is content's importArticles.
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Deps } from '../platform/deps.js'
import { DomainError } from '../platform/errors.js'
import { importArticles, slugify, toArticleInput } from '../content/index.js'
import { emptyReport, type ImportReport, type ProgressListener } from './import-report.js'

/** Lines in the file, for the progress bar's total (a quick pass: the file is read again to import). */
async function countLines(file: string): Promise<number> {
  let n = 0
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++
  return n
}

export async function importJsonLines(deps: Pick<Deps, 'db' | 'clock' | 'events'>, file: string, opts: { dryRun?: boolean | undefined; onProgress?: ProgressListener | undefined } = {}): Promise<ImportReport> {
  const report = emptyReport('jsonl', !!opts.dryRun)
  const total = opts.onProgress ? await countLines(file) : 0
  if (!opts.dryRun) {
    const r = await importArticles(deps, createReadStream(file, 'utf8'), 500, opts.onProgress && ((line) => opts.onProgress!(line, Math.max(total, line))))
    report.created = r.created
    report.updated = r.updated
    report.skipped = r.skipped.map((s) => ({ line: s.line, title: '', reason: s.message }))
    return report
  }
  let line = 0
  for await (let text of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    line++
    if (line === 1) text = text.replace(/^\uFEFF/, '')
    if (!text.trim()) continue
    try {
      const input = toArticleInput(JSON.parse(text))
      const slug = input.slug ?? slugify(input.headline)
      const exists = await deps.db.selectFrom('article').select('id').where('slug', '=', slug).executeTakeFirst()
      if (exists) report.updated++
      else report.created++
    } catch (err) {
      report.skipped.push({ line, title: '', reason: err instanceof DomainError ? err.message : 'not valid JSON' })
    }
    opts.onProgress?.(line, Math.max(total, line))
  }
  return report
}
