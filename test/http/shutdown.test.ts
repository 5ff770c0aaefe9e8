// Shutting down (server.ts): app.close() waits for open connections only, so a request whose reader has gone must be
// waited for by requestsFinished before the database closes under it.
import { afterAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { loadConfig } from '../../src/config/index.js'
import { buildApp, createServices, requestsFinished, type Services } from '../../src/app.js'
import { freshDatabase } from '../support/db.js'

describe('a request whose reader has gone, at shutdown', () => {
  const cleanup: (() => Promise<void>)[] = []
  afterAll(async () => { for (const step of cleanup.reverse()) await step() })

  /** A Dateline on a fresh database with one more route, listening, and a reader who asks for it and leaves. */
  async function leftWhileRunning(path: string, handler: (services: Services) => Promise<string>) {
    const database = await freshDatabase('sqlite')
    cleanup.push(database.drop)
    const config = loadConfig({
      DATABASE_URL: database.url, SITE_URL: 'https://news.example.test', SECRET: 'test-secret-test-secret-test-secret-0123',
      MEDIA_DIR: join(mkdtempSync(join(tmpdir(), 'dateline-media-')), 'media'),
    })
    const services = await createServices(config)
    const app = await buildApp(services)
    app.get(path, { config: { access: 'public' } }, () => handler(services))
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as { port: number }
    const gone = request({ port, host: '127.0.0.1', path })
    gone.on('error', () => {})
    gone.end()
    await new Promise((r) => setTimeout(r, 100))
    gone.destroy()
    await new Promise((r) => setTimeout(r, 50))
    return { app, services }
  }

  it('is waited for, and its statement after the reader left still runs, before the database closes', async () => {
    let answered: unknown
    const { app, services } = await leftWhileRunning('/slow-for-test', async (s) => {
      await new Promise((r) => setTimeout(r, 400))
      answered = (await sql<{ one: number }>`select 1 as one`.execute(s.db)).rows[0]?.one
      return 'done'
    })
    await app.close()
    // The handler is still sleeping: close() did not wait for it.
    expect(answered).toBeUndefined()
    expect(await requestsFinished(app, 5_000)).toBe(true)
    expect(answered).toBe(1)
    await services.close()
  })

  it('gives up after its timeout when a request never ends', async () => {
    const { app, services } = await leftWhileRunning('/never-for-test', () => new Promise<string>(() => {}))
    cleanup.push(() => services.close())
    await app.close()
    const started = Date.now()
    expect(await requestsFinished(app, 300)).toBe(false)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
