// Articles as the rest of the code sees them, and the pure rules about them (paths, slugs, states, cache tags).
import type { ArticleStatus } from '../platform/db/index.js'

export type { ArticleStatus }

export interface SectionRef { id: number; slug: string; name: string }
export interface Section extends SectionRef { description: string; position: number }
export interface TopicRef { id: number; slug: string; name: string }
export interface Topic extends TopicRef { description: string }
export interface TagRef { id: number; slug: string; name: string }
export interface AuthorRef { id: number; slug: string; name: string }
export interface Author extends AuthorRef { bio: string }

/** One responsive version of a featured image, made by the media library. */
export interface ImageVariant {
  url: string
  format: 'avif' | 'webp' | 'jpeg'
  width: number
  height: number
}

export interface ArticleImage {
  url: string
  alt: string
  caption: string
  credit: string
  width: number | null
  height: number | null
  /** The media library item it comes from; pictures from elsewhere have none. */
  mediaId?: number | null | undefined
  /** Responsive versions for srcset (from the media item); empty or absent means only `url` exists. */
  variants?: readonly ImageVariant[] | undefined
}

export interface Correction {
  id: number
  kind: 'correction' | 'update'
  text: string
  createdAt: Date
}

/** What lists, feeds and related blocks need: no body. */
export interface ArticleSummary {
  id: number
  slug: string
  path: string
  headline: string
  standfirst: string
  status: ArticleStatus
  section: SectionRef
  /** The running story shown as the label before the headline. */
  topic: TopicRef | undefined
  authors: AuthorRef[]
  image: ArticleImage | undefined
  publishedAt: Date | null
  updatedAt: Date | null
  /** Approved reader comments. */
  commentCount: number
}

/** What a reader's page shows: everything but the Markdown source and the plain-text copy kept for search. */
export interface PublicArticle extends ArticleSummary {
  bodyHtml: string
  dateline: string
  agency: string
  topics: TopicRef[]
  tags: TagRef[]
  corrections: Correction[]
  seoTitle: string
  seoDescription: string
  commentsOpen: boolean
  createdAt: Date
  modifiedAt: Date
}

/** The whole article, as the newsroom edits it. */
export interface Article extends PublicArticle {
  bodyMd: string
  bodyText: string
}

export const articleStatuses: readonly ArticleStatus[] = ['draft', 'scheduled', 'published', 'unpublished']

/** Which status may follow which; anything else is refused. */
export const nextStatuses: Record<ArticleStatus, readonly ArticleStatus[]> = {
  draft: ['scheduled', 'published'],
  scheduled: ['draft', 'published'],
  published: ['unpublished'],
  unpublished: ['draft', 'published'],
}

export function articlePath(sectionSlug: string, slug: string): string {
  return `/${sectionSlug}/${slug}/`
}

/** Top-level paths that are not sections; a section may not take one of these slugs. */
export const reservedSlugs = new Set([
  'topic', 'author', 'tag', 'search', 'feed', 'newsroom', 'api', 'assets', 'media', 'sitemap.xml',
  'news-sitemap.xml', 'robots.txt', 'healthz', 'readyz', 'comments', 'favicon.ico', 'sitemaps',
])

/**
 * A URL slug from any title: lowercase ASCII words joined by hyphens.
 * @example slugify('Énergie: prices & “caps”') // 'energie-prices-caps'
 */
export function slugify(title: string, max = 80): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max)
  return cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut
}

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Cache tags naming every page an article appears on. */
export function articleCacheTags(a: Pick<Article, 'id' | 'section' | 'topics' | 'tags' | 'authors'>): string[] {
  return [
    `article:${a.id}`,
    `section:${a.section.id}`,
    ...a.topics.map((t) => `topic:${t.id}`),
    ...a.tags.map((t) => `tag:${t.id}`),
    ...a.authors.map((t) => `author:${t.id}`),
    'home',
    'feed',
    'sitemap',
  ]
}

export function isPublic(a: Pick<ArticleSummary, 'status'>): boolean {
  return a.status === 'published'
}
