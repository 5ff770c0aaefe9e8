// Domain objects to the read API's resources: every field named here, so nothing else (a draft's fields, a staff id,
// an email) can reach a response; ids of sections, topics, tags and authors stay inside, slugs identify them.
import type { ArticleImage, ArticleSummary, PublicArticle, Section, Topic, TagRef, Author, AuthorRef, TopicRef, SectionRef } from '../../content/index.js'
import type { PublicComment } from '../../comments/index.js'

/** Absolute addresses from the configured site URL, never from the request. */
export type Absolute = (path: string) => string

export const absoluteFrom = (siteUrl: string): Absolute => (path) => (/^https?:\/\//.test(path) ? path : `${siteUrl}${path}`)

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)

export function sectionResource(s: Pick<SectionRef, 'slug' | 'name'> & Partial<Pick<Section, 'description'>>, abs: Absolute) {
  return { slug: s.slug, name: s.name, description: s.description ?? '', url: abs(`/${s.slug}/`) }
}

export function topicResource(t: Pick<TopicRef, 'slug' | 'name'> & Partial<Pick<Topic, 'description'>>, abs: Absolute) {
  return { slug: t.slug, name: t.name, description: t.description ?? '', url: abs(`/topic/${t.slug}/`) }
}

export function tagResource(t: Pick<TagRef, 'slug' | 'name'>, abs: Absolute) {
  return { slug: t.slug, name: t.name, url: abs(`/tag/${t.slug}/`) }
}

export function authorResource(a: Pick<AuthorRef, 'slug' | 'name'> & Partial<Pick<Author, 'bio'>>, abs: Absolute) {
  return { slug: a.slug, name: a.name, bio: a.bio ?? '', url: abs(`/author/${a.slug}/`) }
}

function imageResource(i: ArticleImage | undefined, abs: Absolute) {
  if (!i) return null
  return {
    url: abs(i.url), alt: i.alt, caption: i.caption, credit: i.credit, width: i.width, height: i.height,
    variants: (i.variants ?? []).map((v) => ({ url: abs(v.url), format: v.format, width: v.width, height: v.height })),
  }
}

export function articleSummaryResource(a: ArticleSummary, abs: Absolute) {
  return {
    id: a.id, slug: a.slug, url: abs(a.path), headline: a.headline, standfirst: a.standfirst,
    section: sectionResource(a.section, abs),
    topic: a.topic ? topicResource(a.topic, abs) : null,
    authors: a.authors.map((x) => authorResource(x, abs)),
    image: imageResource(a.image, abs),
    published_at: iso(a.publishedAt),
    updated_at: iso(a.updatedAt),
    comment_count: a.commentCount,
  }
}

export function articleResource(a: PublicArticle, abs: Absolute) {
  return {
    ...articleSummaryResource(a, abs),
    topics: a.topics.map((t) => topicResource(t, abs)),
    tags: a.tags.map((t) => tagResource(t, abs)),
    modified_at: a.modifiedAt.toISOString(),
    body_html: a.bodyHtml, dateline: a.dateline, agency: a.agency,
    corrections: a.corrections.map((c) => ({ kind: c.kind, text: c.text, created_at: c.createdAt.toISOString() })),
    seo_title: a.seoTitle, seo_description: a.seoDescription, comments_open: a.commentsOpen,
  }
}

/** Built from the public comment shape, which has no email field to begin with. */
export function commentResource(c: PublicComment) {
  return {
    id: c.id, parent_id: c.parentId, depth: c.depth, author_name: c.authorName, author_website: c.authorWebsite,
    body_html: c.bodyHtml, staff: c.staff, created_at: c.createdAt.toISOString(),
  }
}

export type ArticleResource = ReturnType<typeof articleResource>
export type ArticleSummaryResource = ReturnType<typeof articleSummaryResource>
export type CommentResource = ReturnType<typeof commentResource>
