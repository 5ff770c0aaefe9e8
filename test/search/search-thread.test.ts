// SQLite's searches on a second thread: the same results as on the first, and an answer even when the thread fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { findSearchResults, searchArticles, createSearchThread, type SearchThread } from '../../src/search/index.js'
import { freshDatabase } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { ensureBuilt, root, startServer, type ServerProcess } from '../support/processes.js'

const secret = 'search-thread-secret-search-thread-secret-0'
// Under the test runner the modules are TypeScript; the thread runs the compiled worker, as the server does.
const workerUrl = pathToFileURL(join(root, 'dist', 'search', 'search-worker.js'))

describe('sqlite: searching on a second thread', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let services: Services
  const warnings: string[] = []
  const log = { warn: (_: object, msg: string) => { warnings.push(msg) } }
  const threads: SearchThread[] = []
  const thread = (url = workerUrl) => {
    const t = createSearchThread(database.url, { log, workerUrl: url })!
    threads.push(t)
    return t
  }
  const input = (query: string, offset = 0) => ({ query, limit: 20, offset, now: new Date() })

  beforeAll(async () => {
    ensureBuilt()
    database = await freshDatabase('sqlite')
    services = await createServices(loadConfig({ DATABASE_URL: database.url, SECRET: secret, SEARCH_THREAD: 'off' }))
    for (let i = 0; i < 25; i++) {
      await createArticle(services, { headline: `Ferry timetable change ${i}`, body: `The harbour ferry runs later from week ${i}.` })
    }
    await createArticle(services, { headline: 'Bakery reopens', body: 'Bread again on the harbour front.' })
    await createArticle(services, { headline: 'Draft about the ferry', body: 'Not yet.', status: 'draft', publishedAt: undefined })
  })

  afterAll(async () => {
    for (const t of threads) await t.close()
    await services.close()
    await database.drop()
  })

  it('gives the results, count and snippets a search on this thread gives, page after page', async () => {
    const t = thread()
    for (const [query, offset] of [['ferry', 0], ['ferry', 20], ['harbour', 0], ['"harbour front"', 0], ['nothing here', 0]] as const) {
      expect(await t.search(input(query, offset))).toEqual(await searchArticles(services, input(query, offset)))
    }
    expect((await t.search(input('ferry')))!.total).toBe(25)
  })

  it('is what findSearchResults asks when it is there', async () => {
    const t = thread()
    let asked = 0
    const counting: SearchThread = { start: () => t.start(), search: (i) => { asked++; return t.search(i) }, close: () => t.close() }
    const page = await findSearchResults({ ...services, searchThread: counting }, input('bakery'))
    expect(asked).toBe(1)
    expect(page.results.map((r) => r.article.headline)).toEqual(['Bakery reopens'])
  })

  it('answers on the first thread when the second fails to start, and says so once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-broken-worker-'))
    try {
      const broken = join(dir, 'worker.mjs')
      writeFileSync(broken, "throw new Error('this worker cannot start')\n")
      const t = thread(pathToFileURL(broken))
      expect(await t.search(input('bakery'))).toBeUndefined()
      const page = await findSearchResults({ ...services, searchThread: t }, input('bakery timetable'))
      expect(page.total).toBe(0)
      expect((await findSearchResults({ ...services, searchThread: t }, input('ferry'))).total).toBe(25)
      expect(warnings.filter((w) => w.startsWith('search thread'))).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is not started for a database in memory, which another thread cannot open', () => {
    expect(createSearchThread('sqlite::memory:', { log, workerUrl })).toBeUndefined()
    expect(createSearchThread('postgres://localhost/x', { log, workerUrl })).toBeUndefined()
  })

  it('serves the search page from a running server', async () => {
    let server: ServerProcess | undefined
    try {
      server = await startServer({ DATABASE_URL: database.url, SECRET: secret, SITE_URL: 'http://localhost' })
      const res = await fetch(`${server.url}/search?q=bakery`)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('Bakery reopens')
      expect(server.log.text).not.toMatch(/search thread/)
    } finally {
      await server?.kill()
    }
  }, 60_000)
})
