// Shutting down (server.ts): app.close() waits for open connections only, so a request whose reader has gone must be
// waited for by requestsFinished before the database closes under it.
import { afterAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { loadConfig } from '../../src/config/index.js'
import { buildApp, createServices, requestsFinished } from '../../src/app.js'
import { freshDatabase } from '../support/db.js'

describe('a request whose reader has gone, at shutdown', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => { for (const step of cleanup.reverse()) await step() })

  it('is waited for, and its statement after the reader left still runs, before the database closes', async () => {
    const database = await freshDatabase('sqlite')
    cleanup.push(database.drop)
    const config = loadConfig({
      DATABASE_URL: database.url, SITE_URL: 'https://news.example.test', SECRET: 'test-secret-test-secret-test-secret-0123',
      MEDIA_DIR: join(mkdtempSync(join(tmpdir(), 'dateline-media-')), 'media'),
    })
    const services = await createServices(config)
    const app = await buildApp(services)
    let answered: unknown
    app.get('/slow-for-test', { config: { access: 'public' } }, async () => {
      await new Promise((r) => setTimeout(r, 400))
      answered = (await sql<{ one: number }>`select 1 as one`.execute(services.db)).rows[0]?.one
      return 'done'
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as { port: number }

    const gone = request({ port, host: '127.0.0.1', path: '/slow-for-test' })
    gone.on('error', () => {})
    gone.end()
    await new Promise((r) => setTimeout(r, 100))
    gone.destroy()
    await new Promise((r) => setTimeout(r, 50))

    await app.close()
    // The handler is still sleeping: close() did not wait for it.
    expect(answered).toBeUndefined()
    expect(await requestsFinished(app, 5_000)).toBe(true)
    expect(answered).toBe(1)
    await services.close()
  })

  it('gives up after its timeout when a request never ends', async () => {
    const database = await freshDatabase('sqlite')
    cleanup.push(database.drop)
    const config = loadConfig({
      DATABASE_URL: database.url, SITE_URL: 'https://news.example.test', SECRET: 'test-secret-test-secret-test-secret-0123',
      MEDIA_DIR: join(mkdtempSync(join(tmpdir(), 'dateline-media-')), 'media'),
    })
    const services = await createServices(config)
    cleanup.push(() => services.close())
    const app = await buildApp(services)
    app.get('/never-for-test', { config: { access: 'public' } }, () => new Promise<string>(() => {}))
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as { port: number }
    const gone = request({ port, host: '127.0.0.1', path: '/never-for-test' })
    gone.on('error', () => {})
    gone.end()
    await new Promise((r) => setTimeout(r, 100))
    gone.destroy()
    await app.close()
    const started = Date.now()
    expect(await requestsFinished(app, 300)).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
