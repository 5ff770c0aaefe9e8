// Turning what a commenter typed into safe text and HTML: normalise, check, then render paragraphs and links.
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import type { FieldIssue } from '../platform/errors.js'

export const commentLimits = { name: 80, email: 254, website: 200, body: 5000 } as const

/** NFC, Unix newlines, no trailing spaces on lines, trimmed: lengths are checked on this, never on raw input. */
export function normaliseText(value: string, { multiline = false } = {}): string {
  let text = value.normalize('NFC').replace(/\r\n?/g, '\n')
  if (multiline) text = text.split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n{3,}/g, '\n\n')
  else text = text.replace(/\s+/g, ' ')
  return text.trim()
}

// C0/C1 controls except tab and newline, and the bidirectional overrides that can disguise a name.
const controlChars = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/
const emailPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/

export interface CommentFields {
  name: string
  email: string
  website: string
  body: string
}

/** Normalises each field and lists every problem at once, so the form can show them beside their fields. */
export function checkCommentFields(raw: Partial<Record<keyof CommentFields, unknown>>): { fields: CommentFields; issues: FieldIssue[] } {
  const issues: FieldIssue[] = []
  const text = (field: keyof CommentFields, label: string, required: boolean, multiline = false): string => {
    const value = raw[field]
    if (value !== undefined && typeof value !== 'string') {
      issues.push({ field, message: `${label} must be text` })
      return ''
    }
    if (typeof value === 'string' && value.includes('\u0000')) {
      issues.push({ field, message: `${label} contains a character that is not allowed` })
      return ''
    }
    const normal = normaliseText(value ?? '', { multiline })
    if (required && normal === '') issues.push({ field, message: `${label} is required` })
    else if (normal.length > commentLimits[field]) issues.push({ field, message: `${label} must be at most ${commentLimits[field]} characters (it has ${normal.length})` })
    else if (controlChars.test(normal)) issues.push({ field, message: `${label} contains a character that is not allowed` })
    return normal
  }
  const name = text('name', 'Name', true)
  let email = text('email', 'Email', true)
  let website = text('website', 'Website', false)
  const body = text('body', 'Comment', true, true)
  if (email && !issues.some((i) => i.field === 'email')) {
    const at = email.lastIndexOf('@')
    email = `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`
    if (!emailPattern.test(email)) issues.push({ field: 'email', message: 'Email must be an address such as name@example.com' })
  }
  if (website && !issues.some((i) => i.field === 'website')) {
    const checked = checkWebsite(website)
    if (checked === undefined) issues.push({ field: 'website', message: 'Website must be an http:// or https:// address' })
    else website = checked
  }
  return { fields: { name, email, website, body }, issues }
}

/** An http(s) URL, with https:// assumed when no scheme is given; undefined for anything else (javascript:, data:, …). */
export function checkWebsite(value: string): string | undefined {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (!url.hostname.includes('.') || url.username || url.password) return undefined
  const href = url.href
  return href.length <= commentLimits.website ? href : undefined
}

// Paragraphs, line breaks, emphasis, inline code and bare URLs made into links; nothing else is Markdown here.
const markdown = new MarkdownIt('zero', { linkify: true, breaks: true, html: false })
  .enable(['paragraph', 'newline', 'linkify', 'emphasis', 'backticks', 'escape'])
markdown.linkify.set({ fuzzyEmail: false })

const allowList: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'code'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.attribs.href,
}

/** Sanitised HTML for a normalised comment body. The body's length was checked before; the HTML is never cut. */
export function renderCommentBody(body: string): string {
  return sanitizeHtml(markdown.render(body), allowList).trim()
}

/** Links a body would have once rendered; the "too many links" step counts these. */
export function countLinks(body: string): number {
  return (markdown.linkify.match(body) ?? []).length
}

const avatars = new Map<string, { initials: string; colour: number }>()

/** Initials and one of eight colours for a locally drawn avatar; from the name only, never the email. */
export function avatarFor(name: string): { initials: string; colour: number } {
  const known = avatars.get(name)
  if (known) return known
  const words = name.normalize('NFC').split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w))
  const first = (w: string | undefined) => (w ? [...w.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '' : '')
  const initials = (words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0])).toUpperCase() || '?'
  // FNV-1a: stable across processes and cheap; the colour needs spread, not secrecy.
  let hash = 0x811c9dc5
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193)
  const avatar = { initials, colour: (hash >>> 0) % 8 }
  // A busy thread repeats names; the bound keeps memory flat whatever readers call themselves.
  if (avatars.size > 10_000) avatars.clear()
  avatars.set(name, avatar)
  return avatar
}
