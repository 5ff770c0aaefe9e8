// E-mail about comments: moderators hear of held ones; guests hear of replies only after confirming their address.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import type { PublicComment } from './comment.js'

export interface MailMessage {
  to: string
  subject: string
  text: string
  headers?: Record<string, string>
}

/** What the comments capability needs of a mail transport (platform/mail provides one over nodemailer). */
export interface Mailer {
  send(message: MailMessage): Promise<void>
}

/** A mailer that sends in the background so no reader waits on SMTP; `idle()` resolves when all sent. */
export interface MailQueue extends Mailer {
  idle(): Promise<void>
}

export function backgroundMailer(mailer: Mailer, onError: (err: unknown) => void): MailQueue {
  const inFlight = new Set<Promise<void>>()
  return {
    async send(message) {
      const p = mailer.send(message).catch(onError).finally(() => inFlight.delete(p))
      inFlight.add(p)
    },
    async idle() {
      while (inFlight.size) await Promise.all([...inFlight])
    },
  }
}

type NotifyDeps = Pick<Deps, 'config'> & { mail?: Mailer | undefined }

const excerptOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim().slice(0, 500)

export async function notifyModeratorsOfHeld(deps: NotifyDeps, moderators: string[], comment: PublicComment, article: { headline: string; path: string }, reason: string) {
  if (!deps.mail || !moderators.length) return
  const { siteUrl, siteName } = deps.config
  for (const to of moderators) {
    await deps.mail.send({
      to,
      subject: `[${siteName}] A comment is waiting for moderation`,
      text: [
        `${comment.authorName} commented on "${article.headline}" and the comment was held (${reason.replace(/^hold:/, '').replace(/-/g, ' ')}).`,
        '', excerptOf(comment.bodyHtml), '',
        `Moderate it: ${siteUrl}/newsroom/comments?status=pending`,
        `Article: ${siteUrl}${article.path}`,
      ].join('\n'),
    })
  }
}

/** The address row for double opt-in, made on first request; returns it with whether a confirmation is due. */
export async function ensureAddress(db: Db, email: string, emailHash: string, now: Date) {
  const existing = await db.selectFrom('comment_address').selectAll().where('email_hash', '=', emailHash).executeTakeFirst()
  if (existing) return { address: existing, created: false }
  const row = { email_hash: emailHash, email, token: randomBytes(24).toString('base64url'), confirmed_at: null, unsubscribed_at: null, created_at: now.toISOString() }
  await db.insertInto('comment_address').values(row).onConflict((oc) => oc.column('email_hash').doNothing()).execute()
  return { address: row, created: true }
}

export async function sendConfirmation(deps: NotifyDeps, email: string, token: string) {
  if (!deps.mail) return
  const { siteUrl, siteName } = deps.config
  await deps.mail.send({
    to: email,
    subject: `[${siteName}] Confirm your address to hear of replies`,
    text: [
      `You asked ${siteName} to tell you when someone replies to your comments.`,
      `Confirm this address: ${siteUrl}/comments/confirm/${token}`,
      '', 'If it was not you, ignore this message: nothing will be sent.',
    ].join('\n'),
  })
}

export async function confirmAddress(db: Db, token: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('comment_address').set({ confirmed_at: now.toISOString(), unsubscribed_at: null })
    .where('token', '=', token).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function unsubscribeAddress(db: Db, token: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('comment_address').set({ unsubscribed_at: now.toISOString() })
    .where('token', '=', token).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Tells the author of `parentId` about an approved reply, when they asked, confirmed, and have not unsubscribed. */
export async function notifyReply(deps: NotifyDeps & Pick<Deps, 'db'>, parentId: number, reply: PublicComment, article: { headline: string; path: string }) {
  if (!deps.mail) return
  const parent = await deps.db.selectFrom('comment').select(['email_hash', 'notify', 'status']).where('id', '=', parentId).executeTakeFirst()
  if (!parent?.email_hash || parent.notify !== 1 || parent.status !== 'approved') return
  const address = await deps.db.selectFrom('comment_address').selectAll().where('email_hash', '=', parent.email_hash).executeTakeFirst()
  if (!address?.confirmed_at || address.unsubscribed_at) return
  const { siteUrl, siteName } = deps.config
  const unsubscribe = `${siteUrl}/comments/unsubscribe/${address.token}`
  await deps.mail.send({
    to: address.email,
    subject: `[${siteName}] ${reply.authorName} replied to your comment`,
    text: [
      `${reply.authorName} replied to your comment on "${article.headline}":`, '', excerptOf(reply.bodyHtml), '',
      `Read it: ${siteUrl}${article.path}#comment-${reply.id}`, '',
      `Stop these e-mails: ${unsubscribe}`,
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  })
}
