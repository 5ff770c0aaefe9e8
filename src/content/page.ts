// Pages that are not news (About, Contact, Ethics policy): their shape and the rules for their fields and addresses.
import type { PageStatus } from '../platform/db/index.js'
import type { FieldIssue } from '../platform/errors.js'
import { reservedSlugs, slugify, slugPattern } from './article.js'

export type { PageStatus }

/** A page as a reader sees it: no dates, no byline, no comments, no related news. */
export interface PublicPage {
  id: number
  slug: string
  path: string
  title: string
  bodyHtml: string
  seoDescription: string
  /** The text without markup, for excerpts and reading time. */
  bodyText: string
  createdAt: Date
  modifiedAt: Date
}

/** A page as the newsroom edits it. */
export interface EditablePage extends PublicPage {
  bodyMd: string
  status: PageStatus
  inFooter: boolean
  position: number
}

/** A link in the site footer. */
export interface FooterLink { path: string; title: string }

export interface PageInput {
  title: string
  /** Empty or absent: made from the title. */
  slug?: string | undefined
  /** Markdown, like an article body. */
  body: string
  status?: PageStatus | undefined
  inFooter?: boolean | undefined
  position?: number | undefined
  seoDescription?: string | undefined
}

export const pageStatuses: readonly PageStatus[] = ['draft', 'published']
export const pageLimits = { title: 200, slug: 120, body: 200_000, seoDescription: 320, position: 10_000 } as const

export const pagePath = (slug: string) => `/${slug}/`

/** The slug a page input asks for: given, or made from the title. */
export const pageSlugOf = (input: Pick<PageInput, 'slug' | 'title'>) =>
  (typeof input.slug === 'string' && input.slug.trim() ? input.slug.trim().toLowerCase() : slugify(typeof input.title === 'string' ? input.title : ''))

/** Every problem with a page's fields at once; the address clash with a section is checked against the database. */
export function checkPageInput(input: PageInput): FieldIssue[] {
  const issues: FieldIssue[] = []
  const text = (field: string, label: string, value: unknown, max: number, required: boolean) => {
    if (typeof value !== 'string') {
      if (required || value !== undefined) issues.push({ field, message: `${label} must be text` })
      return
    }
    if (required && !value.trim()) issues.push({ field, message: `${label} is required` })
    if (value.length > max) issues.push({ field, message: `${label} must be at most ${max} characters` })
    if (value.includes('\u0000')) issues.push({ field, message: `${label} contains a null character` })
  }
  text('title', 'Title', input.title, pageLimits.title, true)
  text('body', 'Body', input.body, pageLimits.body, false)
  text('seoDescription', 'Search description', input.seoDescription, pageLimits.seoDescription, false)
  const slug = pageSlugOf(input)
  if (typeof input.title === 'string' && input.title.trim() && !slug) issues.push({ field: 'slug', message: 'Slug needs at least one letter or digit' })
  else if (slug && (!slugPattern.test(slug) || slug.length > pageLimits.slug)) {
    issues.push({ field: 'slug', message: `Slug must be lowercase letters, digits and single hyphens, at most ${pageLimits.slug} characters` })
  } else if (reservedSlugs.has(slug)) {
    issues.push({ field: 'slug', message: `"${slug}" is a reserved address (/${slug}/ belongs to the site itself); choose another slug` })
  }
  if (input.status !== undefined && !pageStatuses.includes(input.status)) issues.push({ field: 'status', message: 'Status must be draft or published' })
  const position = input.position
  if (position !== undefined && (!Number.isInteger(position) || position < 0 || position > pageLimits.position)) {
    issues.push({ field: 'position', message: `Position must be a whole number from 0 to ${pageLimits.position}` })
  }
  return issues
}
