// startServer(): a whole Dateline on a fresh database, seeded with the demo paper, listening on a loopback port.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { loadConfig, type Config } from '../../../src/config/index.js'
import { buildApp, createServices, type AppOptions, type Services } from '../../../src/app.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { seedDemo } from '../../../src/content/seed-demo.js'
import { freshDatabase, type TestDialect } from '../../support/db.js'
import { testNow } from '../../support/app.js'

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string
  app: FastifyInstance
  services: Services
  clock: ReturnType<typeof fixedClock>
  config: Config
  close(): Promise<void>
}

export interface StartOptions {
  dialect?: TestDialect
  /** Extra environment for loadConfig (e.g. PAGE_CACHE=off). */
  env?: Record<string, string>
  /** Seed the demo newspaper (default true). */
  seed?: boolean
  /** Where the fixed clock stands; defaults to the shared test instant (Wednesday 25 November 2026, noon UTC). */
  now?: string
  app?: AppOptions
}

/**
 * Starts the real HTTP server (page cache and all) the way a reader meets it, on 127.0.0.1 and a free port.
 * @example const server = await startServer(); await page.goto(`${server.url}/`); await server.close()
 */
export async function startServer({ dialect = 'sqlite', env = {}, seed = true, now = testNow, app: appOptions }: StartOptions = {}): Promise<RunningServer> {
  const database = await freshDatabase(dialect)
  const mediaRoot = mkdtempSync(join(tmpdir(), 'dateline-e2e-media-'))
  const config = loadConfig({
    DATABASE_URL: database.url,
    SITE_URL: 'https://news.example.test',
    MEDIA_DIR: join(mediaRoot, 'media'),
    SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456',
    ...env,
  })
  const clock = fixedClock(now)
  const services = await createServices(config, { clock })
  try {
    if (seed) await seedDemo(services)
    const app = await buildApp(services, appOptions)
    await app.listen({ host: '127.0.0.1', port: 0 })
    const { port } = app.server.address() as AddressInfo
    return {
      url: `http://127.0.0.1:${port}`, app, services, clock, config,
      async close() {
        await app.close()
        await services.close()
        await database.drop()
        rmSync(mediaRoot, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await services.close()
    await database.drop()
    rmSync(mediaRoot, { recursive: true, force: true })
    throw err
  }
}
