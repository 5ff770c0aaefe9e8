// Helpers for importer tests: small pictures written where an export's uploads folder would be, and a comparable
// snapshot of everything an import writes (media file names are random, so they are masked).
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import { createMediaStore } from '../../src/media/index.js'
import { runImport, type RunImportOptions } from '../../src/importers/index.js'
import type { TestApp } from '../support/app.js'

export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

/** A folder laid out like wp-content/uploads (or Ghost's content/images) with two small generated pictures. */
export async function uploadsFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-uploads-'))
  mkdirSync(join(dir, '2026/11'), { recursive: true })
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } }).jpeg().toFile(join(dir, '2026/11/harbour.jpg'))
  await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a62' } }).png().toFile(join(dir, '2026/11/ferry.png'))
  return dir
}

export const importFile = (t: TestApp, file: string, opts: RunImportOptions = {}) =>
  runImport({ ...t.services, store: createMediaStore(t.config) }, file, opts)

/** Everything an import leaves in the database, in a form two databases can be compared by. */
export async function snapshot(t: TestApp) {
  const db = t.services.db
  const mask = (s: string) => s.replace(/\/media\/[0-9a-f]{20}[^)>"\s]*/g, '/media/…')
  const articles = await db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .select(['article.slug', 'article.headline', 'article.standfirst', 'article.status', 'article.published_at', 'article.body_md', 'article.comment_count', 'section.slug as section', 'article.image_url'])
    .orderBy('article.slug').execute()
  const comments = await db.selectFrom('comment').innerJoin('article', 'article.id', 'comment.article_id')
    .leftJoin('comment as parent', 'parent.id', 'comment.parent_id')
    .select(['article.slug', 'comment.author_name', 'comment.status', 'comment.depth', 'parent.author_name as parent_name', 'comment.body'])
    .orderBy('article.slug').orderBy('comment.author_name').execute()
  const pages = await db.selectFrom('page').select(['slug', 'title', 'status', 'body_md']).orderBy('slug').execute()
  const redirects = await db.selectFrom('slug_redirect').select(['kind', 'old_slug', 'new_slug']).orderBy('kind').orderBy('old_slug').execute()
  const sources = await db.selectFrom('import_source').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('kind').orderBy('kind').execute()
  const media = await db.selectFrom('media').select(['original_filename', 'alt']).orderBy('original_filename').execute()
  return {
    articles: articles.map((a) => ({ ...a, body_md: mask(a.body_md), image_url: a.image_url && mask(a.image_url) })),
    comments, pages, redirects, media, sources: sources.map((s) => ({ kind: s.kind, n: Number(s.n) })),
  }
}
