// Counting submissions per key in fixed windows: in this process, or shared by every instance through Redis.
import type { Clock } from '../platform/clock.js'

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

interface RedisCounter {
  multi(): { incr(key: string): unknown; pexpire(key: string, ms: number): unknown; exec(): Promise<[Error | null, unknown][] | null> }
  quit(): Promise<unknown>
}

/** The same windows in Redis (INCR, then PEXPIRE so keys vanish); when Redis fails, fall back to this process's count. */
export function redisRateLimiter(redis: RedisCounter, clock: Clock, onError: (err: unknown) => void = () => {}): RateLimiter {
  const fallback = memoryRateLimiter(clock)
  return {
    async hit(key, limit, windowMs) {
      const window = Math.floor(clock.now().getTime() / windowMs)
      const name = `dateline:rl:${key}:${window}`
      try {
        const tx = redis.multi()
        tx.incr(name)
        tx.pexpire(name, windowMs * 2)
        const result = await tx.exec()
        const n = Number(result?.[0]?.[1])
        if (!Number.isFinite(n)) throw new Error('no count from Redis')
        return n <= limit
      } catch (err) {
        onError(err)
        return fallback.hit(key, limit, windowMs)
      }
    },
    async close() {
      await redis.quit().catch(() => {})
    },
  }
}

/** A Redis-backed limiter when a URL is given, else one in memory. */
export async function createRateLimiter({ redisUrl, clock, onError }: { redisUrl: string | undefined; clock: Clock; onError?: (err: unknown) => void }): Promise<RateLimiter> {
  if (!redisUrl) return memoryRateLimiter(clock)
  const { Redis } = await import('ioredis')
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true })
  redis.on('error', (err) => onError?.(err))
  return redisRateLimiter(redis, clock, onError)
}
