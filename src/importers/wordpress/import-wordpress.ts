// WordPress (WXR 1.0–1.2) import in two streamed passes: the first learns authors, categories and attachments and
// counts the items; media are imported; the second converts and writes each post and page with its comments.
import { decodeHTML } from 'entities'
import { articleLimits, excerpt, slugify, type ArticleInput, type PageInput } from '../../content/index.js'
import type { CommentStatus } from '../../platform/db/index.js'
import { mediaDisplayUrl, type Media } from '../../media/index.js'
import { countInto, emptyReport, ImportError, type ImportReport, type ProgressListener } from '../import-report.js'
import { importImages, imageKey, type MediaDeps, type SourceImage } from '../import-media.js'
import { ignore, itemWriter, type ImportedComment, type ImportedItem, type ImportSource, type WriterDeps } from '../write-items.js'
import { stripControls } from '../html-to-markdown.js'
import { childText, childrenNamed, readWxr, type XmlNode } from './wxr-reader.js'
import { postRenderer } from './body-pool.js'
import type { MediaTable, RenderedPost } from './body-render.js'

export interface ImportOptions {
  dryRun?: boolean | undefined
  mediaDir?: string | undefined
  sectionFrom?: 'category' | 'tag' | undefined
  onProgress?: ProgressListener | undefined
  batchSize?: number | undefined
}

interface Category { termId: string; nicename: string; name: string; parent: string }

/** What the first pass learns. */
interface Scan {
  site: string
  authors: Map<string, string>
  categories: Map<string, Category>
  tags: Map<string, string>
  attachments: Map<string, SourceImage>
  total: number
}

const text = (s: string) => stripControls(decodeHTML(s)).replace(/\s+/g, ' ').trim()
const meta = (item: XmlNode) => {
  const out = new Map<string, string>()
  for (const m of childrenNamed(item, 'wp:postmeta')) out.set(childText(m, 'wp:meta_key'), childText(m, 'wp:meta_value'))
  return out
}

async function scan(file: string): Promise<Scan> {
  const s: Scan = { site: '', authors: new Map(), categories: new Map(), tags: new Map(), attachments: new Map(), total: 0 }
  let channelLink = ''
  let sawChannel = false
  for await (const { node } of readWxr(file)) {
    sawChannel = true
    switch (node.name) {
      case 'wp:base_blog_url': s.site ||= node.text.trim(); break
      case 'link': channelLink ||= node.text.trim(); break
      case 'wp:author': s.authors.set(childText(node, 'wp:author_login').trim(), text(childText(node, 'wp:author_display_name')) || text(childText(node, 'wp:author_login'))); break
      case 'wp:category': {
        const c = { termId: childText(node, 'wp:term_id').trim(), nicename: childText(node, 'wp:category_nicename').trim(), name: text(childText(node, 'wp:cat_name')), parent: childText(node, 'wp:category_parent').trim() }
        s.categories.set(c.nicename, c)
        break
      }
      case 'wp:tag': s.tags.set(childText(node, 'wp:tag_slug').trim(), text(childText(node, 'wp:tag_name'))); break
      case 'item': {
        const type = childText(node, 'wp:post_type').trim()
        if (type === 'attachment') {
          const m = meta(node)
          const id = childText(node, 'wp:post_id').trim()
          s.attachments.set(id, {
            sourceId: id, url: childText(node, 'wp:attachment_url').trim() || childText(node, 'guid').trim(), file: m.get('_wp_attached_file'),
            alt: text(m.get('_wp_attachment_image_alt') ?? ''), caption: text(childText(node, 'excerpt:encoded')), title: text(childText(node, 'title')),
          })
        } else if (type === 'post' || type === 'page') s.total++
        break
      }
    }
  }
  if (!sawChannel) throw new ImportError('This file holds no WordPress channel: is it a WXR export (Tools → Export in WordPress)?')
  s.site ||= channelLink || 'unknown'
  return s
}

/** `2019-04-02 09:30:00` (UTC, or the site's local time when the GMT column is empty) as a Date. */
function wpDate(gmt: string, local: string): Date | undefined {
  for (const v of [gmt, local]) {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(v.trim())
    if (m && m[1] !== '0000') {
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!))
      if (!Number.isNaN(d.getTime())) return d
    }
  }
  return undefined
}

function decodeSlug(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

const fitName = (name: string, max: number) => name.slice(0, max).trim()
const uniq = (names: string[]) => [...new Map(names.filter((n) => slugify(n)).map((n) => [slugify(n), n])).values()]

/** A section name that is not one of the site's own addresses (a category called "Search" becomes "Search news"). */
const sectionName = (name: string, reserved: (slug: string) => boolean) => (reserved(slugify(name)) ? `${name.slice(0, 50)} news` : name)

const commentStatus: Record<string, CommentStatus | undefined> = { '1': 'approved', approve: 'approved', '0': 'pending', hold: 'pending', spam: 'spam', trash: 'trash', 'post-trashed': 'trash' }

/**
 * Imports a WordPress export file.
 * @example const report = await importWordPress(deps, 'export.xml', { mediaDir: './uploads', onProgress })
 */
export async function importWordPress(deps: WriterDeps & MediaDeps, file: string, opts: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport('wordpress', !!opts.dryRun)
  const s = await scan(file)
  const source: ImportSource = { platform: 'wordpress', site: s.site.replace(/\/+$/, '') }

  // Media first: posts point at attachments that may come later in the file.
  const media = await importImages(deps, source, s.attachments.values(), opts.mediaDir, report, !!opts.dryRun)
  const byKey = new Map<string, Media>()
  for (const [id, m] of media) {
    const a = s.attachments.get(id)!
    byKey.set(imageKey(a.url), m)
    if (a.file) byKey.set(imageKey(`/wp-content/uploads/${a.file}`), m)
  }
  const table: MediaTable = {
    urls: [...byKey].map(([key, m]) => [key, mediaDisplayUrl(m)]),
    attachments: [...s.attachments].map(([id, a]) => {
      const m = media.get(id)
      return [id, { url: m ? mediaDisplayUrl(m) : a.url, alt: m?.alt ?? a.alt, caption: m?.caption ?? a.caption }]
    }),
  }
  const renderer = postRenderer(table, s.total)
  const reserved = (slug: string) => ['topic', 'author', 'tag', 'search', 'feed', 'newsroom', 'api', 'assets', 'media', 'comments', 'sitemaps', 'healthz', 'readyz'].includes(slug)
  const categoryByTermId = new Map([...s.categories.values()].map((c) => [c.termId, c]))
  const writer = itemWriter(deps, source, report, { dryRun: opts.dryRun, total: s.total, onProgress: opts.onProgress, batchSize: opts.batchSize })

  // Posts are rendered a few dozen ahead of the one being written, on a worker thread (body-pool.ts).
  const ahead: { node: XmlNode; line: number; type: string; id: string; title: string; status: string; rendered: Promise<RenderedPost> }[] = []
  const lookahead = 64
  try {
    for await (const { node, line } of readWxr(file)) {
      if (node.name !== 'item') continue
      const type = childText(node, 'wp:post_type').trim()
      const id = childText(node, 'wp:post_id').trim()
      const title = text(childText(node, 'title'))
      if (type === 'attachment') continue
      if (type === 'nav_menu_item') { ignore(report, 'menu items'); continue }
      if (type === 'revision') { ignore(report, 'revisions'); continue }
      if (type !== 'post' && type !== 'page') { ignore(report, `custom post type "${type || 'unknown'}"`); continue }
      const status = childText(node, 'wp:status').trim()
      if (status === 'auto-draft' || status === 'inherit') { ignore(report, 'auto-drafts'); continue }
      if (status === 'private' || status === 'trash') {
        writer.skip(line, title || `#${id}`, status === 'private' ? 'private post: not imported' : 'in the trash: not imported', true)
        continue
      }
      const comments = type === 'post' ? childrenNamed(node, 'wp:comment').map((c) => childText(c, 'wp:comment_content')) : []
      ahead.push({ node, line, type, id, title, status, rendered: renderer.render(childText(node, 'content:encoded'), comments) })
      if (ahead.length >= lookahead) await writePost(ahead.shift()!)
    }
    while (ahead.length) await writePost(ahead.shift()!)
  } finally {
    await renderer.close()
  }

  async function writePost({ node, line, type, id, title, status, rendered }: (typeof ahead)[number]): Promise<void> {
    const m = meta(node)
    const body = await rendered
    for (const name of body.unknownShortcodes) countInto(report.unknownShortcodes, name)
    const bodyText = body.markdown
    const headline = fitName(title, articleLimits.headline) || fitName(excerpt(bodyText.replace(/[#*_>![\]()`-]/g, ' '), 80), articleLimits.headline) || `Untitled ${type} ${id}`
    const slug = (slugify(decodeSlug(childText(node, 'wp:post_name').trim()), 120) || slugify(headline, 120) || `${type}-${id}`)
    const link = childText(node, 'link').trim()
    const oldAddresses = [link, type === 'page' ? `/?page_id=${id}` : `/?p=${id}`, `/?p=${id}`]
      .filter((a, i, all) => a && all.indexOf(a) === i)

    if (type === 'page') {
      const page: PageInput = {
        title: headline, slug, body: bodyText, status: status === 'publish' ? 'published' : 'draft',
        inFooter: false, position: Math.min(Math.max(0, Number(childText(node, 'wp:menu_order')) || 0), 10_000),
      }
      await writer.add({ line, sourceId: id, title: headline, kind: 'page', page, oldAddresses, comments: [] })
      return
    }

    const cats = node.children.filter((c) => c.name === 'category')
    const categories = cats.filter((c) => c.attrs.domain === 'category').map((c) => ({ nicename: decodeSlug(c.attrs.nicename ?? ''), name: text(c.text) })).filter((c) => c.name)
    const tags = uniq(cats.filter((c) => c.attrs.domain === 'post_tag').map((c) => fitName(text(c.text), articleLimits.tag)))
    const primaryId = m.get('_yoast_wpseo_primary_category')?.trim()
    const primaryNice = primaryId ? categoryByTermId.get(primaryId)?.nicename : undefined
    const primary = categories.find((c) => c.nicename === primaryNice) ?? categories[0]
    const section = opts.sectionFrom === 'tag' && tags[0] ? tags[0] : primary?.name ?? 'News'
    const topics = uniq(categories.filter((c) => c !== primary || opts.sectionFrom === 'tag').map((c) => fitName(c.name, articleLimits.topic)))
      .filter((t) => slugify(t) !== slugify(section))
    const creator = childText(node, 'dc:creator').trim()
    const author = s.authors.get(creator) ?? text(creator)
    const published = wpDate(childText(node, 'wp:post_date_gmt'), childText(node, 'wp:post_date'))
    const articleStatus = status === 'publish' ? 'published' : status === 'future' ? 'scheduled' : 'draft'
    const thumbnail = m.get('_thumbnail_id')?.trim()
    const featured = thumbnail ? media.get(thumbnail) : undefined
    const standfirst = excerpt(text(childText(node, 'excerpt:encoded').replace(/<[^>]+>/g, ' ')) || body.teaser || '', articleLimits.standfirst - 1)

    const comments: ImportedComment[] = []
    for (const [n, c] of childrenNamed(node, 'wp:comment').entries()) {
      const kind = childText(c, 'wp:comment_type').trim()
      if (kind === 'pingback' || kind === 'trackback') { ignore(report, `${kind}s`); continue }
      const status = commentStatus[childText(c, 'wp:comment_approved').trim()]
      const at = wpDate(childText(c, 'wp:comment_date_gmt'), childText(c, 'wp:comment_date'))
      if (!status || !at) { ignore(report, 'comments with an unknown state'); continue }
      const parent = childText(c, 'wp:comment_parent').trim()
      comments.push({
        sourceId: childText(c, 'wp:comment_id').trim(), parentSourceId: parent && parent !== '0' ? parent : undefined,
        authorName: text(childText(c, 'wp:comment_author')), authorEmail: childText(c, 'wp:comment_author_email').trim(),
        authorWebsite: childText(c, 'wp:comment_author_url').trim(), body: body.comments[n]!.body, rendered: body.comments[n], status, createdAt: at,
      })
    }

    const article: ArticleInput = {
      slug, headline, standfirst, body: bodyText.trim() ? bodyText : standfirst || headline,
      section: fitName(sectionName(section, reserved), articleLimits.section), topics: topics.slice(0, 20), tags: tags.slice(0, 20),
      authors: author ? [fitName(author, articleLimits.author)] : undefined,
      status: articleStatus, publishedAt: published,
      // Caption and credit left unset take the library's (withLibraryImage), as the newsroom's picker does.
      image: featured ? { mediaId: featured.id, url: '', alt: '', caption: undefined as unknown as string, credit: undefined as unknown as string, width: null, height: null } : undefined,
    }
    const item: ImportedItem = {
      line, sourceId: id, title: headline, kind: 'article', article, oldAddresses, comments, ...(article.body === body.markdown ? { bodyHtml: body.html } : {}),
    }
    if (articleStatus !== 'draft' && !published) {
      writer.skip(line, headline, 'no publication date')
      return
    }
    await writer.add(item)
  }

  // Category, tag and author pages of the old site lead to the matching pages here (and their feeds to the feeds).
  await writer.flush()
  const site = deps.db
  const exists = async (table: 'section' | 'topic' | 'tag' | 'author', slug: string) =>
    !!slug && !!(await site.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst())
  const both = (old: string, to: string) => {
    writer.redirect(old, to)
    writer.redirect(`${old}feed/`, `${to}feed/`)
  }
  for (const c of s.categories.values()) {
    const slug = slugify(sectionName(c.name, reserved))
    const to = (await exists('section', slug)) ? `/${slug}/` : (await exists('topic', slugify(c.name))) ? `/topic/${slugify(c.name)}/` : undefined
    if (!to) continue
    both(`/category/${c.nicename}/`, to)
    const chain = [c.nicename]
    for (let p = s.categories.get(c.parent), n = 0; p && n < 10; p = s.categories.get(p.parent), n++) chain.unshift(p.nicename)
    if (chain.length > 1) both(`/category/${chain.join('/')}/`, to)
  }
  for (const [nicename, name] of s.tags) {
    if (await exists('tag', slugify(name))) both(`/tag/${nicename}/`, `/tag/${slugify(name)}/`)
  }
  for (const [login, name] of s.authors) {
    if (await exists('author', slugify(name))) both(`/author/${login}/`, `/author/${slugify(name)}/`)
  }
  await writer.finish()
  report.skipped.sort((a, b) => a.line - b.line)
  return report
}
