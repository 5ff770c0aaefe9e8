// The comment form and threads through HTTP: every refusal step, every bad input, the cache, counts, feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { moderateComments, saveCommentPolicy } from '../../src/comments/index.js'
import { commenterCookie, freshToken, origin, postComment, reader, tokenIn } from '../comments/support.js'

let t: TestApp
let articleId: number
let otherArticleId: number
const path = '/news/harbour-plan/'

const idFrom = (location: string | undefined) => Number(/#comment-(\d+)$/.exec(location ?? '')?.[1])

/** Posts as a reader with fresh token, returning the response. */
async function comment(fields: Record<string, string>, opts: Parameters<typeof postComment>[2] = {}) {
  const token = await freshToken(t, path)
  return postComment(t, { article: String(articleId), token, ...fields }, opts)
}

/** A reader whose first comment a moderator approved, so their next ones are published at once. */
async function trustedReader() {
  const who = reader()
  const first = await comment(who)
  await moderateComments(t.services, [idFrom(first.headers.location)], 'approve', 'test')
  return who
}

beforeAll(async () => {
  t = await buildTestApp()
  const a = await createArticle(t.services, { slug: 'harbour-plan', headline: 'Harbour plan approved', section: 'News', tags: ['harbour'] })
  const b = await createArticle(t.services, { slug: 'other-story', headline: 'Another story', section: 'News' })
  articleId = a.id
  otherArticleId = b.id
  // Most tests post many comments quickly; the rate-limit test lowers this to the default again.
  await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
})
afterAll(() => t.close())

describe('the form under an article', () => {
  it('shows Leave a Reply with Name, Email, Website and Comment, and says the email is not published', async () => {
    const body = (await t.app.inject(path)).body
    expect(body).toContain('Leave a Reply')
    expect(body).toContain('Your email address will not be published. Required fields are marked')
    for (const label of ['Name', 'Email', 'Website', 'Comment']) expect(body).toMatch(new RegExp(`<label for="comment-[a-z]+">${label}\\b`))
    expect(body).toContain('action="/comments" method="post"')
  })
})

describe('posting a comment', () => {
  it('holds a first comment, shows it only to its author, and keeps status out of the URL', async () => {
    const res = await comment(reader({ comment: 'My first words here.' }))
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(/^\/news\/harbour-plan\/#comment-\d+$/)
    const cookie = commenterCookie(res)
    const mine = await t.app.inject({ url: path, headers: { cookie } })
    expect(mine.body).toContain('My first words here.')
    expect(mine.body).toContain('Your comment is awaiting moderation')
    expect(mine.headers['cache-control']).toBe('private, no-store')
    const everyone = await t.app.inject(path)
    expect(everyone.body).not.toContain('My first words here.')
  })

  it('publishes once approved, purging the cached page and counting it', async () => {
    await t.app.inject(path)
    expect((await t.app.inject(path)).headers['x-cache']).toBe('HIT')
    const res = await comment(reader({ comment: 'Approve me please.' }))
    const id = idFrom(res.headers.location)
    expect((await t.app.inject(path)).headers['x-cache']).toBe('HIT')
    await moderateComments(t.services, [id], 'approve', 'test')
    const page = await t.app.inject(path)
    expect(page.headers['x-cache']).toBeUndefined()
    expect(page.body).toContain('Approve me please.')
    expect(page.body).toContain(`id="comment-${id}"`)
    expect(page.body).toMatch(/\d+ Comments?</)
    expect(page.body).toMatch(/<a href="#comments">\d+ comments?<\/a>/)
  })

  it('publishes a returning reader at once and lands on the comment', async () => {
    const who = await trustedReader()
    const res = await comment({ ...who, comment: 'Back again with more.' })
    expect(res.statusCode).toBe(303)
    const id = idFrom(res.headers.location)
    expect((await t.app.inject(path)).body).toContain(`id="comment-${id}"`)
  })

  it('drops the commenter cookie once none of their comments is held, so their pages are cached again', async () => {
    const who = reader({ comment: 'Held first.' })
    const first = await comment(who)
    const cookie = commenterCookie(first)
    await moderateComments(t.services, [idFrom(first.headers.location)], 'approve', 'test')
    const next = await comment({ ...who, comment: 'Published at once now.' }, { cookie })
    expect(next.statusCode).toBe(303)
    const cleared = next.cookies.find((c) => c.name === 'dl_commenter')
    expect(cleared?.value).toBe('')
  })

  it('answers a script with JSON holding the rendered comment', async () => {
    const res = await comment(reader({ comment: 'Sent without a reload.' }), { json: true })
    expect(res.statusCode).toBe(201)
    const data = res.json()
    expect(data.state).toBe('awaiting-moderation')
    expect(data.html).toContain('Sent without a reload.')
    expect(data.html).toContain('Your comment is awaiting moderation')
    expect(JSON.stringify(data)).not.toContain('@example.org')
  })

  it('threads replies under their parent, oldest first, and flattens past the depth limit', async () => {
    const who = await trustedReader()
    let parent = idFrom((await comment({ ...who, comment: 'Top of a thread.' })).headers.location)
    const chain = [parent]
    for (let i = 1; i <= 5; i++) {
      const res = await comment({ ...who, comment: `Reply level ${i}.`, parent: String(parent) })
      expect(res.statusCode).toBe(303)
      parent = idFrom(res.headers.location)
      chain.push(parent)
    }
    const body = (await t.app.inject(path)).body
    const depthOf = (id: number) => {
      const at = body.indexOf(`id="comment-${id}"`)
      const before = body.slice(0, at)
      return (before.match(/<ol class="comment-list comment-list--replies">/g) ?? []).length - (before.match(/<\/ol>/g) ?? []).length
    }
    expect(depthOf(chain[1]!)).toBeGreaterThan(depthOf(chain[0]!))
    expect(depthOf(chain[3]!) - depthOf(chain[0]!)).toBe(3)
    // Depth 4 is the limit: deeper replies sit at the fourth level.
    expect(depthOf(chain[4]!)).toBe(depthOf(chain[5]!))
  })

  it('ignores extra fields such as status=approved', async () => {
    const res = await comment({ ...reader({ comment: 'Trying to self-approve.' }), status: 'approved', approved: '1' })
    expect(res.statusCode).toBe(303)
    expect((await t.app.inject(path)).body).not.toContain('Trying to self-approve.')
  })
})

describe('refusals keep what was typed', () => {
  it('refuses empty fields, with a message beside each', async () => {
    const res = await comment({ name: '  ', email: '', comment: '\n\n' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Name is required')
    expect(res.body).toContain('Email is required')
    expect(res.body).toContain('Comment is required')
    expect(res.body).toContain('aria-invalid="true"')
  })

  it('refuses over-long fields after normalising, keeping the text', async () => {
    const long = 'word '.repeat(1001)
    const res = await comment(reader({ comment: long, name: 'N'.repeat(81) }))
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('Comment must be at most 5000 characters')
    expect(res.body).toContain('Name must be at most 80 characters')
    expect(res.body).toContain('word word word')
  })

  it('accepts a comment that only fits once trailing spaces are trimmed', async () => {
    const res = await comment(reader({ comment: `${'x'.repeat(4990)}${' '.repeat(200)}` }))
    expect(res.statusCode).toBe(303)
  })

  it('refuses an invalid email and a javascript: website', async () => {
    const bad = await comment(reader({ email: 'not-an-email' }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Email must be an address')
    const js = await comment(reader({ website: 'javascript:alert(1)' }))
    expect(js.statusCode).toBe(400)
    expect(js.body).toContain('Website must be an http:// or https:// address')
    const data = await comment(reader({ website: 'data:text/html,hi' }), { json: true })
    expect(data.json().error.issues[0].field).toBe('website')
  })

  it('refuses null bytes and invalid UTF-8', async () => {
    const nul = await comment(reader({ comment: 'before\u0000after' }), { json: true })
    expect(nul.statusCode).toBe(400)
    const token = await freshToken(t, path)
    const raw = await t.app.inject({
      method: 'POST', url: '/comments', headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'application/json' },
      payload: `article=${articleId}&token=${encodeURIComponent(token)}&name=Bad%FF%FEname&email=a%40example.org&comment=hello`,
    })
    expect(raw.statusCode).toBe(400)
    expect(raw.json().error.code).toBe('VALIDATION')
  })

  it('answers 413 for a body over the limit and 415 for other content types', async () => {
    const big = await comment(reader({ comment: 'x'.repeat(70 * 1024) }))
    expect(big.statusCode).toBe(413)
    const json = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'application/json', origin }, payload: JSON.stringify({ article: articleId }) })
    expect(json.statusCode).toBe(415)
    const text = await t.app.inject({ method: 'POST', url: '/comments', headers: { 'content-type': 'text/plain', origin }, payload: 'hi' })
    expect(text.statusCode).toBe(415)
  })

  it('answers 404 for an unknown article and 400 for a reply to another article\'s comment', async () => {
    const token = await freshToken(t, path)
    const unknown = await postComment(t, { ...reader(), article: '999999', token }, { json: true })
    expect(unknown.statusCode).toBe(404)
    const who = await trustedReader()
    const otherToken = await freshToken(t, '/news/other-story/')
    const elsewhere = idFrom((await postComment(t, { ...who, article: String(otherArticleId), token: otherToken, comment: 'On the other story.' })).headers.location)
    const res = await comment({ ...reader(), parent: String(elsewhere) }, { json: true })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].field).toBe('parent')
  })

  it('refuses a filled honeypot', async () => {
    const res = await comment(reader({ hp_note: 'http://spam.example' }), { json: true })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.reason).toBe('honeypot')
  })

  it('refuses a form sent back within 3 seconds, then accepts it later', async () => {
    const token = await freshToken(t, path, 1000)
    const who = reader({ comment: 'Typed very fast.' })
    const quick = await postComment(t, { ...who, article: String(articleId), token })
    expect(quick.statusCode).toBe(400)
    expect(quick.body).toContain('quicker than a person types')
    expect(quick.body).toContain('Typed very fast.')
    t.clock.advance(5000)
    expect((await postComment(t, { ...who, article: String(articleId), token: tokenIn(quick.body) })).statusCode).toBe(303)
  })

  it('serves an expired form again with the text kept and a fresh token', async () => {
    const token = await freshToken(t, path, 25 * 3600_000)
    const res = await postComment(t, { ...reader({ comment: 'Written over lunch yesterday.' }), article: String(articleId), token })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('This form had expired')
    expect(res.body).toContain('Written over lunch yesterday.')
    expect(tokenIn(res.body)).not.toBe(token)
    t.clock.advance(5000)
    expect((await postComment(t, { ...reader(), article: String(articleId), token: tokenIn(res.body) })).statusCode).toBe(303)
  })

  it('refuses a forged token, a token for another article, and a post from another site', async () => {
    const forged = await postComment(t, { ...reader(), article: String(articleId), token: `${articleId}.1.${'A'.repeat(43)}` }, { json: true })
    expect(forged.statusCode).toBe(403)
    const otherToken = await freshToken(t, '/news/other-story/')
    const swapped = await postComment(t, { ...reader(), article: String(articleId), token: otherToken }, { json: true })
    expect(swapped.statusCode).toBe(403)
    const cross = await comment(reader(), { json: true, headers: { origin: 'https://evil.example' } })
    expect(cross.statusCode).toBe(403)
    expect(cross.json().error.code).toBe('CSRF')
  })

  it('refuses a duplicate of a recent comment', async () => {
    const who = reader({ comment: 'Say it once.' })
    expect((await comment(who)).statusCode).toBe(303)
    const again = await comment(who, { json: true })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.reason).toBe('duplicate')
  })

  it('limits each IP and each email to 5 a minute with a clear 429', async () => {
    await saveCommentPolicy(t.services, { ratePerMinute: 5 })
    const minute = 60_000
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / minute) * minute))
    const quick = async (fields: Record<string, string>, ip: string) => {
      const token = await freshToken(t, path, 3500)
      return postComment(t, { article: String(articleId), token, ...fields }, { ip })
    }
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await quick(reader(), '198.51.100.9')).statusCode)
    expect(codes.slice(0, 5)).toEqual([303, 303, 303, 303, 303])
    expect(codes[5]).toBe(429)
    const who = reader()
    const byEmail: number[] = []
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / minute) * minute))
    for (let i = 0; i < 6; i++) byEmail.push((await quick({ ...who, comment: `Message ${i}` }, `192.0.2.${i + 10}`)).statusCode)
    expect(byEmail[5]).toBe(429)
    const html = await quick({ ...who, comment: 'One more' }, '192.0.2.99')
    expect(html.statusCode).toBe(429)
    expect(html.body).toContain('too quickly')
    t.clock.advance(61_000)
    await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
  })
})

describe('closed comments and the policy settings', () => {
  it('shows no form and refuses posts when an article is closed', async () => {
    await createArticle(t.services, { slug: 'closed-story', section: 'News', commentsOpen: false })
    const page = await t.app.inject('/news/closed-story/')
    expect(page.body).not.toContain('Leave a Reply')
    expect(page.body).toContain('Comments are closed')
  })

  it('closes comments N days after publication when the setting says so', async () => {
    await saveCommentPolicy(t.services, { autoCloseDays: 1 })
    try {
      const old = await createArticle(t.services, { slug: 'old-story', section: 'News', publishedAt: new Date(t.clock.now().getTime() - 3 * 86_400_000) })
      expect((await t.app.inject('/news/old-story/')).body).not.toContain('Leave a Reply')
      const token = (await import('../../src/comments/index.js')).issueFormToken(t.config.secret!, old.id, t.clock.now())
      t.clock.advance(5000)
      const res = await postComment(t, { ...reader(), article: String(old.id), token }, { json: true })
      expect(res.statusCode).toBe(403)
      expect(res.json().error.reason).toBe('closed')
    } finally {
      await saveCommentPolicy(t.services, { autoCloseDays: 0 })
    }
  })

  it('sends block-list words to spam, and holds hold-list words, many links, and everything when told', async () => {
    const who = await trustedReader()
    await saveCommentPolicy(t.services, { blockList: ['casino'], holdList: ['lawsuit'] })
    try {
      const spam = await comment({ ...who, comment: 'Best casino bonus here.' }, { json: true })
      expect(spam.json().state).toBe('awaiting-moderation')
      const held = await comment({ ...who, comment: 'There will be a lawsuit.' }, { json: true })
      expect(held.json().state).toBe('awaiting-moderation')
      const links = await comment({ ...who, comment: 'See https://a.example and https://b.example and https://c.example' }, { json: true })
      expect(links.json().state).toBe('awaiting-moderation')
      const two = await comment({ ...who, comment: 'See https://a.example and https://b.example only.' }, { json: true })
      expect(two.json().state).toBe('published')
      await saveCommentPolicy(t.services, { holdAll: true })
      const all = await comment({ ...who, comment: 'Pre-moderated now.' }, { json: true })
      expect(all.json().state).toBe('awaiting-moderation')
    } finally {
      await saveCommentPolicy(t.services, { blockList: [], holdList: [], holdAll: false })
    }
  })
})

describe('what readers see', () => {
  it('escapes names, links bare URLs with nofollow ugc noopener, and links the website', async () => {
    const who = await trustedReader()
    const res = await comment({ ...who, name: '<b>Bold</b> Name', website: 'https://reader.example/me', comment: 'Read https://example.com/report <script>alert(1)</script>' })
    const id = idFrom(res.headers.location)
    const body = (await t.app.inject(path)).body
    const item = body.slice(body.indexOf(`id="comment-${id}"`), body.indexOf('</li>', body.indexOf(`id="comment-${id}"`)))
    expect(item).toContain('&lt;b>Bold&lt;/b> Name')
    expect(item).toContain('<a href="https://example.com/report" rel="nofollow ugc noopener">')
    expect(item).toContain('href="https://reader.example/me" rel="nofollow ugc noopener"')
    expect(item).not.toContain('<script>')
    expect(item).toContain('class="avatar avatar--c')
  })

  it('pages top-level comments past 50 and sorts oldest or newest first', async () => {
    const paged = await createArticle(t.services, { slug: 'busy-story', section: 'News' })
    const who = await trustedReader()
    for (let i = 1; i <= 53; i++) {
      const token = await freshToken(t, '/news/busy-story/', 4000)
      const res = await postComment(t, { ...who, article: String(paged.id), token, comment: `Numbered comment ${i}.` }, { ip: `10.0.${i}.1` })
      expect(res.statusCode).toBe(303)
    }
    const first = (await t.app.inject('/news/busy-story/')).body
    expect(first).toContain('Numbered comment 1.')
    expect(first).not.toContain('Numbered comment 51.')
    expect(first).toContain('53 Comments')
    expect(first).toContain('comments-page=2')
    const second = (await t.app.inject('/news/busy-story/?comments-page=2')).body
    expect(second).toContain('Numbered comment 53.')
    const newest = (await t.app.inject('/news/busy-story/?comments-sort=newest')).body
    expect(newest.indexOf('Numbered comment 53.')).toBeLessThan(newest.indexOf('Numbered comment 52.'))
    expect(newest).not.toContain('Numbered comment 1.<')
    const list = (await t.app.inject('/news/')).body
    expect(list).toContain('53 comments')
  })

  it('offers a reply page that works without JavaScript', async () => {
    const who = await trustedReader()
    const id = idFrom((await comment({ ...who, comment: 'Reply to me.' })).headers.location)
    const page = await t.app.inject(`/comments/reply/${id}/`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(`name="parent" value="${id}"`)
    t.clock.advance(5000)
    const res = await postComment(t, { ...who, article: String(articleId), parent: String(id), token: tokenIn(page.body), comment: 'Replying without scripts.' })
    expect(res.statusCode).toBe(303)
  })

  it('carries approved comments only in the article and site comment feeds', async () => {
    const held = await comment(reader({ comment: 'Held and never in a feed.' }))
    expect(held.statusCode).toBe(303)
    const who = await trustedReader()
    await comment({ ...who, comment: 'Published and in the feed.' })
    const feed = await t.app.inject(`${path}comments/feed/`)
    expect(feed.statusCode).toBe(200)
    expect(feed.headers['content-type']).toContain('application/rss+xml')
    expect(feed.body).toContain('Published and in the feed.')
    expect(feed.body).not.toContain('Held and never in a feed.')
    const site = await t.app.inject('/comments/feed/')
    expect(site.body).toContain('Published and in the feed.')
    expect(site.body).not.toContain('Held and never in a feed.')
    expect(site.body).not.toContain('@example.org')
  })
})
