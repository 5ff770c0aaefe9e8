// Counting submissions per key in a sliding window: in this process, or shared by every instance through Redis.
import type { Clock } from '../platform/clock.js'
import type { RedisLink } from '../platform/redis.js'

export interface RateLimiter {
  /** Counts one attempt under `key`; false when that makes more than `limit` within the last `windowMs`. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>
  close(): Promise<void>
}

/**
 * The sliding-window estimate: this window's count plus the previous window's, weighted by how much of the previous
 * window the last `windowMs` still covers. A fixed window alone would let a burst straddling its edge through twice.
 */
function estimate(current: number, previous: number, nowMs: number, windowMs: number): number {
  return current + previous * (1 - (nowMs % windowMs) / windowMs)
}

/** Counters for one process. */
export function memoryRateLimiter(clock: Clock, maxKeys = 50_000): RateLimiter {
  const counts = new Map<string, { window: number; n: number; previous: number }>()
  return {
    async hit(key, limit, windowMs) {
      const now = clock.now().getTime()
      const window = Math.floor(now / windowMs)
      let entry = counts.get(key)
      if (entry && entry.window === window) entry.n++
      else if (entry) entry = Object.assign(entry, { previous: entry.window === window - 1 ? entry.n : 0, window, n: 1 })
      else {
        if (counts.size >= maxKeys) {
          for (const [k, v] of counts) if (v.window < window - 1) counts.delete(k)
          if (counts.size >= maxKeys) counts.clear()
        }
        entry = { window, n: 1, previous: 0 }
        counts.set(key, entry)
      }
      return estimate(entry.n, entry.previous, now, windowMs) <= limit
    },
    async close() {},
  }
}

/**
 * The same windows in Redis (INCR and PEXPIRE this window's key, read the previous one, in one transaction), shared by
 * every instance. While Redis does not answer (an error, or no reply within its deadline) this process counts alone;
 * the link logs the outage once and notices by itself when Redis is back.
 */
export function redisRateLimiter(redis: RedisLink, clock: Clock): RateLimiter {
  const fallback = memoryRateLimiter(clock)
  return {
    async hit(key, limit, windowMs) {
      const now = clock.now().getTime()
      const window = Math.floor(now / windowMs)
      const name = `dateline:rl:${key}:${window}`
      try {
        const result = await redis.run((r) => r.multi().incr(name).pexpire(name, windowMs * 2).get(`dateline:rl:${key}:${window - 1}`).exec())
        const n = Number(result?.[0]?.[1])
        if (!Number.isFinite(n)) throw new Error('no count from Redis')
        return estimate(n, Number(result?.[2]?.[1] ?? 0) || 0, now, windowMs) <= limit
      } catch {
        return fallback.hit(key, limit, windowMs)
      }
    },
    // The link belongs to the services that opened it, which close it.
    async close() {},
  }
}

/** A Redis-backed limiter when the process has a Redis link, else one in memory. */
export function createRateLimiter({ redis, clock }: { redis: RedisLink | undefined; clock: Clock }): RateLimiter {
  return redis ? redisRateLimiter(redis, clock) : memoryRateLimiter(clock)
}
