// Every committed change reaches other processes exactly once, whatever order writers commit in.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import pg from 'pg'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { createInvalidationBus, createPageCache } from '../../src/platform/cache/index.js'
import { findArticleBySlug } from '../../src/content/index.js'

/** How many times each tag was purged. */
function purgeCounter(purge: { mock: { calls: unknown[][] } }) {
  return (tag: string) => purge.mock.calls.filter(([tags]) => (tags as string[]).includes(tag)).length
}

/** Once this resolves the watcher has read where the log stood: markers are written until one is applied. */
async function watching(record: (tags: string) => Promise<unknown>, purge: { mock: { calls: unknown[][] } }) {
  let n = 0
  await expect.poll(async () => {
    await record(`topic:start-${++n}`)
    return purge.mock.calls.some(([tags]) => (tags as string[]).some((tag) => tag.startsWith('topic:start-')))
  }, { timeout: 5000, interval: 20 }).toBe(true)
}

describe.each(testDialects())('%s: the change log between processes', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
  })
  afterAll(() => t.close())

  const record = (tags: string, createdAt = new Date()) =>
    t.services.db.insertInto('change_log').values({ tags, created_at: createdAt.toISOString() }).returning('id').executeTakeFirstOrThrow()

  it('applies each change written elsewhere exactly once', async () => {
    const cache = createPageCache()
    const purge = vi.spyOn(cache, 'purge')
    const purged = purgeCounter(purge)
    const stop = createInvalidationBus({ db: t.services.db, cache, pollMs: 20 }).watch()
    try {
      await watching(record, purge)
      for (const n of [1, 2, 3]) await record(`topic:${n}00`)
      await record('topic:400 topic:401')
      await expect.poll(() => purged('topic:401'), { timeout: 5000, interval: 20 }).toBe(1)
      // Later polls read nothing again.
      await record('topic:500')
      await expect.poll(() => purged('topic:500'), { timeout: 5000, interval: 20 }).toBe(1)
      expect(['topic:100', 'topic:200', 'topic:300', 'topic:400'].map(purged)).toEqual([1, 1, 1, 1])
    } finally {
      await stop()
    }
  })

  it('keeps the newest entry when pruning, so ids keep growing and the next change is still seen', async () => {
    let now = Date.now()
    const cache = createPageCache()
    const purge = vi.spyOn(cache, 'purge')
    const purged = purgeCounter(purge)
    const stop = createInvalidationBus({ db: t.services.db, cache, pollMs: 20, now: () => now }).watch()
    try {
      // An entry committed before the watcher read where the log stood is not news to it, and would never be purged.
      await watching(record, purge)
      const old = await record('topic:600')
      await expect.poll(() => purged('topic:600'), { timeout: 5000, interval: 20 }).toBe(1)
      // Two hours on, the next poll prunes every entry, which are all older than an hour, but the newest.
      now += 2 * 3_600_000
      await expect.poll(async () => (await t.services.db.selectFrom('change_log').select('id').execute()).map((r) => r.id), { timeout: 5000, interval: 20 })
        .toEqual([old.id])
      const next = await record('topic:700')
      expect(next.id).toBeGreaterThan(old.id)
      await expect.poll(() => purged('topic:700'), { timeout: 5000, interval: 20 }).toBe(1)
    } finally {
      await stop()
    }
  })
})

// On PostgreSQL an id is taken at INSERT and shows at COMMIT: 102 can be visible before 101.
describe.runIf(testDialects().includes('postgres'))('postgres: changes committed out of order', () => {
  let t: TestApp
  let first: pg.Client
  let second: pg.Client
  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'postgres' })
    first = new pg.Client({ connectionString: t.config.databaseUrl })
    second = new pg.Client({ connectionString: t.config.databaseUrl })
    await Promise.all([first.connect(), second.connect()])
  })
  afterAll(async () => {
    await Promise.all([first.end(), second.end()])
    await t.close()
  })

  const begin = async (client: pg.Client, tags: string) => {
    await client.query('begin')
    const { rows } = await client.query<{ id: number }>('insert into change_log (tags, created_at) values ($1, $2) returning id', [tags, new Date().toISOString()])
    return rows[0]!.id
  }

  it('applies a change that commits after a newer one, and purges its page', async () => {
    const a = await createArticle(t.services, { slug: 'bridge-closes', headline: 'Bridge closes for repairs', section: 'News' })
    const b = await createArticle(t.services, { slug: 'market-returns', headline: 'Market returns to the square', section: 'News' })
    const page = (slug: string) => t.app.inject(`/news/${slug}/`)
    for (const slug of ['bridge-closes', 'bridge-closes', 'market-returns', 'market-returns']) await page(slug)
    expect((await page('bridge-closes')).headers['x-cache']).toBe('HIT')
    const purged = purgeCounter(vi.spyOn(t.services.cache, 'purge'))
    const stop = t.services.bus.watch()
    try {
      const earlier = await begin(first, `article:${a.id}`)
      const later = await begin(second, `article:${b.id}`)
      expect(later).toBeGreaterThan(earlier)
      await second.query('commit')
      await expect.poll(() => purged(`article:${b.id}`), { timeout: 5000, interval: 50 }).toBe(1)
      // The poller has read past the earlier id, which is not committed yet: its page is still the cached one.
      expect((await page('bridge-closes')).headers['x-cache']).toBe('HIT')

      await first.query('commit')
      await expect.poll(() => purged(`article:${a.id}`), { timeout: 5000, interval: 50 }).toBe(1)
      expect((await page('bridge-closes')).headers['x-cache']).toBeUndefined()

      // Exactly once: a later change is applied, and neither of the two again.
      await t.services.db.insertInto('change_log').values({ tags: 'topic:999', created_at: new Date().toISOString() }).execute()
      await expect.poll(() => purged('topic:999'), { timeout: 5000, interval: 50 }).toBe(1)
      expect([purged(`article:${a.id}`), purged(`article:${b.id}`)]).toEqual([1, 1])
    } finally {
      await stop()
      vi.restoreAllMocks()
    }
  })

  it('refreshes remembered articles when an older change commits last', async () => {
    await createArticle(t.services, { slug: 'library-hours', headline: 'Library extends its hours', section: 'News' })
    expect((await findArticleBySlug(t.services.db, 'library-hours'))?.headline).toBe('Library extends its hours')
    const stop = t.services.bus.watch()
    try {
      // The edit and its change-log entry commit together, after a newer entry from another writer.
      await first.query('begin')
      await first.query(`update article set headline = 'Library cuts its hours' where slug = 'library-hours'`)
      await first.query('insert into change_log (tags, created_at) values ($1, $2)', ['site', new Date().toISOString()])
      await begin(second, 'topic:998')
      await second.query('commit')
      // The newest id moved on, so the memo is worked out again, still without the uncommitted edit.
      expect((await findArticleBySlug(t.services.db, 'library-hours'))?.headline).toBe('Library extends its hours')
      await first.query('commit')
      await expect.poll(async () => (await findArticleBySlug(t.services.db, 'library-hours'))?.headline, { timeout: 5000, interval: 50 })
        .toBe('Library cuts its hours')
    } finally {
      await stop()
    }
  })

  it('applies a change that was still being committed when the process started watching', async () => {
    const cache = createPageCache()
    const purge = vi.spyOn(cache, 'purge')
    const purged = purgeCounter(purge)
    await begin(first, 'topic:801')
    await begin(second, 'topic:802')
    await second.query('commit')
    const stop = createInvalidationBus({ db: t.services.db, cache, pollMs: 20 }).watch()
    try {
      await watching((tags) => t.services.db.insertInto('change_log').values({ tags, created_at: new Date().toISOString() }).execute(), purge)
      await first.query('commit')
      await expect.poll(() => purged('topic:801'), { timeout: 5000, interval: 20 }).toBe(1)
      // Already committed when watching began, so not news to this process.
      expect(purged('topic:802')).toBe(0)
    } finally {
      await stop()
    }
  })
})
