// The comment policy as moderation needs it: the site settings' comment policy plus fixed anti-bot timings.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { getSettings, saveSettings, type SiteSettings } from '../content/index.js'

export interface CommentSettings {
  /** Hold every comment for a moderator ("pre-moderation"). */
  holdAll: boolean
  /** Close comments this many days after publication; 0 keeps them open. */
  autoCloseDays: number
  /** More links than this and the comment is held. */
  maxLinks: number
  /** Deepest nesting shown, counting top-level as 1. */
  maxDepth: number
  /** Top-level comments per page. */
  pageSize: number
  /** Words that mark a comment as spam. */
  blockList: string[]
  /** Words that hold a comment for a moderator. */
  holdList: string[]
  /** Submissions allowed per minute from one IP address, and for one email address. */
  perIpPerMinute: number
  perEmailPerMinute: number
  /** A form sent back sooner than this after it was served is refused as a bot's. */
  minSeconds: number
  /** A form older than this is refused as expired and served again with the text kept. */
  formMaxAgeHours: number
  /** Addresses told when a comment is held. */
  moderatorEmails: string[]
}

/** Timings that are not site settings: they protect the form rather than express an editorial policy. */
const fixed = { pageSize: 50, minSeconds: 3, formMaxAgeHours: 24 } as const

export function fromSiteSettings(s: Pick<SiteSettings, 'comments' | 'moderatorEmails'>): CommentSettings {
  const c = s.comments
  return {
    holdAll: c.holdAll, autoCloseDays: c.autoCloseDays, maxLinks: c.maxLinks, maxDepth: Math.max(1, c.threadDepth),
    blockList: c.blockList, holdList: c.holdList, perIpPerMinute: c.ratePerMinute, perEmailPerMinute: c.ratePerMinute,
    moderatorEmails: s.moderatorEmails, ...fixed,
  }
}

export async function loadCommentSettings(db: Db): Promise<CommentSettings> {
  return fromSiteSettings(await getSettings(db))
}

/** Changes the comment policy in the site settings (the newsroom's settings page does the same). */
export async function saveCommentPolicy(deps: Pick<Deps, 'db' | 'events' | 'clock' | 'config'>, changes: Partial<SiteSettings['comments']> & { moderatorEmails?: string[] }): Promise<CommentSettings> {
  const current = await getSettings(deps.db, deps.config)
  const { moderatorEmails, ...policy } = changes
  const saved = await saveSettings(deps, null, { ...current, comments: { ...current.comments, ...policy }, moderatorEmails: moderatorEmails ?? current.moderatorEmails })
  return fromSiteSettings(saved)
}
