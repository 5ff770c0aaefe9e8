// Comments as the rest of the code sees them: the public shape (no email, by construction), the newsroom's, and their rules.
import type { CommentRow, CommentStatus } from '../platform/db/index.js'

export type { CommentStatus }

export const commentStatuses: readonly CommentStatus[] = ['pending', 'approved', 'spam', 'trash']

/** Moderator actions and the statuses each may start from. */
export const moderationActions = {
  approve: ['pending', 'spam', 'trash'],
  spam: ['pending', 'approved', 'trash'],
  trash: ['pending', 'approved', 'spam'],
  restore: ['spam', 'trash'],
  unapprove: ['approved'],
} as const satisfies Record<string, readonly CommentStatus[]>

export type ModerationAction = keyof typeof moderationActions

/** What a reader may see of a comment. There is deliberately no email field: nothing can leak it from here. */
export interface PublicComment {
  id: number
  articleId: number
  parentId: number | null
  depth: number
  authorName: string
  /** http(s) only, or empty. */
  authorWebsite: string
  bodyHtml: string
  /** Written by a member of staff (shown with a badge). */
  staff: boolean
  /** Shown only to its own author, marked "awaiting moderation". */
  awaitingModeration: boolean
  createdAt: Date
}

/** What a moderator sees. */
export interface ModeratedComment extends Omit<PublicComment, 'awaitingModeration'> {
  authorEmail: string | null
  body: string
  status: CommentStatus
  reason: string
  updatedAt: Date
  article: { id: number; headline: string; path: string }
}

export function toPublicComment(row: Pick<CommentRow, 'id' | 'article_id' | 'parent_id' | 'depth' | 'author_name' | 'author_website' | 'body_html' | 'staff_user_id' | 'status' | 'created_at'>): PublicComment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    depth: row.depth,
    authorName: row.author_name,
    authorWebsite: row.author_website,
    bodyHtml: row.body_html,
    staff: row.staff_user_id !== null,
    awaitingModeration: row.status !== 'approved',
    createdAt: new Date(row.created_at),
  }
}

/** A thread node: a comment and the replies shown under it, oldest first. */
export interface CommentNode {
  comment: PublicComment
  replies: CommentNode[]
}

export type CommentSort = 'oldest' | 'newest'

/** Cache tags a change to an article's comments touches: its page, its comment feed, and lists showing its count. */
export function commentCacheTags(articleId: number, listTags: readonly string[] = []): string[] {
  return [`article:${articleId}`, `comments:${articleId}`, 'comments', ...listTags]
}
