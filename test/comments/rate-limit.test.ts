// Rate-limit counters: per process, and shared between instances through Redis when TEST_REDIS_URL is set.
import { describe, expect, it } from 'vitest'
import { fixedClock } from '../../src/platform/clock.js'
import { createRateLimiter, memoryRateLimiter } from '../../src/comments/index.js'
import { openRedis } from '../../src/platform/redis.js'

describe('rate limits', () => {
  it('allows the limit within a window, refuses the next, and allows again once the burst has slid out', async () => {
    const clock = fixedClock('2026-11-25T12:00:00Z')
    const limiter = memoryRateLimiter(clock)
    const hits = [] as boolean[]
    for (let i = 0; i < 6; i++) hits.push(await limiter.hit('ip:a', 5, 60_000))
    expect(hits).toEqual([true, true, true, true, true, false])
    expect(await limiter.hit('ip:b', 5, 60_000)).toBe(true)
    clock.advance(60_000)
    expect(await limiter.hit('ip:a', 5, 60_000)).toBe(false)
    clock.advance(60_000)
    expect(await limiter.hit('ip:a', 5, 60_000)).toBe(true)
  })

  it('refuses a burst that straddles the edge of a window', async () => {
    const clock = fixedClock('2026-11-25T12:00:59.500Z')
    const limiter = memoryRateLimiter(clock)
    const hits = [] as boolean[]
    for (let i = 0; i < 5; i++) hits.push(await limiter.hit('ip:a', 5, 60_000))
    clock.advance(1_000)
    hits.push(await limiter.hit('ip:a', 5, 60_000))
    expect(hits).toEqual([true, true, true, true, true, false])
  })

  const redisUrl = process.env.TEST_REDIS_URL
  if (!redisUrl) console.log('Redis rate-limit test skipped: set TEST_REDIS_URL=redis://… to run it.')
  it.skipIf(!redisUrl)('shares the count between two instances through Redis', async () => {
    const clock = fixedClock(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1000))
    const log = { warn: () => {}, info: () => {} }
    const links = await Promise.all([openRedis(redisUrl!, { timeoutMs: 500, log }), openRedis(redisUrl!, { timeoutMs: 500, log })])
    const [a, b] = [createRateLimiter({ redis: links[0], clock }), createRateLimiter({ redis: links[1], clock })]
    try {
      const key = `test:${process.pid}:${Date.now()}`
      const hits = [] as boolean[]
      for (let i = 0; i < 3; i++) hits.push(await a.hit(key, 5, 60_000), await b.hit(key, 5, 60_000))
      expect(hits).toEqual([true, true, true, true, true, false])
      // A burst at a window's end still counts at the start of the next, wherever it was counted.
      const edge = `${key}:edge`
      clock.advance(58_500)
      for (let i = 0; i < 5; i++) expect(await (i % 2 ? a : b).hit(edge, 5, 60_000)).toBe(true)
      clock.advance(1_000)
      expect(await a.hit(edge, 5, 60_000)).toBe(false)
    } finally {
      await Promise.all(links.map((link) => link.close()))
    }
  })
})
