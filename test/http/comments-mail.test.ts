// Comment mail through a local SMTP server: moderators hear of held comments; replies reach only confirmed, subscribed guests.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { moderateComments, saveCommentPolicy } from '../../src/comments/index.js'
import { freshToken, postComment, reader } from '../comments/support.js'

interface Mail { to: string[]; data: string }
const received: Mail[] = []
let smtp: SMTPServer
let t: TestApp
let articleId: number
const path = '/news/mail-story/'

const mailTo = (address: string, subject: string) => received.find((m) => m.to.includes(address) && m.data.includes(subject))
/** Waits for the mail the app sends in the background (an event we wait on, not a fixed sleep). */
const waitForMail = (address: string, subject: string) => vi.waitFor(() => {
  const mail = mailTo(address, subject)
  if (!mail) throw new Error(`no mail "${subject}" to ${address} yet`)
  return mail
}, { timeout: 5000, interval: 20 })
/** Quoted-printable bodies wrap long lines; join them back to find links. */
const unfold = (data: string) => data.replace(/=\r?\n/g, '').replace(/=3D/g, '=').replace(/\r?\n[ \t]+/g, ' ')

async function post(fields: Record<string, string>) {
  const token = await freshToken(t, path)
  const res = await postComment(t, { article: String(articleId), token, ...fields })
  expect(res.statusCode).toBe(303)
  return Number(/#comment-(\d+)/.exec(res.headers.location!)![1])
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, done) {
      let data = ''
      stream.on('data', (c: Buffer) => { data += c.toString() })
      stream.on('end', () => { received.push({ to: session.envelope.rcptTo.map((r) => r.address), data }); done() })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const port = (smtp.server.address() as AddressInfo).port
  t = await buildTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Courier <desk@courier.test>' } })
  await saveCommentPolicy(t.services, { ratePerMinute: 1000, moderatorEmails: ['mod@courier.test'] })
  articleId = (await createArticle(t.services, { slug: 'mail-story', headline: 'A story readers discuss', section: 'News' })).id
})
afterAll(async () => {
  await t.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

describe('comment mail', () => {
  it('tells moderators when a comment is held, without the commenter\'s address', async () => {
    const who = reader({ comment: 'Please moderate this one.' })
    await post(who)
    const mail = await waitForMail('mod@courier.test', 'waiting for moderation')
    expect(unfold(mail.data)).toContain('A story readers discuss')
    expect(unfold(mail.data)).toContain('/newsroom/comments?status=pending')
    expect(mail.data).not.toContain(who.email)
  })

  it('sends reply notifications only after the address is confirmed, and stops on one-click unsubscribe', async () => {
    const guest = reader({ comment: 'Tell me about replies.', notify: '1' })
    const parent = await post(guest)
    const confirm = await waitForMail(guest.email, 'Confirm your address')
    const token = /\/comments\/confirm\/([A-Za-z0-9_-]+)/.exec(unfold(confirm.data))![1]!
    await moderateComments(t.services, [parent], 'approve', 'test')

    // Before confirming: a reply is approved, but no notification goes out.
    const replier = reader({ comment: 'An early reply.', parent: String(parent) })
    const early = await post(replier)
    await moderateComments(t.services, [early], 'approve', 'test')
    expect(mailTo(guest.email, 'replied to your comment')).toBeUndefined()

    const page = await t.app.inject(`/comments/confirm/${token}`)
    expect(page.body).toContain('Confirm my address')
    const confirmed = await t.app.inject({ method: 'POST', url: `/comments/confirm/${token}` })
    expect(confirmed.body).toContain('Address confirmed')

    const later = await post({ ...replier, comment: 'A later reply.', parent: String(parent) })
    expect(later).toBeGreaterThan(early)
    const note = await waitForMail(guest.email, 'replied to your comment')
    const text = unfold(note.data)
    expect(text).toContain('A later reply.')
    expect(text).toMatch(/List-Unsubscribe: <https:\/\/news\.example\.test\/comments\/unsubscribe\/[A-Za-z0-9_-]+>/)
    expect(text).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click')
    expect(text).not.toContain(replier.email)

    const unsubscribeUrl = /\/comments\/unsubscribe\/[A-Za-z0-9_-]+/.exec(text)![0]
    const oneClick = await t.app.inject({ method: 'POST', url: unsubscribeUrl, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' })
    expect(oneClick.statusCode).toBe(200)
    const count = received.filter((m) => m.to.includes(guest.email)).length
    const last = await post({ ...replier, comment: 'After unsubscribing.', parent: String(parent) })
    expect(last).toBeGreaterThan(later)
    const other = reader({ comment: 'Flush the queue.' })
    await post(other)
    await waitForMail('mod@courier.test', 'waiting for moderation')
    expect(received.filter((m) => m.to.includes(guest.email)).length).toBe(count)
  })
})
