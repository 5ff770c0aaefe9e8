// Ghost JSON export (4.x–6.x) import: posts and pages from db[0].data with their tags, authors and feature images.
// The export also holds members, API keys and settings: they are never read beyond the site's address.
import { readFile } from 'node:fs/promises'
import { articleLimits, excerpt, renderMarkdown, slugify, type ArticleInput, type PageInput } from '../../content/index.js'
import { mediaDisplayUrl, type Media } from '../../media/index.js'
import { emptyReport, ImportError, type ImportReport } from '../import-report.js'
import { importImages, imageKey, type MediaDeps, type SourceImage } from '../import-media.js'
import { htmlToMarkdown, stripControls } from '../html-to-markdown.js'
import { itemWriter, type ImportSource, type WriterDeps } from '../write-items.js'
import type { ImportOptions } from '../wordpress/import-wordpress.js'
import { renderLexical, renderMobiledoc } from './ghost-render.js'

interface GhostPost {
  id: string
  title?: string | null
  slug?: string | null
  html?: string | null
  lexical?: string | null
  mobiledoc?: string | null
  feature_image?: string | null
  feature_image_alt?: string | null
  feature_image_caption?: string | null
  custom_excerpt?: string | null
  status?: string | null
  type?: string | null
  page?: boolean | number | null
  published_at?: string | null
  author_id?: string | null
}
interface GhostTag { id: string; name?: string | null; slug?: string | null; visibility?: string | null }
interface GhostUser { id: string; name?: string | null; slug?: string | null }
interface GhostData {
  posts?: GhostPost[]
  posts_meta?: { post_id: string; feature_image_alt?: string | null; feature_image_caption?: string | null; meta_description?: string | null }[]
  tags?: GhostTag[]
  posts_tags?: { post_id: string; tag_id: string; sort_order?: number | null }[]
  users?: GhostUser[]
  posts_authors?: { post_id: string; author_id: string; sort_order?: number | null }[]
  settings?: { key: string; value: unknown }[]
}

/** Where in the text a JSON.parse error points, as line and column. */
function jsonError(text: string, err: unknown): ImportError {
  const message = err instanceof Error ? err.message : String(err)
  const at = /position (\d+)/.exec(message)
  if (!at) return new ImportError(`The file is not valid JSON: ${message}`)
  const before = text.slice(0, Number(at[1]))
  const line = before.split('\n').length
  const column = Number(at[1]) - before.lastIndexOf('\n')
  return new ImportError(`The file is not valid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/,? ?"[\s\S]*$/, '')}`)
}

/** `db[0].data` of an export (or `data` of a bare one), refused with a clear message when it is not a Ghost export. */
export function ghostData(parsed: unknown): GhostData {
  const root = parsed as { db?: { data?: GhostData }[]; data?: GhostData }
  const data = root?.db?.[0]?.data ?? root?.data
  if (!data || typeof data !== 'object' || !Array.isArray(data.posts)) {
    throw new ImportError('This JSON is not a Ghost export: it has no db[0].data.posts (Ghost Admin → Settings → Labs → Export)')
  }
  return data
}

const clean = (s: string | null | undefined) => stripControls(s ?? '').replace(/\s+/g, ' ').trim()
const ghostUrl = (s: string) => s.replace(/__GHOST_URL__/g, '')
const bySort = <T extends { sort_order?: number | null }>(a: T, b: T) => (a.sort_order ?? 0) - (b.sort_order ?? 0)
const toDate = (s: string | null | undefined) => {
  const d = s ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`) : undefined
  return d && !Number.isNaN(d.getTime()) ? d : undefined
}

/** HTML of a post: its rendered html, else rendered from Lexical, else from Mobiledoc. */
function postHtml(p: GhostPost): string {
  const md = (m: string) => renderMarkdown(m)
  if (p.html) return p.html
  try {
    if (p.lexical) return renderLexical(p.lexical, md)
    if (p.mobiledoc) return renderMobiledoc(p.mobiledoc, md)
  } catch {
    throw new ImportError(`post "${p.title ?? p.id}": its editor document is not valid JSON`)
  }
  return ''
}

/**
 * Imports a Ghost JSON export.
 * @example const report = await importGhost(deps, 'ghost-export.json', { mediaDir: './content/images' })
 */
export async function importGhost(deps: WriterDeps & MediaDeps, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport('ghost', !!opts.dryRun)
  const raw = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (err) {
    throw jsonError(raw, err)
  }
  const data = ghostData(parsed)
  const setting = (key: string) => data.settings?.find((s) => s.key === key)?.value
  const site = String(setting('url') ?? setting('title') ?? 'ghost')
  const source: ImportSource = { platform: 'ghost', site }
  const posts = data.posts ?? []
  const meta = new Map((data.posts_meta ?? []).map((m) => [m.post_id, m]))
  const tags = new Map((data.tags ?? []).map((t) => [t.id, t]))
  const users = new Map((data.users ?? []).map((u) => [u.id, u]))
  const tagsOf = new Map<string, GhostTag[]>()
  for (const pt of [...(data.posts_tags ?? [])].sort(bySort)) {
    const tag = tags.get(pt.tag_id)
    // Internal tags (#hash) organise Ghost's own templates; readers never saw them.
    if (!tag || tag.visibility === 'internal' || (tag.name ?? '').startsWith('#')) continue
    tagsOf.set(pt.post_id, [...(tagsOf.get(pt.post_id) ?? []), tag])
  }
  const authorsOf = new Map<string, GhostUser[]>()
  for (const pa of [...(data.posts_authors ?? [])].sort(bySort)) {
    const user = users.get(pa.author_id)
    if (user) authorsOf.set(pa.post_id, [...(authorsOf.get(pa.post_id) ?? []), user])
  }

  // Pictures: feature images and those in bodies, imported once each from the images folder.
  const htmlOf = new Map<string, string>()
  const images = new Map<string, SourceImage>()
  const noteImage = (url: string, alt = '', caption = '') => {
    const key = imageKey(url)
    if (url && !images.has(key) && /\/content\/images\//.test(url)) images.set(key, { sourceId: key, url, file: undefined, alt, caption, title: '' })
  }
  for (const p of posts) {
    let html: string
    try {
      html = ghostUrl(postHtml(p))
    } catch (err) {
      report.skipped.push({ line: posts.indexOf(p) + 1, title: clean(p.title) || p.id, reason: err instanceof Error ? err.message : 'unreadable' })
      continue
    }
    htmlOf.set(p.id, html)
    const m = meta.get(p.id)
    if (p.feature_image) noteImage(ghostUrl(p.feature_image), clean(p.feature_image_alt ?? m?.feature_image_alt), clean(p.feature_image_caption ?? m?.feature_image_caption))
    for (const img of html.matchAll(/<img\b[^>]*\bsrc="([^"]+)"[^>]*>/gi)) noteImage(img[1]!, /\balt="([^"]*)"/.exec(img[0])?.[1] ?? '')
  }
  const media = await importImages(deps, source, images.values(), opts.mediaDir, report, !!opts.dryRun)
  const mediaFor = (url: string): Media | undefined => media.get(imageKey(url))

  const writer = itemWriter(deps, source, report, { dryRun: opts.dryRun, total: htmlOf.size, onProgress: opts.onProgress, batchSize: opts.batchSize })
  for (const [index, p] of posts.entries()) {
    const html = htmlOf.get(p.id)
    if (html === undefined) continue
    const line = index + 1
    const title = clean(p.title).slice(0, articleLimits.headline)
    const rewritten = html.replace(/\b(src|href)="([^"]+)"/gi, (whole, attr: string, url: string) => {
      const m = mediaFor(url)
      return m ? `${attr}="${mediaDisplayUrl(m)}"` : whole
    })
    const body = htmlToMarkdown(rewritten)
    const headline = title || excerpt(body.replace(/[#*_>![\]()`-]/g, ' '), 80) || `Untitled ${p.id}`
    const slug = slugify(p.slug ?? '', 120) || slugify(headline, 120) || `post-${slugify(p.id) || 'x'}`
    const isPage = p.type === 'page' || p.page === true || p.page === 1
    const status = p.status === 'published' || p.status === 'sent' ? 'published' : p.status === 'scheduled' ? 'scheduled' : 'draft'
    const oldAddresses = [`/${p.slug ?? slug}/`]
    if (isPage) {
      const page: PageInput = { title: headline, slug, body, status: status === 'published' ? 'published' : 'draft', inFooter: false }
      await writer.add({ line, sourceId: p.id, title: headline, kind: 'page', page, oldAddresses, comments: [] })
      continue
    }
    const postTags = (tagsOf.get(p.id) ?? []).map((t) => clean(t.name).slice(0, articleLimits.tag)).filter((n) => slugify(n))
    const section = postTags[0] ?? 'News'
    const authors = (authorsOf.get(p.id) ?? (p.author_id && users.get(p.author_id) ? [users.get(p.author_id)!] : []))
      .map((u) => clean(u.name).slice(0, articleLimits.author)).filter((n) => slugify(n))
    const m = meta.get(p.id)
    const feature = p.feature_image ? mediaFor(ghostUrl(p.feature_image)) : undefined
    const featureAlt = clean(p.feature_image_alt ?? m?.feature_image_alt)
    const featureCaption = clean((p.feature_image_caption ?? m?.feature_image_caption ?? '').replace(/<[^>]+>/g, ''))
    const external = p.feature_image && !feature && /^https?:\/\//.test(ghostUrl(p.feature_image)) ? ghostUrl(p.feature_image) : undefined
    const image: ArticleInput['image'] = feature
      ? { mediaId: feature.id, url: '', alt: featureAlt, caption: featureCaption, credit: undefined as unknown as string, width: null, height: null }
      : external && featureAlt ? { url: external, alt: featureAlt, caption: featureCaption, credit: '', width: null, height: null } : undefined
    const article: ArticleInput = {
      slug, headline, standfirst: excerpt(clean(p.custom_excerpt), articleLimits.standfirst - 1), body: body.trim() ? body : headline,
      section: /^(topic|author|tag|search|feed|newsroom|api|assets|media|comments|sitemaps)$/.test(slugify(section)) ? `${section} news` : section,
      topics: undefined, tags: postTags.slice(1, 21), authors: authors.length ? authors.slice(0, 20) : undefined,
      status, publishedAt: toDate(p.published_at), image,
    }
    if (status !== 'draft' && !article.publishedAt) {
      writer.skip(line, headline, 'no publication date')
      continue
    }
    await writer.add({ line, sourceId: p.id, title: headline, kind: 'article', article, oldAddresses, comments: [] })
  }
  await writer.flush()
  const exists = async (table: 'tag' | 'author' | 'section', slug: string) => !!slug && !!(await deps.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())
  for (const t of tags.values()) {
    const slug = slugify(clean(t.name))
    if (!t.slug) continue
    if (await exists('section', slug)) writer.redirect(`/tag/${t.slug}/`, `/${slug}/`)
    else if (await exists('tag', slug)) writer.redirect(`/tag/${t.slug}/`, `/tag/${slug}/`)
  }
  for (const u of users.values()) {
    const slug = slugify(clean(u.name))
    if (u.slug && await exists('author', slug)) writer.redirect(`/author/${u.slug}/`, `/author/${slug}/`)
  }
  await writer.finish()
  return report
}
