// PostgreSQL stops under a serving instance: readers keep cached pages, get a plain 503 for the rest, and the
// instance recovers by itself when the database returns. The test runs a PostgreSQL of its own to stop.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp, createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { testNow } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { startOwnPostgres, within, type OwnPostgres } from '../support/processes.js'

let postgres: OwnPostgres | undefined
let skipped = ''
const dir = mkdtempSync(join(tmpdir(), 'dateline-pgdown-'))

beforeAll(async () => {
  const started = await startOwnPostgres()
  if (typeof started === 'string') {
    skipped = `PostgreSQL fault tests skipped: ${started}.`
    console.log(skipped)
  } else postgres = started
}, 60_000)
afterAll(() => {
  postgres?.destroy()
  rmSync(dir, { recursive: true, force: true })
})

describe('when PostgreSQL stops', () => {
  let app: FastifyInstance
  let services: Services
  beforeAll(async () => {
    if (skipped) return
    const config = loadConfig({
      DATABASE_URL: postgres!.url, SITE_URL: 'https://news.example.test', MEDIA_DIR: join(dir, 'media'),
      SECRET: 'test-secret-test-secret-test-secret-0123', PG_QUERY_TIMEOUT_MS: '1500',
    })
    services = await createServices(config, { clock: fixedClock(testNow) })
    app = await buildApp(services)
    await app.ready()
    await createArticle(services, { slug: 'harbour-tolls', headline: 'Harbour tolls rise', section: 'News' })
    await createArticle(services, { slug: 'bridge-closed', headline: 'Bridge closed for repairs', section: 'News' })
  }, 60_000)
  afterAll(async () => {
    await app?.close()
    await services?.close()
  })

  it('serves cached pages (stale ones too), answers 503 with Retry-After elsewhere, fails /readyz, and recovers on its own', async (ctx) => {
    if (skipped) return ctx.skip()
    expect((await app.inject('/')).statusCode).toBe(200)
    expect((await app.inject('/news/harbour-tolls/')).statusCode).toBe(200)
    expect((await app.inject('/readyz')).statusCode).toBe(200)

    postgres!.stop()

    const cached = await app.inject('/news/harbour-tolls/')
    expect(cached.statusCode).toBe(200)
    expect(cached.headers['x-cache']).toBe('HIT')
    expect(cached.headers['cache-control']).toMatch(/stale-if-error=\d+/)

    // A page purged or past its time is rendered again; that fails, so the reader gets the copy they would have had.
    services.cache.purge(['site'])
    const stale = await app.inject('/')
    expect(stale.statusCode).toBe(200)
    expect(stale.headers['x-cache']).toBe('STALE')
    expect(stale.body).toContain('Harbour tolls rise')

    const started = Date.now()
    const uncached = await app.inject('/news/bridge-closed/')
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(uncached.statusCode).toBe(503)
    expect(uncached.headers['retry-after']).toBe('5')
    expect(uncached.headers['cache-control']).toBe('no-store')
    expect(uncached.headers['content-type']).toMatch(/^text\/html/)
    expect(uncached.body).toContain('Temporarily unavailable')
    expect(uncached.body).not.toMatch(/ECONNREFUSED|at .*\.js:\d+|postgres/i)

    const api = await app.inject({ url: '/news/bridge-closed/', headers: { accept: 'application/json' } })
    expect(api.statusCode).toBe(503)
    expect(api.json()).toEqual({ error: { code: 'UNAVAILABLE', message: expect.any(String) } })

    // A search is a transaction of several statements: it fails as quickly, with the same page.
    const search = await app.inject('/search?q=bridge')
    expect(search.statusCode).toBe(503)
    expect(search.body).toContain('Temporarily unavailable')

    expect((await app.inject('/readyz')).statusCode).toBe(503)
    expect((await app.inject('/healthz')).statusCode).toBe(200)

    postgres!.start()
    const tookMs = await within(5_000, async () => (await app.inject('/news/bridge-closed/')).statusCode === 200)
    expect(tookMs).toBeGreaterThanOrEqual(0)
    expect((await app.inject('/readyz')).statusCode).toBe(200)
    expect((await app.inject('/search?q=bridge')).body).toContain('Bridge')
    // Back to fresh pages: the one rendered after recovery is the one served next.
    expect((await app.inject('/news/bridge-closed/')).headers['x-cache']).toBe('HIT')
  }, 60_000)

  it('answers 503 within the query deadline while PostgreSQL is frozen, and recovers when it thaws', async (ctx) => {
    if (skipped) return ctx.skip()
    await createArticle(services, { slug: 'ferry-timetable', headline: 'Ferry timetable changes', section: 'News' })
    await createArticle(services, { slug: 'market-moves', headline: 'Market moves to the quay', section: 'News' })
    expect((await app.inject('/news/ferry-timetable/')).statusCode).toBe(200)

    // A frozen server keeps its connections open and never answers: only a deadline ends the wait.
    postgres!.freeze()
    try {
      const cached = await app.inject('/news/ferry-timetable/')
      expect(cached.statusCode).toBe(200)
      expect(cached.headers['x-cache']).toBe('HIT')

      for (const url of ['/news/market-moves/', '/search?q=ferry', '/news/market-moves/']) {
        const started = Date.now()
        const page = await app.inject(url)
        // 1.5 s for a statement on a pooled connection, or 3 s for a new connection that is never accepted.
        expect(Date.now() - started).toBeLessThan(4_500)
        expect(page.statusCode).toBe(503)
        expect(page.headers['retry-after']).toBe('5')
        expect(page.body).toContain('Temporarily unavailable')
      }
      expect((await app.inject('/readyz')).statusCode).toBe(503)
      expect((await app.inject('/healthz')).statusCode).toBe(200)
    } finally {
      postgres!.thaw()
    }
    const tookMs = await within(5_000, async () => (await app.inject('/news/market-moves/')).statusCode === 200)
    expect(tookMs).toBeGreaterThanOrEqual(0)
    expect((await app.inject('/search?q=ferry')).body).toContain('Ferry timetable')
  }, 60_000)
})
