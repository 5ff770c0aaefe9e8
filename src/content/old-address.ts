// Old addresses (a previous platform's permalinks) that must keep working: one spelling per address, so a lookup finds it.
import type { Db } from '../platform/db/index.js'
import { findSlugRedirect, recordSlugRedirect } from './taxonomy.store.js'

/** The query parameters that alone name a page on the platforms we import from (`/?p=12`, `/?page_id=7`). */
const keptParams = ['p', 'page_id']

function decode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * The key an old address is stored and looked up under: path only (host dropped), percent-decoded, NFC, lowercase,
 * one slash between segments and a trailing slash unless the last segment names a file; only `p`/`page_id` kept.
 * @example oldAddressKey('https://old.example/2019/04/Caf%C3%A9/') // '/2019/04/café/'
 * @example oldAddressKey('/?p=12&utm_source=x') // '/?p=12'
 */
export function oldAddressKey(address: string): string | undefined {
  let rest = address.trim()
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest)
  if (absolute) rest = rest.slice(absolute[0].length)
  rest = rest.replace(/#.*$/, '')
  const q = rest.indexOf('?')
  const rawPath = q >= 0 ? rest.slice(0, q) : rest
  const query = q >= 0 ? rest.slice(q + 1) : ''
  const segments = rawPath.split('/').filter(Boolean).map((s) => decode(s).normalize('NFC').toLowerCase())
  if (segments.some((s) => s === '..' || s.includes('/'))) return undefined
  const last = segments[segments.length - 1]
  let path = `/${segments.join('/')}`
  if (segments.length && !/\.[a-z0-9]{2,5}$/.test(last!)) path += '/'
  const params = new URLSearchParams(query)
  const kept = keptParams.filter((k) => /^\d{1,12}$/.test(params.get(k) ?? '')).map((k) => `${k}=${params.get(k)}`)
  if (path === '/' && !kept.length) return undefined
  const key = kept.length ? `${path}?${kept.join('&')}` : path
  return key.length > 2000 ? undefined : key
}

/** Remembers that an old address now lives at `newPath` (a 301 from then on). Old addresses equal to the new one are ignored. */
export async function recordOldAddress(db: Db, address: string, newPath: string, now: string): Promise<boolean> {
  const key = oldAddressKey(address)
  if (!key || key === newPath) return false
  await recordSlugRedirect(db, 'path', key, newPath, now)
  return true
}

/** Where an old address (as a reader requested it) lives now, if an import left a redirect for it. */
export async function findOldAddress(db: Db, url: string): Promise<string | undefined> {
  const key = oldAddressKey(url)
  return key ? findSlugRedirect(db, 'path', key) : undefined
}

/**
 * Many old addresses at once, two statements whatever their number (an import records several per item): each old
 * address leads to its new path, and a new path that was itself an old address is live again.
 * @returns how many old addresses were recorded (those equal to their new path are not)
 */
export async function recordOldAddresses(db: Db, moves: readonly (readonly [string, string])[], now: string): Promise<number> {
  const rows = new Map<string, string>()
  for (const [address, to] of moves) {
    const key = oldAddressKey(address)
    if (key && key !== to) rows.set(key, to)
  }
  if (!rows.size) return 0
  const live = [...new Set(rows.values())]
  await db.deleteFrom('slug_redirect').where('kind', '=', 'path').where('old_slug', 'in', live).execute()
  await db.insertInto('slug_redirect').values([...rows].map(([old, to]) => ({ kind: 'path' as const, old_slug: old, new_slug: to, created_at: now })))
    .onConflict((oc) => oc.columns(['kind', 'old_slug']).doUpdateSet((eb) => ({ new_slug: eb.ref('excluded.new_slug'), created_at: now }))).execute()
  return rows.size
}
