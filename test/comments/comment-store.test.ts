// Threads, counts and erasure on both dialects: one page of threads, own held comments, delete keeping others' replies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import {
  eraseCommenter, loadThreadPage, memoryRateLimiter, moderateComments, saveCommentPolicy, submitComment, issueFormToken, type CommentDeps,
} from '../../src/comments/index.js'

describe.each(testDialects())('%s: comment threads and erasure', (dialect) => {
  let t: TestApp
  let deps: CommentDeps
  let articleId: number

  async function post(email: string, body: string, parentId?: number) {
    const token = issueFormToken(t.services.secret, articleId, t.clock.now())
    t.clock.advance(4000)
    return submitComment(deps, { articleId, parentId, name: email.split('@')[0], email, body, formToken: token, ip: '192.0.2.1' })
  }

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
    deps = { ...t.services, limiter: memoryRateLimiter(t.clock) }
    articleId = (await createArticle(t.services, { slug: 'store-story', section: 'News' })).id
  })
  afterAll(() => t.close())

  it('loads a page of threads with replies in order, and shows held comments only to their author', async () => {
    const a = await post('ann@example.org', 'Ann opens the thread.')
    await moderateComments(deps, [a.comment.id], 'approve', 'test')
    const b = await post('ann@example.org', 'Ann again, published at once.')
    const r1 = await post('bob@example.org', 'Bob replies, held.', a.comment.id)
    await moderateComments(deps, [r1.comment.id], 'approve', 'test')
    const r2 = await post('cat@example.org', 'Cat replies, still held.', a.comment.id)
    expect(b.status).toBe('approved')
    expect(r2.status).toBe('pending')

    const everyone = await loadThreadPage(t.services.db, articleId, { sort: 'oldest', page: 1, pageSize: 50, own: [] })
    expect(everyone.total).toBe(3)
    expect(everyone.topLevel).toBe(2)
    expect(everyone.nodes.map((n) => n.comment.id)).toEqual([a.comment.id, b.comment.id])
    expect(everyone.nodes[0]!.replies.map((n) => n.comment.id)).toEqual([r1.comment.id])
    expect(JSON.stringify(everyone)).not.toContain('@example.org')

    const cat = await loadThreadPage(t.services.db, articleId, { sort: 'newest', page: 1, pageSize: 50, own: [r2.comment.id] })
    expect(cat.nodes.map((n) => n.comment.id)).toEqual([b.comment.id, a.comment.id])
    const held = cat.nodes[1]!.replies.find((n) => n.comment.id === r2.comment.id)
    expect(held?.comment.awaitingModeration).toBe(true)
  })

  it('deletes an erased commenter\'s comments but keeps a placeholder where others replied', async () => {
    const parent = await post('dan@example.org', 'Dan says something others answer.')
    await moderateComments(deps, [parent.comment.id], 'approve', 'test')
    const reply = await post('ann@example.org', 'Ann answers Dan.', parent.comment.id)
    const lone = await post('dan@example.org', 'Dan alone.')
    const report = await eraseCommenter(deps, 'DAN@example.org', 'delete', 'test')
    expect(report).toEqual({ deleted: 1, anonymised: 1 })
    const page = await loadThreadPage(t.services.db, articleId, { sort: 'oldest', page: 1, pageSize: 50, own: [] })
    const kept = page.nodes.find((n) => n.comment.id === parent.comment.id)!
    expect(kept.comment.authorName).toBe('Anonymous')
    expect(kept.comment.bodyHtml).toContain('removed at its author')
    expect(kept.replies.map((n) => n.comment.id)).toEqual([reply.comment.id])
    expect(page.nodes.some((n) => n.comment.id === lone.comment.id)).toBe(false)
  })
})
