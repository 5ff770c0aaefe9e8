// Dateline's articles, names and settings in the shapes Ghost's Content API sends, key for key; built field by field so
// nothing that is not public (a draft, a staff email, the Markdown source) can ride along.
import type { ApiArticle, PublicPage, PublicTerm, SectionRef, SiteSettings } from '../../content/index.js'
import { excerpt } from '../../content/index.js'
import { ghostId, ghostUuid, type GhostKind } from './ghost-ids.js'

/** Ghost writes times as ISO 8601 with an explicit +00:00. */
const ghostTime = (d: Date | null) => (d ? d.toISOString().replace('Z', '+00:00') : null)

const absolute = (siteUrl: string, url: string) => (url.startsWith('/') ? `${siteUrl}${url}` : url)

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const nullIfEmpty = (s: string) => (s ? s : null)

export interface GhostTag {
  id: string; name: string; slug: string; description: string | null; feature_image: null; visibility: 'public'
  og_image: null; og_title: null; og_description: null; twitter_image: null; twitter_title: null; twitter_description: null
  meta_title: null; meta_description: null; codeinjection_head: null; codeinjection_foot: null; canonical_url: null; accent_color: null
  url: string; count?: { posts: number }
}

export interface GhostAuthor {
  id: string; name: string; slug: string; profile_image: null; cover_image: null; bio: string | null; website: null; location: null
  facebook: null; twitter: null; meta_title: null; meta_description: null; url: string; count?: { posts: number }
}

type TagSource = Pick<PublicTerm, 'kind' | 'id' | 'slug' | 'name'> & { description?: string; publicCount?: number }

const tagPath = (t: Pick<TagSource, 'kind' | 'slug'>) => (t.kind === 'section' ? `/${t.slug}/` : t.kind === 'topic' ? `/topic/${t.slug}/` : `/tag/${t.slug}/`)

/** Sections, topics and tags are all Ghost tags; the section is the primary one. */
export function ghostTag(siteUrl: string, t: TagSource, withCount: boolean): GhostTag {
  return {
    id: ghostId(t.kind as GhostKind, t.id), name: t.name, slug: t.slug, description: nullIfEmpty(t.description ?? ''), feature_image: null,
    visibility: 'public', og_image: null, og_title: null, og_description: null, twitter_image: null, twitter_title: null,
    twitter_description: null, meta_title: null, meta_description: null, codeinjection_head: null, codeinjection_foot: null,
    canonical_url: null, accent_color: null, url: `${siteUrl}${tagPath(t)}`,
    ...(withCount ? { count: { posts: t.publicCount ?? 0 } } : {}),
  }
}

export function ghostAuthor(siteUrl: string, a: { id: number; slug: string; name: string; description?: string; publicCount?: number }, withCount: boolean): GhostAuthor {
  return {
    id: ghostId('author', a.id), name: a.name, slug: a.slug, profile_image: null, cover_image: null, bio: nullIfEmpty(a.description ?? ''),
    website: null, location: null, facebook: null, twitter: null, meta_title: null, meta_description: null, url: `${siteUrl}/author/${a.slug}/`,
    ...(withCount ? { count: { posts: a.publicCount ?? 0 } } : {}),
  }
}

/** Ghost counts reading time in whole minutes at about 275 words a minute, and never says 0 for a real text. */
export function readingTime(characters: number): number {
  // From the length: an English word and its space average six characters, and counting words cost more than the rest of the post.
  const words = characters / 6
  return characters ? Math.max(1, Math.round(words / 275)) : 0
}

export interface PostOptions {
  siteUrl: string
  include: ReadonlySet<string>
  formats: ReadonlySet<'html' | 'plaintext'>
  fields: ReadonlySet<string> | undefined
  /** Public counts by term kind and id, for include=count.posts on embedded tags and authors. */
  counts?: ((kind: PublicTerm['kind'], id: number) => number) | undefined
  kind?: 'post' | 'page'
  /** Tag and author objects already built in this response: the same few recur on every post of a list. */
  built?: Map<string, unknown> | undefined
}

function once<T>(built: Map<string, unknown> | undefined, key: string, make: () => T): T {
  if (!built) return make()
  let v = built.get(key) as T | undefined
  if (v === undefined) built.set(key, (v = make()))
  return v
}

const sectionTag = (s: SectionRef): TagSource => ({ kind: 'section', id: s.id, slug: s.slug, name: s.name })

/** A post as Ghost sends it; `fields` keeps only the keys asked for (Ghost's `fields` parameter). */
export function ghostPost(a: ApiArticle, opts: PostOptions): Record<string, unknown> {
  const { siteUrl, include, formats } = opts
  const kind = opts.kind ?? 'post'
  const count = opts.counts
  const withCount = include.has('count.posts')
  const caption = [a.image?.caption, a.image?.credit].filter(Boolean).join(' ')
  const post: Record<string, unknown> = {
    id: ghostId(kind, a.id),
    uuid: ghostUuid(kind, a.id),
    title: a.headline,
    slug: a.slug,
    ...(formats.has('html') ? { html: a.bodyHtml } : {}),
    comment_id: String(a.id),
    feature_image: a.image ? absolute(siteUrl, a.image.url) : null,
    featured: false,
    visibility: 'public',
    created_at: ghostTime(a.createdAt),
    updated_at: ghostTime(a.modifiedAt),
    published_at: ghostTime(a.publishedAt),
    custom_excerpt: nullIfEmpty(a.standfirst),
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: null,
  }
  if (include.has('tags')) {
    const tags: TagSource[] = [
      sectionTag(a.section),
      ...a.topics.map((t) => ({ kind: 'topic' as const, ...t })),
      ...a.tags.map((t) => ({ kind: 'tag' as const, ...t })),
    ].map((t) => ({ ...t, publicCount: count?.(t.kind, t.id) ?? 0 }))
    post.tags = tags.map((t) => once(opts.built, `${t.kind}:${t.id}`, () => ghostTag(siteUrl, t, withCount)))
  }
  if (include.has('authors')) {
    post.authors = a.authors.map((au) => once(opts.built, `author:${au.id}`, () => ghostAuthor(siteUrl, { ...au, publicCount: count?.('author', au.id) ?? 0 }, withCount)))
    post.primary_author = (post.authors as GhostAuthor[])[0] ?? null
  }
  if (include.has('tags')) post.primary_tag = (post.tags as GhostTag[])[0] ?? null
  Object.assign(post, {
    url: `${siteUrl}${a.path}`,
    // Ghost's excerpt is the custom one or the start of the text; the plain text keeps word boundaries where markup ended.
    excerpt: a.standfirst || excerpt(a.textStart, 500),
    reading_time: readingTime(a.textLength),
    access: true,
    comments: a.commentsOpen,
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    meta_title: nullIfEmpty(a.seoTitle),
    meta_description: nullIfEmpty(a.seoDescription),
    email_subject: null,
    frontmatter: null,
    feature_image_alt: a.image ? nullIfEmpty(a.image.alt) : null,
    feature_image_caption: a.image && caption ? escapeHtml(caption) : null,
  })
  if (formats.has('plaintext')) post.plaintext = a.bodyText ?? ''
  return pick(post, opts.fields)
}

/**
 * A page (About, Contact…) as Ghost sends one: a post's keys where they apply. A page has no byline, tags, image or
 * comments, and is published when it was created as far as readers can tell (Dateline keeps no separate date).
 */
export function ghostPage(p: PublicPage, opts: Pick<PostOptions, 'siteUrl' | 'include' | 'formats' | 'fields'>): Record<string, unknown> {
  const { siteUrl, include, formats } = opts
  const page: Record<string, unknown> = {
    id: ghostId('page', p.id),
    uuid: ghostUuid('page', p.id),
    title: p.title,
    slug: p.slug,
    ...(formats.has('html') ? { html: p.bodyHtml } : {}),
    comment_id: null,
    feature_image: null,
    featured: false,
    visibility: 'public',
    created_at: ghostTime(p.createdAt),
    updated_at: ghostTime(p.modifiedAt),
    published_at: ghostTime(p.createdAt),
    custom_excerpt: null,
    codeinjection_head: null,
    codeinjection_foot: null,
    custom_template: null,
    canonical_url: null,
    ...(include.has('tags') ? { tags: [] } : {}),
    ...(include.has('authors') ? { authors: [], primary_author: null } : {}),
    ...(include.has('tags') ? { primary_tag: null } : {}),
    url: `${siteUrl}${p.path}`,
    excerpt: excerpt(p.bodyText, 500),
    reading_time: readingTime(p.bodyText.length),
    access: true,
    show_title_and_feature_image: true,
    comments: false,
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    meta_title: null,
    meta_description: nullIfEmpty(p.seoDescription),
    frontmatter: null,
    feature_image_alt: null,
    feature_image_caption: null,
    ...(formats.has('plaintext') ? { plaintext: p.bodyText } : {}),
  }
  return pick(page, opts.fields)
}

/** Ghost's `fields`: only the keys named (those that exist), in the object's own order. */
export function pick<T extends Record<string, unknown>>(object: T, fields: ReadonlySet<string> | undefined): T {
  if (!fields) return object
  return Object.fromEntries(Object.entries(object).filter(([k]) => fields.has(k))) as T
}

/** The site as Ghost's settings resource describes it; what Dateline has no notion of is null. */
export function ghostSettings(siteUrl: string, settings: SiteSettings, sections: readonly SectionRef[]) {
  return {
    title: settings.name,
    description: settings.description,
    logo: settings.logo ? absolute(siteUrl, settings.logo) : null,
    icon: `${siteUrl}/assets/favicon.svg`,
    accent_color: null,
    cover_image: null,
    facebook: null,
    twitter: null,
    lang: settings.language,
    locale: settings.language,
    timezone: settings.timeZone,
    codeinjection_head: null,
    codeinjection_foot: null,
    navigation: sections.map((s) => ({ label: s.name, url: `${siteUrl}/${s.slug}/` })),
    secondary_navigation: [],
    meta_title: null,
    meta_description: null,
    og_image: null,
    og_title: null,
    og_description: null,
    twitter_image: null,
    twitter_title: null,
    twitter_description: null,
    members_support_address: null,
    url: `${siteUrl}/`,
  }
}

export interface GhostPagination {
  page: number
  limit: number
  pages: number
  total: number
  next: number | null
  prev: number | null
}

/** meta.pagination exactly as Ghost sends it; an empty result is one page. */
export function ghostPagination(page: number, limit: number, total: number): GhostPagination {
  const pages = Math.max(1, Math.ceil(total / limit))
  return { page, limit, pages, total, next: page < pages ? page + 1 : null, prev: page > 1 ? page - 1 : null }
}
