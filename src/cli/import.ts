// `dateline import <file>`: JSON Lines, a WordPress export or a Ghost export, with a progress bar on a terminal and a report.
import { existsSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { Deps } from '../platform/deps.js'
import { createMediaStore } from '../media/index.js'
import { ImportError, failures, importFormats, runImport, type ImportFormat, type ImportReport, type ProgressListener } from '../importers/index.js'

export const importUsage = `Usage: dateline import <file> [--format jsonl|wordpress|ghost] [--dry-run] [--media-dir <dir>] [--section-from category|tag]
  --format         the file's format when it cannot be told from its start (detected otherwise)
  --dry-run        read and report; write nothing
  --media-dir      a copy of wp-content/uploads (WordPress) or content/images (Ghost) to take pictures from
  --section-from   WordPress: file posts under their primary category (the default) or their first tag`

export interface Terminal {
  out(line: string): void
  err(line: string): void
  /** Redraws the progress line; undefined when the output is not a terminal. */
  progress?: ((line: string) => void) | undefined
  now(): number
}

const consoleTerminal = (): Terminal => ({
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  progress: process.stderr.isTTY ? (l) => process.stderr.write(`\r\x1b[2K${l}`) : undefined,
  now: () => Date.now(),
})

const clock = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '--:--'
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h ? 2 : 1, '0')
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`
}

/**
 * The progress line: a bar, items done of the total, the rate and the time left.
 * @example progressLine(250, 1000, 10) // '[#####---------------] 250/1,000  25/s  0:30 left'
 */
export function progressLine(done: number, total: number, seconds: number): string {
  const width = 20
  const filled = total ? Math.min(width, Math.round((done / total) * width)) : 0
  const rate = seconds > 0 ? done / seconds : 0
  const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${Math.round(rate).toLocaleString('en')}/s  ${clock(left)} left`
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** The report as lines a person reads at the end of an import. */
export function reportLines(r: ImportReport): string[] {
  const lines: string[] = []
  const verb = r.dryRun ? 'Would import' : 'Imported'
  lines.push(`${verb} ${plural(r.created, 'new item')} and ${plural(r.updated, 'updated item')}; skipped ${plural(r.skipped.length, 'item')}.`)
  for (const s of r.skipped) lines.push(`  line ${s.line}: ${s.title ? `"${s.title}": ` : ''}${s.reason}`)
  for (const [kind, n] of Object.entries(r.ignored)) lines.push(`Left out ${n.toLocaleString('en')} ${kind}.`)
  if (r.format !== 'jsonl') {
    lines.push(`Comments: ${plural(r.comments.created, 'new comment')}${r.comments.existing ? `, ${r.comments.existing.toLocaleString('en')} already imported` : ''}.`)
    lines.push(`Media: ${r.media.found.toLocaleString('en')} found, ${r.media.missing.length.toLocaleString('en')} missing.`)
    for (const m of r.media.missing.slice(0, 50)) lines.push(`  missing: ${m}`)
    if (r.media.missing.length > 50) lines.push(`  … and ${r.media.missing.length - 50} more`)
    lines.push(`Redirects: ${plural(r.redirects, 'old address', 'old addresses')} ${r.dryRun ? 'would answer' : 'now answer'} 301 to the new ones.`)
    const shortcodes = Object.entries(r.unknownShortcodes)
    if (shortcodes.length) lines.push(`Shortcodes kept as text: ${shortcodes.map(([n, c]) => `[${n}] ×${c}`).join(', ')}.`)
  }
  return lines
}

/**
 * Runs `dateline import`; returns the exit code: 0 all imported (items the rules leave out, such as private posts, are
 * reported but do not count against it), 1 partly (or stopped by a malformed file), 2 bad usage.
 */
export async function importCommand(deps: Deps, args: string[], term: Terminal = consoleTerminal()): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args, allowPositionals: true,
      options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'media-dir': { type: 'string' }, 'section-from': { type: 'string' } },
    })
  } catch (err) {
    term.err(`${err instanceof Error ? err.message : err}\n\n${importUsage}`)
    return 2
  }
  const { values, positionals } = parsed
  const file = positionals[0]
  if (!file || positionals.length > 1) {
    term.err(file ? `import takes one file.\n\n${importUsage}` : 'import needs a file: dateline import articles.jsonl')
    return 2
  }
  if (!existsSync(file) || !statSync(file).isFile()) {
    term.err(`No such file: ${file}`)
    return 2
  }
  if (values.format !== undefined && !importFormats.includes(values.format as ImportFormat)) {
    term.err(`--format must be one of ${importFormats.join(', ')}`)
    return 2
  }
  if (values['section-from'] !== undefined && !['category', 'tag'].includes(values['section-from'])) {
    term.err('--section-from must be category or tag')
    return 2
  }
  const mediaDir = values['media-dir']
  if (mediaDir !== undefined && (!existsSync(mediaDir) || !statSync(mediaDir).isDirectory())) {
    term.err(`--media-dir: no such folder: ${mediaDir}`)
    return 2
  }

  const started = term.now()
  let last = 0
  const onProgress: ProgressListener | undefined = term.progress && ((done, total) => {
    const now = term.now()
    if (now - last < 100 && done < total) return
    last = now
    term.progress!(progressLine(done, total, (now - started) / 1000))
  })
  try {
    const report = await runImport({ ...deps, store: createMediaStore(deps.config) }, file, {
      format: values.format as ImportFormat | undefined, dryRun: values['dry-run'], mediaDir,
      sectionFrom: values['section-from'] as 'category' | 'tag' | undefined, onProgress,
    })
    if (term.progress) term.progress('')
    if (report.format === 'jsonl' && !report.dryRun) {
      // JSON Lines keeps the report scripts already read.
      for (const s of report.skipped) term.err(`line ${s.line}: ${s.reason} (skipped)`)
      term.out(`Imported ${report.created} new and ${report.updated} updated articles; skipped ${report.skipped.length} ${report.skipped.length === 1 ? 'line' : 'lines'}.`)
    } else {
      for (const line of reportLines(report)) term.out(line)
      term.out(`Done in ${clock((term.now() - started) / 1000)}.`)
    }
    return failures(report) ? 1 : 0
  } catch (err) {
    if (term.progress) term.progress('')
    if (err instanceof ImportError) {
      term.err(`${err.message}\nWhat was imported before this point is complete and consistent; fix the file and run the import again.`)
      return 1
    }
    throw err
  }
}
