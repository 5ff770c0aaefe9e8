// A commenter's rights over their data: export everything stored about an address, or erase it (delete or anonymise).
import type { Db } from '../platform/db/index.js'
import { commentsByEmailHash, addCommentEvent, idsWithReplies, recountArticle } from './comment.store.js'
import { emailHashOf } from './submit-comment.js'
import { findArticleById } from '../content/index.js'
import { commentCacheTags } from './comment.js'
import { listTagsOf } from './cache-tags.js'
import type { ModerationDeps, Actor } from './moderate-comment.js'

export interface CommenterExport {
  email: string
  exportedAt: string
  replyNotifications: { confirmedAt: string | null; unsubscribedAt: string | null } | null
  comments: {
    id: number; article: { headline: string; url: string }; inReplyTo: number | null; name: string; website: string
    text: string; status: string; createdAt: string; updatedAt: string
  }[]
}

export async function exportCommenterData({ db, secret, clock, config }: Pick<ModerationDeps, 'db' | 'secret' | 'clock' | 'config'>, email: string): Promise<CommenterExport> {
  const address = email.trim()
  const hash = emailHashOf(secret, address.toLowerCase())
  const [rows, sub] = await Promise.all([
    commentsByEmailHash(db, hash),
    db.selectFrom('comment_address').select(['confirmed_at', 'unsubscribed_at']).where('email_hash', '=', hash).executeTakeFirst(),
  ])
  return {
    email: address,
    exportedAt: clock.now().toISOString(),
    replyNotifications: sub ? { confirmedAt: sub.confirmed_at, unsubscribedAt: sub.unsubscribed_at } : null,
    comments: rows.map((r) => ({
      id: r.id, article: { headline: r.headline, url: `${config.siteUrl}/${r.section_slug}/${r.slug}/` }, inReplyTo: r.parent_id,
      name: r.author_name, website: r.author_website, text: r.body, status: r.status, createdAt: r.created_at, updatedAt: r.updated_at,
    })),
  }
}

export type ErasureMode = 'delete' | 'anonymise'

export interface ErasureReport {
  deleted: number
  anonymised: number
}

/**
 * Removes an address from every comment. 'anonymise' keeps the text under "Anonymous"; 'delete' removes the comments,
 * except that one others replied to keeps its place (so their replies still make sense) with its text removed.
 */
export async function eraseCommenter(deps: ModerationDeps, email: string, mode: ErasureMode, actor: Actor): Promise<ErasureReport> {
  const { db, clock, secret } = deps
  const hash = emailHashOf(secret, email.trim().toLowerCase())
  const rows = await commentsByEmailHash(db, hash)
  const now = clock.now()
  const articles = new Set(rows.map((r) => r.article_id))
  let deleted = 0
  let anonymised = 0
  await db.transaction().execute(async (tx: Db) => {
    const anonymise = async (id: number, body?: string) => {
      await tx.updateTable('comment').set({
        author_name: 'Anonymous', author_email: null, email_hash: null, author_website: '', ip_hash: '', notify: 0, updated_at: now.toISOString(),
        ...(body !== undefined ? { body, body_html: `<p>${body}</p>` } : {}),
      }).where('id', '=', id).execute()
      await addCommentEvent(tx, { commentId: id, action: 'erase', actor, detail: body !== undefined ? 'deleted (kept as a placeholder for its replies)' : 'anonymised', at: now })
      anonymised++
    }
    if (mode === 'anonymise') {
      for (const r of rows) await anonymise(r.id)
    } else {
      // Deepest first, so a chain of the same person's replies goes entirely.
      let remaining = rows.map((r) => r.id)
      for (let pass = 0; pass < 50 && remaining.length; pass++) {
        const withReplies = await idsWithReplies(tx, remaining)
        const leaves = remaining.filter((id) => !withReplies.has(id))
        if (!leaves.length) break
        await tx.deleteFrom('comment').where('id', 'in', leaves).execute()
        deleted += leaves.length
        remaining = remaining.filter((id) => withReplies.has(id))
      }
      for (const id of remaining) await anonymise(id, 'This comment was removed at its author’s request.')
    }
    await tx.deleteFrom('comment_address').where('email_hash', '=', hash).execute()
  })
  for (const articleId of articles) {
    await recountArticle(db, articleId)
    const article = await findArticleById(db, articleId)
    await deps.events.emit({ type: 'comment.changed', articleId, commentId: 0, tags: commentCacheTags(articleId, article ? listTagsOf(article) : ['home']) })
  }
  return { deleted, anonymised }
}
