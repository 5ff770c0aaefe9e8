// API keys as the read APIs check them on every request: a live key is remembered for a moment, so a keyed client
// costs no query per request; a revocation in this process forgets it at once, one elsewhere within `ttlMs`.
import type { Deps } from '../platform/deps.js'
import { findAdminKey, findContentKey, type ApiKey } from '../identity/index.js'

export interface KeyLookup {
  /** The live content key a program sent as `?key=`; undefined for anything else (an admin key never goes in a URL). */
  content(secret: string): Promise<ApiKey | undefined>
  /** The live key, content or admin, a program sent as `Authorization: Bearer …`. */
  bearer(secret: string): Promise<ApiKey | undefined>
}

/**
 * One second by default: as long as a change made by another process (`dateline api-key revoke`, a second instance)
 * takes to reach this one's page cache anyway. Unknown keys are not remembered, so guessing cannot fill the map; the
 * read API counts them against the address's allowance instead.
 * @example const keys = createKeyLookup(deps); const key = await keys.content(String(req.query.key))
 */
export function createKeyLookup(
  { db, events }: Pick<Deps, 'db' | 'events'>, { ttlMs = 1000, maxEntries = 1000, now = Date.now } = {},
): KeyLookup {
  const live = new Map<string, { key: ApiKey; at: number }>()
  events.on((event) => {
    if (event.type !== 'api-key.revoked') return
    for (const [secret, { key }] of live) if (key.id === event.apiKeyId) live.delete(secret)
  })
  const remembered = (find: (secret: string) => Promise<ApiKey | undefined>, kind: string) => async (secret: string) => {
    const id = `${kind} ${secret}`
    const known = live.get(id)
    if (known && now() - known.at < ttlMs) return known.key
    const key = await find(secret)
    if (key) {
      if (live.size >= maxEntries) live.clear()
      live.set(id, { key, at: now() })
    } else live.delete(id)
    return key
  }
  return {
    content: remembered((secret) => findContentKey(db, secret), 'content'),
    bearer: remembered(async (secret) => (await findContentKey(db, secret)) ?? findAdminKey(db, secret), 'bearer'),
  }
}
