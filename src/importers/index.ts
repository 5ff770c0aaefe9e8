// Importers: WordPress WXR, Ghost JSON and Dateline's JSON Lines, each turning a source into content use-case calls.
import { open } from 'node:fs/promises'
import { analyze } from '../platform/db/index.js'
import type { Deps } from '../platform/deps.js'
import type { MediaStore } from '../media/index.js'
import { ImportError, type ImportFormat, type ImportReport, type ProgressListener } from './import-report.js'
import { importWordPress } from './wordpress/import-wordpress.js'
import { importGhost } from './ghost/import-ghost.js'
import { importJsonLines } from './import-jsonl.js'

export { ImportError, emptyReport, failures, type ImportFormat, type ImportReport, type ProgressListener } from './import-report.js'
export { htmlToMarkdown } from './html-to-markdown.js'
export { convertWordPressBody, addParagraphs } from './wordpress/wordpress-body.js'
export { renderLexical, renderMobiledoc } from './ghost/ghost-render.js'

export const importFormats: readonly ImportFormat[] = ['jsonl', 'wordpress', 'ghost']

/**
 * The format of a file from its first bytes: `<` is a WordPress export, a JSON object whose first key is `db`
 * (or `data`/`meta`) a Ghost export, any other JSON object per line Dateline's JSON Lines.
 * @example await detectFormat('export.xml') // 'wordpress'
 */
export async function detectFormat(file: string): Promise<ImportFormat> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0)
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()
    if (head.startsWith('<')) return 'wordpress'
    if (/^\{\s*"(db|data|meta)"\s*:/.test(head)) return 'ghost'
    if (head.startsWith('{') || head === '') return 'jsonl'
    throw new ImportError('Cannot tell what this file is: expected a WordPress export (XML), a Ghost export (JSON) or JSON Lines; name it with --format')
  } finally {
    await handle.close()
  }
}

export interface RunImportOptions {
  format?: ImportFormat | undefined
  dryRun?: boolean | undefined
  mediaDir?: string | undefined
  sectionFrom?: 'category' | 'tag' | undefined
  onProgress?: ProgressListener | undefined
  batchSize?: number | undefined
}

/**
 * Imports a file in any supported format; re-running the same file updates what the first run made.
 * @example const report = await runImport({ ...services, store }, 'export.xml', { mediaDir: 'uploads', onProgress })
 */
export async function runImport(deps: Deps & { store: MediaStore }, file: string, opts: RunImportOptions = {}): Promise<ImportReport> {
  const format = opts.format ?? await detectFormat(file)
  const report = format === 'wordpress' ? await importWordPress(deps, file, opts)
    : format === 'ghost' ? await importGhost(deps, file, opts)
    : await importJsonLines(deps, file, opts)
  // PostgreSQL plans from statistics that a bulk load leaves stale (a table it thinks empty is scanned, not indexed).
  if (deps.dialect === 'postgres' && !opts.dryRun && report.created + report.updated > 0) await analyze(deps.db, deps.dialect)
  return report
}
