// No commenter's email, nor its MD5 or SHA-256, on any public URL: pages, feeds, sitemaps, search, JSON errors.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { moderateComments, saveCommentPolicy } from '../../src/comments/index.js'
import { freshToken, postComment } from '../comments/support.js'

let t: TestApp
const emails = ['Zelda.Quorum+news@privacy-probe.example', 'xq7.unique.commenter@mailbox-probe.example']
const needles = emails.flatMap((e) => [e, e.toLowerCase()]).flatMap((e) => [
  e, encodeURIComponent(e), createHash('md5').update(e).digest('hex'), createHash('sha256').update(e).digest('hex'),
  createHash('sha1').update(e).digest('hex'),
]).map((s) => s.toLowerCase())

beforeAll(async () => {
  t = await buildTestApp()
  await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
  const a = await createArticle(t.services, { slug: 'privacy-story', headline: 'Privacy story', section: 'News', topics: ['Data'], tags: ['privacy'] })
  const ids: number[] = []
  for (const [i, email] of emails.entries()) {
    for (const parent of [undefined, ...ids.slice(0, 1)]) {
      const token = await freshToken(t, '/news/privacy-story/')
      const res = await postComment(t, {
        article: String(a.id), token, name: `Probe Person ${i}`, email, website: 'https://probe.example', comment: `Probe comment ${i}${parent ? ` in reply to ${parent}` : ""}`,
        ...(parent ? { parent: String(parent) } : {}),
      })
      expect(res.statusCode).toBe(303)
      const id = Number(/#comment-(\d+)/.exec(res.headers.location!)![1])
      ids.push(id)
      await moderateComments(t.services, [id], 'approve', 'test')
    }
  }
})
afterAll(() => t.close())

function leaks(body: string): string[] {
  const lower = body.toLowerCase()
  return needles.filter((n) => lower.includes(n))
}

describe('commenter privacy', () => {
  it('finds no email or email hash on any public page, feed, sitemap, search or error', async () => {
    const seeds = [
      '/', '/news/', '/news/privacy-story/', '/news/privacy-story/?comments-sort=newest', '/news/privacy-story/comments/feed/',
      '/comments/feed/', '/feed/', '/feed/atom/', '/feed/json/', '/news/feed/', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt',
      // Searching for the address itself would only echo the reader's own query, so search for words near it instead.
      '/search?q=Probe', '/search?q=Zelda+Quorum+mailbox', '/topic/data/', '/tag/privacy/', '/no-such-page',
      '/api/articles', '/api/comments',
    ]
    const seen = new Set<string>()
    const queue = [...seeds]
    const problems: string[] = []
    while (queue.length && seen.size < 250) {
      const url = queue.shift()!
      if (seen.has(url)) continue
      seen.add(url)
      for (const accept of ['text/html', 'application/json']) {
        const res = await t.app.inject({ url, headers: { accept } })
        const found = leaks(res.body + JSON.stringify(res.headers))
        if (found.length) problems.push(`${url} (${accept}): ${found.join(', ')}`)
        if (accept === 'text/html' && res.statusCode === 200) {
          for (const m of res.body.matchAll(/(?:href|src)="(\/[^"#]*)"|<loc>https:\/\/news\.example\.test(\/[^<]*)<\/loc>/g)) {
            const next = (m[1] ?? m[2])!.replace(/&amp;/g, '&')
            if (!next.startsWith('/assets/') && !next.startsWith('/media/') && !next.startsWith('/newsroom')) queue.push(next)
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThan(15)
    expect(seen.has('/comments/feed/')).toBe(true)
    expect(problems).toEqual([])
  })

  it('never echoes an email in a JSON error', async () => {
    const token = await freshToken(t, '/news/privacy-story/')
    const res = await postComment(t, { article: '999999', token, name: 'Probe', email: emails[0]!, comment: 'x' }, { json: true })
    expect(res.statusCode).toBe(404)
    expect(leaks(res.body)).toEqual([])
    const dup = await postComment(t, { article: '1', token: await freshToken(t, '/news/privacy-story/'), name: 'Probe Person 0', email: emails[0]!, comment: 'Probe comment 0' }, { json: true })
    expect(dup.statusCode).toBe(409)
    expect(leaks(dup.body)).toEqual([])
  })
})
