// Carries "these tags changed" to every page cache: this process at once, other processes via Redis and the change log.
import type { Db } from '../db/index.js'
import type { RedisLink } from '../redis.js'
import type { PageCache } from './page-cache.js'

export interface InvalidationBus {
  /** Purges locally, records the change for other processes, and tells peers through Redis when configured. */
  publish(tags: readonly string[]): Promise<void>
  /** Starts watching for changes made elsewhere; returns a stop function. */
  watch(): () => Promise<void>
}

const channel = 'dateline:invalidate'

export function createInvalidationBus({ db, cache, redis, pollMs = 1000, onError = () => {} }: {
  db: Db
  cache: PageCache
  redis?: RedisLink | undefined
  pollMs?: number
  onError?: (err: unknown) => void
}): InvalidationBus {
  let lastSeen = 0

  const readLatest = async () => {
    const row = await db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
    return Number(row?.id ?? 0)
  }

  return {
    async publish(tags) {
      cache.purge(tags)
      await db.insertInto('change_log').values({ tags: tags.join(' '), created_at: new Date().toISOString() }).execute()
      // Redis only makes it sooner: a peer that misses this message still reads the change log within a second.
      if (redis) await redis.run((r) => r.publish(channel, tags.join(' '))).catch(() => {})
    },
    watch() {
      let stopped = false
      // The change log catches writers without Redis (the CLI, a second instance); read once a second at most.
      const poll = async () => {
        try {
          const rows = await db.selectFrom('change_log').select(['id', 'tags']).where('id', '>', lastSeen)
            .orderBy('id').limit(1000).execute()
          for (const row of rows) {
            cache.purge(row.tags.split(' '))
            lastSeen = row.id
          }
          await prune()
        } catch (err) {
          onError(err)
        }
      }
      // Peers only need the last few seconds of the log; keep an hour so a slow process can catch up.
      let lastPrune = 0
      const prune = async () => {
        if (Date.now() - lastPrune < 10 * 60_000) return
        lastPrune = Date.now()
        await db.deleteFrom('change_log').where('created_at', '<', new Date(Date.now() - 3_600_000).toISOString()).execute()
      }
      const started = readLatest().then((id) => { lastSeen = id }).catch(onError)
      const timer = setInterval(() => { if (!stopped) void started.then(poll) }, pollMs)
      timer.unref()
      const unsubscribe = redis?.subscribe(channel, (message) => cache.purge(message.split(' ')))
      return async () => {
        stopped = true
        clearInterval(timer)
        await unsubscribe?.()
      }
    },
  }
}
