// Revisions as data: the snapshot of an article's editable fields, and a readable comparison of two of them.
import { diffWordsWithSpace } from 'diff'
import type { Article } from './article.js'

/** Every field the editor changes; a revision stores one of these as JSON. */
export interface ArticleSnapshot {
  headline: string
  slug: string
  section: string
  topics: string[]
  tags: string[]
  authors: string[]
  standfirst: string
  dateline: string
  /** Markdown. */
  body: string
  imageUrl: string
  imageAlt: string
  imageCaption: string
  imageCredit: string
  imageMediaId: number | null
  agency: string
  seoTitle: string
  seoDescription: string
  commentsOpen: boolean
}

export interface Revision {
  id: number
  articleId: number
  number: number
  snapshot: ArticleSnapshot
  /** True for an autosave of a published or scheduled article: kept safe, but not applied until someone saves. */
  pending: boolean
  staffId: number | null
  /** Name of the staff member at listing time, when known. */
  staffName: string | null
  createdAt: Date
}

/** Labels as the editor names the fields, in the order the form shows them. */
export const snapshotFields: readonly { key: keyof ArticleSnapshot; label: string }[] = [
  { key: 'headline', label: 'Headline' },
  { key: 'slug', label: 'Slug' },
  { key: 'topics', label: 'Topic' },
  { key: 'section', label: 'Section' },
  { key: 'tags', label: 'Tags' },
  { key: 'authors', label: 'Authors' },
  { key: 'standfirst', label: 'Standfirst' },
  { key: 'dateline', label: 'Dateline' },
  { key: 'body', label: 'Body' },
  { key: 'imageUrl', label: 'Image URL' },
  { key: 'imageAlt', label: 'Image alt text' },
  { key: 'imageCaption', label: 'Image caption' },
  { key: 'imageCredit', label: 'Image credit' },
  { key: 'imageMediaId', label: 'Image from the media library' },
  { key: 'agency', label: 'Agency credit' },
  { key: 'seoTitle', label: 'SEO title' },
  { key: 'seoDescription', label: 'SEO description' },
  { key: 'commentsOpen', label: 'Comments open' },
]

export function snapshotOfArticle(a: Article & { imageMediaId?: number | null }): ArticleSnapshot {
  return {
    headline: a.headline,
    slug: a.slug,
    section: a.section.name,
    topics: a.topics.map((t) => t.name),
    tags: a.tags.map((t) => t.name),
    authors: a.authors.map((t) => t.name),
    standfirst: a.standfirst,
    dateline: a.dateline,
    body: a.bodyMd,
    imageUrl: a.image?.url ?? '',
    imageAlt: a.image?.alt ?? '',
    imageCaption: a.image?.caption ?? '',
    imageCredit: a.image?.credit ?? '',
    imageMediaId: a.imageMediaId ?? null,
    agency: a.agency,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    commentsOpen: a.commentsOpen,
  }
}

/** Reads a stored snapshot leniently: a field missing from an older revision reads as empty. */
export function parseSnapshot(json: string): { snapshot: ArticleSnapshot; pending: boolean } {
  let raw: Record<string, unknown> = {}
  try {
    const parsed = JSON.parse(json) as unknown
    if (parsed && typeof parsed === 'object') raw = parsed as Record<string, unknown>
  } catch { /* an unreadable snapshot shows as empty rather than breaking the history page */ }
  const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '')
  const list = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]).filter((v): v is string => typeof v === 'string') : [])
  return {
    pending: raw.pending === true,
    snapshot: {
      headline: text('headline'), slug: text('slug'), section: text('section'), topics: list('topics'), tags: list('tags'),
      authors: list('authors'), standfirst: text('standfirst'), dateline: text('dateline'), body: text('body'),
      imageUrl: text('imageUrl'), imageAlt: text('imageAlt'), imageCaption: text('imageCaption'), imageCredit: text('imageCredit'),
      imageMediaId: typeof raw.imageMediaId === 'number' ? raw.imageMediaId : null,
      agency: text('agency'), seoTitle: text('seoTitle'), seoDescription: text('seoDescription'), commentsOpen: raw.commentsOpen !== false,
    },
  }
}

/** The stored form; `pending` marks an autosave not yet applied to the article. */
export function serialiseSnapshot(snapshot: ArticleSnapshot, pending = false): string {
  return JSON.stringify(pending ? { ...snapshot, pending: true } : snapshot)
}

export function sameSnapshot(a: ArticleSnapshot, b: ArticleSnapshot): boolean {
  return snapshotFields.every(({ key }) => JSON.stringify(a[key]) === JSON.stringify(b[key]))
}

/** A run of text that both versions share, or that only the older (removed) or newer (added) one has. */
export interface DiffPart {
  text: string
  change: 'same' | 'added' | 'removed'
}

export interface FieldDiff {
  key: keyof ArticleSnapshot
  label: string
  parts: DiffPart[]
}

const asText = (value: ArticleSnapshot[keyof ArticleSnapshot]): string => {
  if (Array.isArray(value)) return value.join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (value === null) return ''
  return String(value)
}

// Past this many edits a word diff costs more than it explains; show the old and new text whole instead.
const maxEditLength = 2_000

/**
 * The fields that differ between two snapshots: the body word by word, the others as old value → new value.
 * @example diffSnapshots(older, newer).map((f) => f.label) // ['Headline', 'Body']
 */
export function diffSnapshots(older: ArticleSnapshot, newer: ArticleSnapshot): FieldDiff[] {
  const out: FieldDiff[] = []
  for (const { key, label } of snapshotFields) {
    const a = asText(older[key])
    const b = asText(newer[key])
    if (a === b) continue
    let parts: DiffPart[]
    const words = key === 'body' || key === 'standfirst' || key === 'headline' ? diffWordsWithSpace(a, b, { maxEditLength }) : undefined
    if (words) {
      parts = words.map((c) => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }))
    } else {
      parts = [...(a ? [{ text: a, change: 'removed' as const }] : []), ...(b ? [{ text: b, change: 'added' as const }] : [])]
    }
    out.push({ key, label, parts })
  }
  return out
}
