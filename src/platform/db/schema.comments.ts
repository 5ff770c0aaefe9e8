// Table types for reader comments, their history, commenter addresses; filled in by migration 0005-comments.
import type { Generated, Selectable } from 'kysely'

export type CommentStatus = 'pending' | 'approved' | 'spam' | 'trash'

export interface CommentTable {
  id: Generated<number>
  article_id: number
  /** The comment replied to; null for a top-level comment. */
  parent_id: number | null
  /** The top-level comment of the thread (its own id when top-level), so one query loads a page's replies. */
  thread_id: number | null
  /** 0 for top-level. */
  depth: number
  author_name: string
  /** Lowercased address; null for staff replies and erased commenters. Never leaves the newsroom. */
  author_email: string | null
  /** Keyed HMAC of the address, for "seen before" lookups; never published (it is not a plain hash). */
  email_hash: string | null
  author_website: string
  /** What the commenter typed, normalised. */
  body: string
  /** Sanitised HTML made from body. */
  body_html: string
  status: CommentStatus
  /** Status before spam or trash, so restore puts it back. */
  previous_status: CommentStatus | null
  /** Why the moderation steps decided as they did (e.g. hold:first-comment). */
  reason: string
  /** Keyed HMAC of the sender's IP, for rate limits and spam review. */
  ip_hash: string
  staff_user_id: number | null
  /** 1 when the commenter asked to hear of replies (sent only once their address is confirmed). */
  notify: number
  created_at: string
  updated_at: string
}

/** Who did what to a comment and when: the moderation history. */
export interface CommentEventTable {
  id: Generated<number>
  comment_id: number
  action: string
  actor: string
  detail: string
  created_at: string
}

/** A guest commenter's address: double opt-in for reply notifications and one-click unsubscribe. */
export interface CommentAddressTable {
  email_hash: string
  email: string
  /** Random token in confirm and unsubscribe links. */
  token: string
  confirmed_at: string | null
  unsubscribed_at: string | null
  created_at: string
}

export interface CommentTables {
  comment: CommentTable
  comment_event: CommentEventTable
  comment_address: CommentAddressTable
}

export type CommentRow = Selectable<CommentTable>
export type CommentEventRow = Selectable<CommentEventTable>
