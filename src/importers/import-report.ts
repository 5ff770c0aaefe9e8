// What an import tells the person who ran it: counts, each skipped item with its reason and line, media, redirects.

export type ImportFormat = 'jsonl' | 'wordpress' | 'ghost'

export interface ImportReport {
  format: ImportFormat
  dryRun: boolean
  created: number
  updated: number
  /** Items not imported, each with the reason and the line (WXR, JSON Lines) or position (Ghost) it came from. */
  skipped: { line: number; title: string; reason: string; deliberate?: boolean }[]
  /** Things deliberately left out, counted by kind: menus, revisions, custom post types, pingbacks… */
  ignored: Record<string, number>
  comments: { created: number; existing: number }
  media: { found: number; missing: string[] }
  redirects: number
  /** Shortcodes kept as text because no converter knows them, with how often they appeared. */
  unknownShortcodes: Record<string, number>
}

export const emptyReport = (format: ImportFormat, dryRun: boolean): ImportReport => ({
  format, dryRun, created: 0, updated: 0, skipped: [], ignored: {}, comments: { created: 0, existing: 0 },
  media: { found: 0, missing: [] }, redirects: 0, unknownShortcodes: {},
})

/** Items that should have been imported and were not (a private post left out by the rules does not count). */
export const failures = (r: ImportReport) => r.skipped.filter((s) => !s.deliberate).length

export const countInto = (counts: Record<string, number>, key: string, n = 1) => { counts[key] = (counts[key] ?? 0) + n }

/** A file that cannot be imported at all (not well-formed, not the format it claims): the message says where and why. */
export class ImportError extends Error {
  override name = 'ImportError'
}

/** Told after each item, so a terminal can draw a progress bar. */
export type ProgressListener = (done: number, total: number) => void
