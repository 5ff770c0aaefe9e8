// Carries "these tags changed" to every page cache: this process at once, other processes via Redis and the change log.
import { noteChangeApplied, type Db } from '../db/index.js'
import type { RedisLink } from '../redis.js'
import type { PageCache } from './page-cache.js'

export interface InvalidationBus {
  /** Purges locally, records the change for other processes, and tells peers through Redis when configured. */
  publish(tags: readonly string[]): Promise<void>
  /** Starts watching for changes made elsewhere; returns a stop function. */
  watch(): () => Promise<void>
}

const channel = 'dateline:invalidate'

/**
 * How long an id the poller skipped over is waited for. On PostgreSQL an id is taken at INSERT and shows at COMMIT,
 * so a lower id can appear after a higher one; one still missing after a minute was rolled back (ids are never
 * reused) and is let go. See docs/decisions/0012-change-log-gaps-and-redis-deadlines.md.
 */
const gapWaitMs = 60_000
/** Skipped ids remembered at most; past that the oldest are let go and every page is purged once, to be safe. */
const maxGaps = 1000
/** Ids read back at start to find entries that were still being committed when this process began watching. */
const startWindow = 1000

export function createInvalidationBus({ db, cache, redis, pollMs = 1000, now = Date.now, onError = () => {} }: {
  db: Db
  cache: PageCache
  redis?: RedisLink | undefined
  pollMs?: number
  now?: () => number
  onError?: (err: unknown) => void
}): InvalidationBus {
  return {
    async publish(tags) {
      // Events that purge nothing (a comment held for a moderator) leave no mark other processes would act on.
      if (tags.length === 0) return
      cache.purge(tags)
      await db.insertInto('change_log').values({ tags: tags.join(' '), created_at: new Date(now()).toISOString() }).execute()
      // A version read already under way here may predate this entry; memos must not trust what it returns.
      noteChangeApplied(db)
      // Redis only makes it sooner: a peer that misses this message still reads the change log within a second.
      if (redis) await redis.run((r) => r.publish(channel, tags.join(' '))).catch(() => {})
    },
    watch() {
      let stopped = false
      let polling = false
      let lastSeen = 0
      /** Ids below lastSeen not yet seen, with when they were first missed. */
      const gaps = new Map<number, number>()

      const apply = (row: { id: number; tags: string }) => {
        cache.purge(row.tags.split(' '))
        // Memos keyed on the newest id would not notice a lower one arriving late.
        noteChangeApplied(db, row.id)
      }
      const giveUp = () => {
        // Too many outstanding ids to follow: what they change is unknown, so nothing cached can be trusted.
        gaps.clear()
        cache.purge(['site'])
        noteChangeApplied(db)
      }
      const missing = (from: number, to: number, at: number) => {
        if (to - from > maxGaps) return giveUp()
        for (let id = from; id < to; id++) gaps.set(id, at)
        if (gaps.size > maxGaps) giveUp()
      }

      // The change log catches writers without Redis (the CLI, a second instance); read once a second at most.
      const poll = async () => {
        if (stopped || polling) return
        polling = true
        try {
          const rows = await db.selectFrom('change_log').select(['id', 'tags']).where('id', '>', lastSeen).orderBy('id').limit(1000).execute()
          // Apart, not OR-ed into one query: SQLite would scan the table for the OR. Gaps are rare and few.
          if (gaps.size) rows.unshift(...await db.selectFrom('change_log').select(['id', 'tags']).where('id', 'in', [...gaps.keys()]).orderBy('id').execute())
          const at = now()
          for (const row of rows) {
            if (row.id > lastSeen) {
              missing(lastSeen + 1, row.id, at)
              lastSeen = row.id
              apply(row)
            } else if (gaps.delete(row.id)) {
              apply(row)
            }
          }
          for (const [id, since] of gaps) if (at - since > gapWaitMs) gaps.delete(id)
          await prune(at)
        } catch (err) {
          onError(err)
        } finally {
          polling = false
        }
      }
      // Peers only need the last few seconds of the log; keep an hour so a slow process can catch up. The newest
      // entry always stays, so ids keep growing (SQLite would otherwise start again from 1 in an emptied table).
      let lastPrune = 0
      const prune = async (at: number) => {
        if (at - lastPrune < 10 * 60_000) return
        lastPrune = at
        await db.deleteFrom('change_log')
          .where('created_at', '<', new Date(at - 3_600_000).toISOString())
          .where('id', '<', (eb) => eb.selectFrom('change_log').select((e) => e.fn.max('id').as('id')))
          .execute()
      }
      // Start from the newest entry, remembering the holes just below it: writers that were committing at that moment.
      const start = async () => {
        const row = await db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
        lastSeen = Number(row?.id ?? 0)
        const recent = await db.selectFrom('change_log').select('id').where('id', '>', lastSeen - startWindow).orderBy('id').execute()
        const at = now()
        for (let i = 1; i < recent.length; i++) missing(recent[i - 1]!.id + 1, recent[i]!.id, at)
      }
      const started = start().catch(onError)
      const timer = setInterval(() => void started.then(poll), pollMs)
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
