// A Redis that stops answering must not stop readers reading, commenting or staff signing in, and Dateline must use it
// again once it answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Redis } from 'ioredis'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { redisServerMissing, startRedis, type TestRedis } from '../support/redis-server.js'
import { saveCommentPolicy } from '../../src/comments/index.js'
import { freshToken, postComment, reader } from '../comments/support.js'
import { createStaff, formPost, setCookie, testPassword } from '../support/auth.js'

const missing = redisServerMissing()
if (missing) console.log(`Redis outage tests skipped: ${missing}.`)

describe.skipIf(!!missing)('comments while Redis stops answering', () => {
  let redis: TestRedis
  let admin: Redis
  let t: TestApp
  let articleId: number
  const warnings: string[] = []
  const log = { info: () => {}, debug: () => {}, error: () => {}, warn: (_obj: unknown, msg?: string) => void warnings.push(msg ?? '') }
  const path = '/news/ferry-timetable/'

  const post = async () => postComment(t, { article: String(articleId), token: await freshToken(t, path), ...reader() })
  /** Each post counts its commenter's address in a key of its own, so these count the posts Redis has seen. */
  const countedInRedis = async () => (await admin.keys('dateline:rl:email:*')).length
  const timed = async <T>(work: () => Promise<T>) => {
    const started = performance.now()
    const result = await work()
    return { result, ms: performance.now() - started }
  }

  beforeAll(async () => {
    redis = await startRedis()
    admin = new Redis(redis.url)
    t = await buildTestApp({ env: { REDIS_URL: redis.url, REDIS_TIMEOUT_MS: '300' }, log: log as never })
    articleId = (await createArticle(t.services, { slug: 'ferry-timetable', headline: 'Ferry timetable changes', section: 'News' })).id
    await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
  })
  let closed = false
  afterAll(async () => {
    redis.thaw()
    if (!closed) await t.close()
    admin.disconnect()
    await redis.stop()
  })

  it('counts in Redis while it answers', async () => {
    const before = await countedInRedis()
    expect((await post()).statusCode).toBe(303)
    expect(await countedInRedis()).toBe(before + 1)
    expect(warnings).toEqual([])
  })

  it('answers a comment within 2 s while Redis is frozen, warns once, and uses Redis again once it is back', async () => {
    redis.freeze()
    const first = await timed(post)
    expect(first.result.statusCode).toBe(303)
    expect(first.ms).toBeLessThan(2000)
    // The outage is known now: later posts do not wait for Redis at all, and it is not reported again.
    const second = await timed(post)
    expect(second.result.statusCode).toBe(303)
    expect(second.ms).toBeLessThan(2000)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/Redis is not answering/)

    redis.thaw()
    await expect.poll(async () => {
      const before = await countedInRedis()
      expect((await post()).statusCode).toBe(303)
      return (await countedInRedis()) - before
    }, { timeout: 5000, interval: 50 }).toBe(1)
    expect(warnings).toHaveLength(1)
  })

  it('warns once for each outage, not once for ever', async () => {
    redis.freeze()
    expect((await post()).statusCode).toBe(303)
    expect((await post()).statusCode).toBe(303)
    redis.thaw()
    await expect.poll(async () => {
      const before = await countedInRedis()
      await post()
      return (await countedInRedis()) - before
    }, { timeout: 5000, interval: 50 }).toBe(1)
    expect(warnings).toHaveLength(2)
  })

  it('answers at once while Redis is down and uses it again once it is back', async () => {
    await redis.stop()
    const down = await timed(post)
    expect(down.result.statusCode).toBe(303)
    expect(down.ms).toBeLessThan(2000)
    expect(warnings).toHaveLength(3)
    await redis.start()
    await expect.poll(async () => {
      const before = await countedInRedis()
      await post()
      return (await countedInRedis()) - before
    }, { timeout: 10_000, interval: 50 }).toBe(1)
    expect(warnings).toHaveLength(3)
  })

  it('keeps receiving invalidations through pub/sub after a freeze and after a restart', async () => {
    const stop = t.services.bus.watch()
    const cached = (tag: string) => t.services.cache.set(`/${tag}/`, { status: 200, body: Buffer.from(tag), etag: `"${tag}"`, contentType: 'text/html', headers: {}, tags: [tag] })
    // Published straight to Redis, with no change-log entry: only the subscriber can purge these pages.
    const purgedThroughRedis = async (tag: string) => {
      cached(tag)
      await expect.poll(async () => {
        await admin.publish('dateline:invalidate', tag)
        return t.services.cache.get(`/${tag}/`)
      }, { timeout: 10_000, interval: 50 }).toBeUndefined()
    }
    try {
      await purgedThroughRedis('section:901')
      redis.freeze()
      redis.thaw()
      await purgedThroughRedis('section:902')
      await redis.restart()
      await purgedThroughRedis('section:903')
    } finally {
      await stop()
    }
  })

  it('serves pages and signs staff in while Redis is frozen, and while it is down', async () => {
    // An administrator exists, so the sign-in form is shown rather than the first-run setup.
    const staff = await createStaff(t.services, { role: 'administrator', email: 'desk@news.example.test' })
    const signIn = async () => {
      const page = await t.app.inject({ url: '/newsroom/sign-in' })
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
      const form = { csrf, cookie: `dl_csrf=${setCookie(page, 'dl_csrf') ?? ''}` }
      const res = await t.app.inject(formPost(form, '/newsroom/sign-in', { email: staff.email, password: testPassword }, new URL(t.config.siteUrl).origin))
      expect(res.statusCode).toBe(303)
      const session = setCookie(res, 'dl_session')
      expect(session).toBeTruthy()
      const desk = await t.app.inject({ url: '/newsroom/', headers: { cookie: `dl_session=${session}` } })
      expect(desk.statusCode).toBe(200)
    }
    const read = async () => {
      for (const url of [path, '/', '/news/', '/feed/']) expect((await t.app.inject({ url })).statusCode).toBe(200)
    }
    for (const outage of ['frozen', 'down'] as const) {
      if (outage === 'frozen') redis.freeze()
      else await redis.stop()
      const reading = await timed(read)
      expect(reading.ms).toBeLessThan(4000)
      const signing = await timed(signIn)
      expect(signing.ms).toBeLessThan(4000)
      if (outage === 'frozen') redis.thaw()
      else await redis.start()
    }
    await read()
    await signIn()
  })

  it('shuts down quickly while Redis is frozen', async () => {
    redis.freeze()
    closed = true
    const { ms } = await timed(() => t.close())
    expect(ms).toBeLessThan(2000)
  })
})
