// Moderators in the newsroom: the queue with counts, single and bulk actions, edit, staff reply, history, data requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { formPost, signInAs, type StaffSession } from '../support/auth.js'
import { saveCommentPolicy } from '../../src/comments/index.js'
import { freshToken, postComment, reader } from '../comments/support.js'

let t: TestApp
let editor: StaffSession
let articleId: number
const path = '/news/moderated-story/'

async function held(text: string, who = reader()) {
  const token = await freshToken(t, path)
  const res = await postComment(t, { ...who, article: String(articleId), token, comment: text })
  return Number(/#comment-(\d+)/.exec(res.headers.location!)![1])
}

beforeAll(async () => {
  t = await buildTestApp()
  await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
  editor = await signInAs(t, 'editor')
  articleId = (await createArticle(t.services, { slug: 'moderated-story', headline: 'A moderated story', section: 'News' })).id
})
afterAll(() => t.close())

describe('the moderation queue', () => {
  it('lists pending comments with counts and the article each belongs to; only editors may see it', async () => {
    await held('Waiting in the queue.')
    const res = await t.app.inject({ url: '/newsroom/comments', headers: { cookie: editor.cookie } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Waiting in the queue.')
    expect(res.body).toMatch(/Pending \(\d+\)/)
    expect(res.body).toContain('A moderated story')
    expect(res.headers['cache-control']).toContain('no-store')
    const author = await signInAs(t, 'author')
    expect((await t.app.inject({ url: '/newsroom/comments', headers: { cookie: author.cookie } })).statusCode).toBe(403)
    const stranger = await t.app.inject('/newsroom/comments')
    expect(stranger.statusCode).toBe(303)
  })

  it('approves one comment from its row and records who did it', async () => {
    const id = await held('Approve me from the queue.')
    const res = await t.app.inject(formPost(editor, '/newsroom/comments/bulk', { one: `approve:${id}`, from: 'pending' }))
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toContain('status=pending')
    expect((await t.app.inject(path)).body).toContain('Approve me from the queue.')
    const detail = await t.app.inject({ url: `/newsroom/comments/${id}`, headers: { cookie: editor.cookie } })
    expect(detail.body).toContain(`editor:${editor.user.id} ${editor.user.name}`)
    expect(detail.body).toContain('pending → approved')
  })

  it('applies a bulk action to the ticked comments, and restores from spam', async () => {
    const a = await held('Bulk one.')
    const b = await held('Bulk two.')
    const payload = `_csrf=${encodeURIComponent(editor.csrf)}&action=spam&from=pending&bulk=1&ids=${a}&ids=${b}`
    const res = await t.app.inject({ method: 'POST', url: '/newsroom/comments/bulk', headers: { cookie: editor.cookie, origin: t.config.siteUrl, 'content-type': 'application/x-www-form-urlencoded' }, payload })
    expect(res.statusCode).toBe(303)
    expect(decodeURIComponent(res.headers.location!)).toContain('2 comments marked as spam')
    const spam = await t.app.inject({ url: '/newsroom/comments?status=spam', headers: { cookie: editor.cookie } })
    expect(spam.body).toContain('Bulk one.')
    expect(spam.body).toContain('Bulk two.')
    await t.app.inject(formPost(editor, '/newsroom/comments/bulk', { one: `restore:${a}`, from: 'spam' }))
    const pending = await t.app.inject({ url: '/newsroom/comments?status=pending', headers: { cookie: editor.cookie } })
    expect(pending.body).toContain('Bulk one.')
  })

  it('refuses a moderation action without the CSRF token', async () => {
    const id = await held('Forged approval target.')
    const res = await t.app.inject({ method: 'POST', url: '/newsroom/comments/bulk', headers: { cookie: editor.cookie, origin: t.config.siteUrl, 'content-type': 'application/x-www-form-urlencoded' }, payload: `one=approve:${id}` })
    expect(res.statusCode).toBe(403)
  })

  it('edits a comment and replies as staff, both visible to readers', async () => {
    const id = await held('Original wording with a typo.')
    await t.app.inject(formPost(editor, '/newsroom/comments/bulk', { one: `approve:${id}` }))
    const edit = await t.app.inject(formPost(editor, `/newsroom/comments/${id}/edit`, { name: 'Edited Name', website: '', body: 'Corrected wording.' }))
    expect(edit.statusCode).toBe(303)
    const reply = await t.app.inject(formPost(editor, `/newsroom/comments/${id}/reply`, { reply: 'Thanks, we have corrected the article.' }))
    expect(reply.statusCode).toBe(303)
    const page = (await t.app.inject(path)).body
    expect(page).toContain('Corrected wording.')
    expect(page).not.toContain('Original wording')
    expect(page).toContain('Thanks, we have corrected the article.')
    expect(page).toContain('comment__badge">Staff')
    const bad = await t.app.inject(formPost(editor, `/newsroom/comments/${id}/edit`, { name: '', body: 'x' }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Name is required')
  })

  it('exports and erases a commenter\'s data from the newsroom', async () => {
    const who = reader()
    await held('Data request subject.', who)
    const exported = await t.app.inject(formPost(editor, '/newsroom/comments/privacy', { email: who.email, do: 'export' }))
    expect(exported.statusCode).toBe(200)
    expect(exported.json().comments[0].text).toBe('Data request subject.')
    const erased = await t.app.inject(formPost(editor, '/newsroom/comments/privacy', { email: who.email, do: 'delete' }))
    expect(erased.body).toContain('1 deleted')
    const again = await t.app.inject(formPost(editor, '/newsroom/comments/privacy', { email: who.email, do: 'export' }))
    expect(again.json().comments).toEqual([])
  })
})
