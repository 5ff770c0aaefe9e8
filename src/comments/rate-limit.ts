// Counting submissions per key in fixed windows: in this process, or shared by every instance through Redis.
import type { Clock } from '../platform/clock.js'
import type { RedisLink } from '../platform/redis.js'

export interface RateLimiter {
  /** Counts one attempt under `key`; false when that makes more than `limit` within the window. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>
  close(): Promise<void>
}

/** Counters for one process; a fixed window is coarse but cannot be gamed by more than one window's worth. */
export function memoryRateLimiter(clock: Clock, maxKeys = 50_000): RateLimiter {
  const counts = new Map<string, { window: number; n: number }>()
  return {
    async hit(key, limit, windowMs) {
      const window = Math.floor(clock.now().getTime() / windowMs)
      const entry = counts.get(key)
      if (!entry || entry.window !== window) {
        if (counts.size >= maxKeys) {
          for (const [k, v] of counts) if (v.window !== window) counts.delete(k)
          if (counts.size >= maxKeys) counts.clear()
        }
        counts.set(key, { window, n: 1 })
        return 1 <= limit
      }
      entry.n++
      return entry.n <= limit
    },
    async close() {},
  }
}

/**
 * The same windows in Redis (INCR, then PEXPIRE so keys vanish), shared by every instance. While Redis does not answer
 * (an error, or no reply within its deadline) this process counts alone; the link logs the outage once and notices by
 * itself when Redis is back.
 */
export function redisRateLimiter(redis: RedisLink, clock: Clock): RateLimiter {
  const fallback = memoryRateLimiter(clock)
  return {
    async hit(key, limit, windowMs) {
      const window = Math.floor(clock.now().getTime() / windowMs)
      const name = `dateline:rl:${key}:${window}`
      try {
        const result = await redis.run((r) => r.multi().incr(name).pexpire(name, windowMs * 2).exec())
        const n = Number(result?.[0]?.[1])
        if (!Number.isFinite(n)) throw new Error('no count from Redis')
        return n <= limit
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
