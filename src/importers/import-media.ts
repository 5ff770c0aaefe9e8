// Pictures an export refers to, taken from a local copy of the old site's uploads and put through the media pipeline.
import { readFile, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { Deps } from '../platform/deps.js'
import { findMediaById, mediaDisplayUrl, uploadMedia, type Media, type MediaStore } from '../media/index.js'
import type { ImportReport } from './import-report.js'
import { findImported, rememberImported, type ImportSource } from './write-items.js'
import { stripControls } from './html-to-markdown.js'
import { imageKey } from './image-key.js'

export { imageKey }

export interface SourceImage {
  sourceId: string
  /** The picture's old address. */
  url: string
  /** Its path under the uploads folder, when the export says (`2019/04/harbour.jpg`). */
  file: string | undefined
  alt: string
  caption: string
  title: string
}

export type MediaDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { store: MediaStore }


/** Where a picture would be under the media folder; never outside it. */
function locate(mediaDir: string, image: SourceImage): string[] {
  const root = resolve(mediaDir)
  const candidates: string[] = []
  const add = (rel: string | undefined) => {
    if (!rel) return
    let r = rel
    try {
      r = decodeURIComponent(rel)
    } catch { /* kept */ }
    const full = resolve(root, r.replace(/^\/+/, ''))
    if (full.startsWith(root + sep)) candidates.push(full)
  }
  add(image.file)
  const path = image.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '')
  for (const marker of ['/wp-content/uploads/', '/content/images/', '/uploads/']) {
    const i = path.indexOf(marker)
    if (i >= 0) add(path.slice(i + marker.length))
  }
  return candidates
}

async function readable(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * Imports each picture found under `mediaDir` (or finds it imported already), listing the missing ones in the report.
 * Returns the media by source id. A dry run only looks for the files.
 */
export async function importImages(deps: MediaDeps, source: ImportSource, images: Iterable<SourceImage>, mediaDir: string | undefined, report: ImportReport, dryRun: boolean): Promise<Map<string, Media>> {
  const out = new Map<string, Media>()
  for (const image of images) {
    const mapped = await findImported(deps.db, source, 'media', image.sourceId)
    const existing = mapped === undefined ? undefined : await findMediaById(deps.db, mapped)
    if (existing) {
      out.set(image.sourceId, existing)
      report.media.found++
      continue
    }
    let file: string | undefined
    for (const candidate of mediaDir ? locate(mediaDir, image) : []) {
      if (await readable(candidate)) {
        file = candidate
        break
      }
    }
    if (!file) {
      report.media.missing.push(image.url || image.file || image.sourceId)
      continue
    }
    if (dryRun) {
      report.media.found++
      continue
    }
    try {
      const bytes = await readFile(file)
      const name = file.slice(file.lastIndexOf(sep) + 1)
      const text = (s: string, max: number) => stripControls(s).replace(/\s+/g, ' ').trim().slice(0, max)
      const media = await uploadMedia(deps, {
        bytes, filename: name, createdBy: null,
        alt: text(image.alt, 500) || text(image.title, 500) || name, caption: text(image.caption, 1000), credit: '',
      })
      // The row and its source are written one after the other: a stop between them leaves a library picture unused,
      // never a missing one.
      await rememberImported(deps.db, source, 'media', image.sourceId, media.id, deps.clock.now().toISOString())
      out.set(image.sourceId, media)
      report.media.found++
    } catch (err) {
      report.media.missing.push(`${image.url || image.file} (${err instanceof Error ? err.message : 'unreadable'})`)
    }
  }
  return out
}

export { mediaDisplayUrl }
