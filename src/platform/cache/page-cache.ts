// Rendered pages for anonymous readers, keyed by URL and tagged by what they show, so a change purges exactly those.
import { hash } from 'node:crypto'

export interface CachedPage {
  status: number
  body: Buffer
  etag: string
  contentType: string
  /** Extra headers sent with every copy (Cache-Control, Surrogate-Key, …). */
  headers: Record<string, string>
  tags: readonly string[]
  storedAt: number
}

export interface PageCache {
  readonly enabled: boolean
  get(key: string): CachedPage | undefined
  /**
   * The last copy stored under this key even when purged or expired, for `stale-if-error`: a reader gets the page
   * as it was rather than an error while the database is unreachable.
   */
  getStale(key: string): CachedPage | undefined
  set(key: string, page: Omit<CachedPage, 'storedAt'>): void
  /** Drops every page carrying one of these tags; 'site' drops everything. */
  purge(tags: readonly string[]): number
  clear(): void
  readonly size: number
}

export function strongEtag(body: Buffer | string): string {
  // One-shot hash (Node 20.12+): no Hash object per page; SHA-1 is ample for telling versions apart.
  return `"${hash('sha1', body, 'base64url').slice(0, 27)}"`
}

/**
 * A bounded in-process cache; least recently stored pages leave first. Entries also expire after `ttlMs`
 * as a backstop for any change that was not announced. A purged or expired page is never served as fresh but
 * stays (within the same bounds) as the stale copy `getStale` offers when rendering fails.
 */
export function createPageCache({ enabled = true, maxEntries = 5_000, maxBytes = 256 * 1024 * 1024, ttlMs = 10 * 60_000, now = Date.now } = {}): PageCache {
  const pages = new Map<string, CachedPage>()
  const stale = new Set<string>()
  const byTag = new Map<string, Set<string>>()
  let bytes = 0

  const remove = (key: string) => {
    const page = pages.get(key)
    if (!page) return
    pages.delete(key)
    stale.delete(key)
    bytes -= page.body.length
    for (const tag of page.tags) byTag.get(tag)?.delete(key)
  }

  const retire = (key: string) => {
    stale.add(key)
    const page = pages.get(key)
    if (page) for (const tag of page.tags) byTag.get(tag)?.delete(key)
  }

  return {
    enabled,
    get(key) {
      const page = pages.get(key)
      if (!page) return undefined
      if (stale.size && stale.has(key)) return undefined
      if (now() - page.storedAt > ttlMs) {
        retire(key)
        return undefined
      }
      return page
    },
    getStale(key) {
      return pages.get(key)
    },
    set(key, page) {
      if (!enabled) return
      remove(key)
      const entry = { ...page, storedAt: now() }
      pages.set(key, entry)
      bytes += entry.body.length
      for (const tag of entry.tags) {
        let keys = byTag.get(tag)
        if (!keys) byTag.set(tag, (keys = new Set()))
        keys.add(key)
      }
      while (pages.size > maxEntries || bytes > maxBytes) {
        const oldest = pages.keys().next().value
        if (oldest === undefined) break
        remove(oldest)
      }
    },
    purge(tags) {
      if (tags.includes('site')) {
        const n = pages.size - stale.size
        for (const key of pages.keys()) stale.add(key)
        byTag.clear()
        return n
      }
      let n = 0
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) {
          retire(key)
          n++
        }
        byTag.delete(tag)
      }
      return n
    },
    clear() {
      pages.clear()
      stale.clear()
      byTag.clear()
      bytes = 0
    },
    /** Pages served as fresh. */
    get size() {
      return pages.size - stale.size
    },
  }
}
