// Queries built and compiled once per database handle, then run with fresh arguments.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely'
import type { Database } from './schema.js'
import { preparable } from './dialect.js'

type Db = Kysely<Database>

/**
 * A query built and compiled once per database handle, then run with fresh arguments. For the small lookups a
 * reader page makes, Kysely's builder and compiler cost several times what SQLite spends answering them.
 * `build` is called once with placeholders standing for the arguments; every other value stays a constant. On
 * PostgreSQL the text is also run as a named prepared statement, parsed and planned once per connection.
 * @example const byId = precompiled(1, (db, id: number) => db.selectFrom('article').selectAll().where('id', '=', id))
 */
export function precompiled<A extends unknown[], R>(arity: number, build: (db: Db, ...args: A) => Compilable<R>) {
  const cache = new WeakMap<Db, { sql: string; constants: readonly unknown[]; slots: number[] }>()
  return async (db: Db, ...args: A): Promise<R[]> => {
    let c = cache.get(db)
    if (!c) {
      const markers = Array.from({ length: arity }, (_, i) => `\u0000argument ${i}`)
      const query = build(db, ...(markers as A)).compile()
      c = { sql: query.sql, constants: query.parameters, slots: query.parameters.map((p) => markers.indexOf(p as string)) }
      preparable(query.sql)
      cache.set(db, c)
    }
    const { slots } = c
    const parameters = c.constants.map((p, i) => (slots[i]! >= 0 ? args[slots[i]!] : p))
    const { rows } = await db.executeQuery<R>(CompiledQuery.raw(c.sql, parameters))
    return rows
  }
}

const latestChange = precompiled(0, (db) => db.selectFrom('change_log').select((eb) => eb.fn.max('id').as('id')))
/** Per database handle: the newest id contentVersion has handed out, and how many changes arrived below it since. */
const versions = new WeakMap<Db, { newest: number; late: number }>()
const versionOf = (db: Db) => {
  let v = versions.get(db)
  if (!v) versions.set(db, (v = { newest: 0, late: 0 }))
  return v
}

/** Per database handle: the read of the newest change-log id under way, shared by whoever asks meanwhile. */
const reading = new WeakMap<Db, Promise<number>>()

/**
 * A number that moves whenever content changes, in any process: the newest entry of the change log every writer
 * appends to, plus the entries this process's change-log poller applied after a newer one had been handed out here.
 * On PostgreSQL a lower id can commit last, leaving the newest id where it was (see noteChangeApplied). A memo of
 * derived content that remembers this number is still right while it is unchanged.
 */
export function contentVersion(db: Db): Promise<number> {
  // Requests that ask while a read is on its way share it: under load on PostgreSQL that is most of them, and each
  // read is a round trip. A change this process records bumps the version itself (noteChangeApplied), so sharing a
  // read that began before it cannot hide it; another process's change shows within that read's time.
  const pending = reading.get(db)
  if (pending) return pending
  const read = latestChange(db).then(([row]) => {
    const newest = Number(row?.id ?? 0)
    const v = versionOf(db)
    if (newest > v.newest) v.newest = newest
    // Both terms only grow (pruning keeps the newest entry), so the sum changes whenever either does.
    return newest + v.late
  }).finally(() => reading.delete(db))
  reading.set(db, read)
  return read
}
/**
 * Tells contentVersion that the change-log entry `id` has been applied here. One below a newest id already handed out
 * may have committed after a memo was worked out under that newest id, so the version moves on; without an id it
 * always does. The change-log poller calls this for every entry it applies.
 */
export function noteChangeApplied(db: Db, id?: number): void {
  const v = versionOf(db)
  if (id === undefined || id < v.newest) v.late++
}

/**
 * Values worked out from content, remembered per database handle until the change log moves on (any write, in any
 * process) or `maxAgeMs` passes; at most `maxEntries`, least recently used leaving first. A miss (`undefined`) is
 * not remembered, so a crawler asking for addresses that do not exist cannot fill it. What it hands out is shared
 * between requests: callers copy rather than change it. A caller that has just read contentVersion for the same
 * piece of work passes it, and saves the query (on PostgreSQL, a round trip).
 * @example const articles = contentMemo<string, Article>({ maxEntries: 2000, maxAgeMs: 600_000 })
 *          const article = await articles(db, slug, () => loadArticle(db, slug))
 */
export function contentMemo<K, V>({ maxEntries, maxAgeMs, now = Date.now }: { maxEntries: number; maxAgeMs: number; now?: () => number }) {
  const memos = new WeakMap<Db, { version: number; at: number; entries: Map<K, V> }>()
  return async (db: Db, key: K, compute: () => Promise<V | undefined>, knownVersion?: number): Promise<V | undefined> => {
    const version = knownVersion ?? await contentVersion(db)
    const at = now()
    let memo = memos.get(db)
    if (!memo || memo.version !== version || at - memo.at > maxAgeMs) memos.set(db, (memo = { version, at, entries: new Map() }))
    const known = memo.entries.get(key)
    if (known !== undefined) {
      memo.entries.delete(key)
      memo.entries.set(key, known)
      return known
    }
    const value = await compute()
    if (value === undefined) return undefined
    if (memo.entries.size >= maxEntries) memo.entries.delete(memo.entries.keys().next().value!)
    memo.entries.set(key, value)
    return value
  }
}
