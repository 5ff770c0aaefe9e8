// Carries "these tags changed" to every page cache: this process at once, other processes via Redis and the change log.
import type { Db } from '../db/index.js'
import type { PageCache } from './page-cache.js'

export interface InvalidationBus {
  /** Purges locally, records the change for other processes, and tells peers through Redis when configured. */
  publish(tags: readonly string[]): Promise<void>
  /** Starts watching for changes made elsewhere; returns a stop function. */
  watch(): () => Promise<void>
}

const channel = 'dateline:invalidate'

interface RedisLike {
  publish(channel: string, message: string): Promise<unknown>
  subscribe(channel: string): Promise<unknown>
  on(event: 'message', listener: (channel: string, message: string) => void): unknown
  quit(): Promise<unknown>
  duplicate(): RedisLike
}

export function createInvalidationBus({ db, cache, redis, pollMs = 1000, onError = () => {} }: {
  db: Db
  cache: PageCache
  redis?: RedisLike | undefined
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
      // Events that purge nothing (a comment held for a moderator) leave no mark other processes would act on.
      if (tags.length === 0) return
      cache.purge(tags)
      await db.insertInto('change_log').values({ tags: tags.join(' '), created_at: new Date().toISOString() }).execute()
      if (redis) await redis.publish(channel, tags.join(' ')).catch(onError)
    },
    watch() {
      let stopped = false
      let subscriber: RedisLike | undefined
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
      if (redis) {
        subscriber = redis.duplicate()
        subscriber.on('message', (_channel, message) => cache.purge(message.split(' ')))
        void subscriber.subscribe(channel).catch(onError)
      }
      return async () => {
        stopped = true
        clearInterval(timer)
        await subscriber?.quit().catch(onError)
      }
    },
  }
}
