// Site settings an administrator edits in the newsroom: identity of the site, comment policy, moderators.
import type { Config } from '../config/index.js'
import { validationError, type FieldIssue } from '../platform/errors.js'

export interface CommentPolicy {
  /** Whether new articles open for comments. */
  enabledByDefault: boolean
  /** Comments close this many days after publication; 0 keeps them open. */
  autoCloseDays: number
  /** Hold every comment for a moderator. */
  holdAll: boolean
  /** A comment with more links than this is held. */
  maxLinks: number
  /** Words or phrases that mark a comment as spam. */
  blockList: string[]
  /** Words or phrases that hold a comment for a moderator. */
  holdList: string[]
  /** How deep replies nest. */
  threadDepth: number
  /** Comments a minute one address or one email may post. */
  ratePerMinute: number
}

export interface SiteSettings {
  name: string
  description: string
  /** URL or site path of the logo; empty for the built-in one. */
  logo: string
  /** BCP 47 language tag such as en or pt-PT. */
  language: string
  /** IANA time zone such as Europe/Lisbon. */
  timeZone: string
  comments: CommentPolicy
  /** Who is told when a comment is held. */
  moderatorEmails: string[]
  /**
   * Media library item shown for pages and articles without a picture of their own (Open Graph, Twitter card,
   * NewsArticle JSON-LD); null for none.
   */
  defaultImageId: number | null
}

/** The default card as pages use it: an absolute-able URL with its real size and alt text. */
export interface CardImage {
  url: string
  width: number
  height: number
  alt: string
}

export const defaultCommentPolicy: CommentPolicy = {
  enabledByDefault: true, autoCloseDays: 0, holdAll: false, maxLinks: 2, blockList: [], holdList: [], threadDepth: 4, ratePerMinute: 5,
}

export const settingsLimits = {
  name: 100, description: 300, logo: 500, language: 35, timeZone: 64, listEntries: 500, listEntry: 100, moderators: 20,
  autoCloseDays: 3650, maxLinks: 50, threadDepth: 10, ratePerMinute: 1000,
} as const

/** What the site is before anyone saves settings: the configuration. */
export function defaultSettings(config: Pick<Config, 'siteName' | 'siteDescription' | 'siteLanguage' | 'siteTimezone'>): SiteSettings {
  return {
    name: config.siteName, description: config.siteDescription, logo: '', language: config.siteLanguage, timeZone: config.siteTimezone,
    comments: { ...defaultCommentPolicy }, moderatorEmails: [], defaultImageId: null,
  }
}

export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > settingsLimits.timeZone) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const languagePattern = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** One entry a line (or comma-separated), trimmed, lower-cased, without blanks or repeats. */
export function parseList(text: string): string[] {
  return [...new Set(text.split(/[\n,]/).map((s) => s.trim().toLowerCase()).filter(Boolean))]
}

/** Checks and tidies settings from the form; throws VALIDATION naming each bad field. */
export function checkSettings(input: SiteSettings): SiteSettings {
  const issues: FieldIssue[] = []
  const L = settingsLimits
  const text = (field: string, label: string, value: string, max: number, required = false) => {
    if (required && !value) issues.push({ field, message: `${label} is required` })
    else if ([...value].length > max) issues.push({ field, message: `${label} must be at most ${max} characters long` })
  }
  const s: SiteSettings = {
    ...input,
    name: input.name.trim(), description: input.description.trim(), logo: input.logo.trim(),
    language: input.language.trim(), timeZone: input.timeZone.trim(),
    moderatorEmails: [...new Set(input.moderatorEmails.map((e) => e.trim().toLowerCase()).filter(Boolean))],
    comments: { ...input.comments },
  }
  text('name', 'Site name', s.name, L.name, true)
  text('description', 'Description', s.description, L.description)
  text('logo', 'Logo', s.logo, L.logo)
  if (s.logo && !/^(https?:\/\/|\/)[^\s"'<>]*$/.test(s.logo)) issues.push({ field: 'logo', message: 'Logo must be an http(s) URL or a path starting with /' })
  if (!languagePattern.test(s.language) || s.language.length > L.language) issues.push({ field: 'language', message: 'Language must be a language tag such as en or pt-PT' })
  if (!isTimeZone(s.timeZone)) issues.push({ field: 'timeZone', message: 'Time zone must be an IANA time zone such as Europe/Lisbon' })
  if (s.defaultImageId !== null && (!Number.isInteger(s.defaultImageId) || s.defaultImageId < 1)) {
    issues.push({ field: 'defaultImageId', message: 'Default card image must be a picture from the media library' })
  }
  if (s.moderatorEmails.length > L.moderators) issues.push({ field: 'moderatorEmails', message: `At most ${L.moderators} moderator emails` })
  const bad = s.moderatorEmails.find((e) => !emailPattern.test(e) || e.length > 254)
  if (bad) issues.push({ field: 'moderatorEmails', message: 'Moderator emails must be addresses such as desk@example.org, one a line' })
  const whole = (field: keyof CommentPolicy, label: string, max: number, min = 0) => {
    const v = s.comments[field] as number
    if (!Number.isInteger(v) || v < min || v > max) issues.push({ field, message: `${label} must be a whole number from ${min} to ${max}` })
  }
  whole('autoCloseDays', 'Close comments after days', L.autoCloseDays)
  whole('maxLinks', 'Links before hold', L.maxLinks)
  whole('threadDepth', 'Reply depth', L.threadDepth, 1)
  whole('ratePerMinute', 'Comments a minute', L.ratePerMinute, 1)
  for (const [field, label] of [['blockList', 'Block list'], ['holdList', 'Hold list']] as const) {
    const list = s.comments[field]
    if (list.length > L.listEntries) issues.push({ field, message: `${label} may have at most ${L.listEntries} entries` })
    if (list.some((w) => w.length > L.listEntry)) issues.push({ field, message: `${label} entries must be at most ${L.listEntry} characters long` })
  }
  if (issues.length) throw validationError(issues)
  return s
}
