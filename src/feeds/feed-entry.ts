// One article as every feed format sees it: absolute links, a stable id, times, people, categories, HTML and text.
import { excerpt, htmlToText, sanitize, toOneLine, type Article } from '../content/index.js'
import { absolute, formatDateTime, type SiteInfo } from '../ui/index.js'
import { escapeHtml } from './xml.js'

export interface FeedPerson {
  name: string
  url: string
}

export interface FeedEntry {
  /** Survives a change of section or slug, so readers do not see a moved story twice. */
  id: string
  url: string
  title: string
  published: Date
  /** The latest of publication, editorial update and any correction or update note. */
  updated: Date
  authors: FeedPerson[]
  /** Section, topics and tags by name, without repeats (case-insensitive). */
  categories: string[]
  /** Plain text: the standfirst, or the start of the body when there is none. */
  summary: string
  contentHtml: string
  /** Plain text of contentHtml with paragraph and list breaks kept, so no two words run together. */
  contentText: string
  image: { url: string; alt: string } | undefined
}

/** What a feed is about: the whole site, one section, one topic … */
export interface FeedChannel {
  title: string
  description: string
  /** The HTML page this feed mirrors. */
  homeUrl: string
  /** Absolute URL of the feed itself, per format. */
  urls: { rss: string; atom: string; json: string }
  language: string
  /** Stable identity of the feed for Atom. */
  id: string
  updated: Date
  siteName: string
  siteUrl: string
  icon: string
}

export function tagUri(site: Pick<SiteInfo, 'url'>, year: number, specific: string): string {
  return `tag:${new URL(site.url).hostname},${year}:${specific}`
}

/** Relative links and images in a body point at this site; feed readers need them absolute. */
export function absoluteLinks(site: Pick<SiteInfo, 'url'>, html: string): string {
  return html.replace(/(\s(?:href|src)=")\/(?!\/)/g, `$1${site.url}/`)
}

export function lastChange(article: Pick<Article, 'publishedAt' | 'updatedAt' | 'corrections' | 'createdAt'>): Date {
  const times = [article.publishedAt, article.updatedAt, ...article.corrections.map((c) => c.createdAt)]
    .filter((d): d is Date => d !== null).map((d) => d.getTime())
  return new Date(times.length ? Math.max(...times) : article.createdAt.getTime())
}

/** The body as a feed shows it: figure, body, agency credit, then corrections and updates with their time. */
export function feedContentHtml(site: SiteInfo, article: Article): string {
  const parts: string[] = []
  const image = article.image
  if (image) {
    const caption = [image.caption, image.credit].filter(Boolean).map(escapeHtml).join(' ')
    parts.push(`<figure><img src="${escapeHtml(absolute(site, image.url))}" alt="${escapeHtml(image.alt)}"${image.width ? ` width="${image.width}"` : ''}${image.height ? ` height="${image.height}"` : ''}>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`)
  }
  // Sanitised when saved; once more here because a feed is read far from the page's Content-Security-Policy.
  parts.push(absoluteLinks(site, sanitize(article.bodyHtml)))
  if (article.agency) parts.push(`<p>With information from ${escapeHtml(article.agency)}.</p>`)
  if (article.corrections.length) {
    const notes = article.corrections.map((c) => {
      const when = `${formatDateTime(c.createdAt, site.timeZone)} (${site.timeZone})`
      return `<li><strong>${c.kind === 'correction' ? 'Correction' : 'Update'}</strong>, <time datetime="${c.createdAt.toISOString()}">${escapeHtml(when)}</time>: ${escapeHtml(c.text)}</li>`
    })
    parts.push(`<h2>Corrections and updates</h2><ul>${notes.join('')}</ul>`)
  }
  return parts.join('\n')
}

export function toFeedEntry(site: SiteInfo, article: Article): FeedEntry {
  const contentHtml = feedContentHtml(site, article)
  const contentText = htmlToText(contentHtml)
  const published = article.publishedAt ?? article.createdAt
  const names = [article.section.name, ...article.topics.map((t) => t.name), ...article.tags.map((t) => t.name)]
  return {
    id: tagUri(site, article.createdAt.getUTCFullYear(), `article:${article.id}`),
    url: absolute(site, article.path),
    title: article.headline,
    published,
    updated: lastChange(article),
    authors: article.authors.map((a) => ({ name: a.name, url: absolute(site, `/author/${a.slug}/`) })),
    // A topic and a tag often share a name in different case; list it once.
    categories: names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i),
    summary: toOneLine(article.standfirst) || excerpt(htmlToText(sanitize(article.bodyHtml)), 300),
    contentHtml,
    contentText,
    image: article.image ? { url: absolute(site, article.image.url), alt: article.image.alt } : undefined,
  }
}
