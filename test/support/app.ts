// buildTestApp(): a whole Dateline on a fresh database with a fixed clock, driven through app.inject().
import type { FastifyInstance } from 'fastify'
import { loadConfig, type Config } from '../../src/config/index.js'
import { buildApp, createServices, type Services } from '../../src/app.js'
import { fixedClock } from '../../src/platform/clock.js'
import { freshDatabase, type TestDialect } from './db.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const testNow = '2026-11-25T12:00:00.000Z'

export interface TestApp {
  app: FastifyInstance
  services: Services
  clock: ReturnType<typeof fixedClock>
  config: Config
  close(): Promise<void>
}

export async function buildTestApp({ dialect = 'sqlite', env = {}, log }: { dialect?: TestDialect; env?: Record<string, string>; log?: Services['log'] } = {}): Promise<TestApp> {
  const database = await freshDatabase(dialect)
  const config = loadConfig({
    DATABASE_URL: database.url,
    SITE_URL: 'https://news.example.test',
    MEDIA_DIR: join(mkdtempSync(join(tmpdir(), 'dateline-media-')), 'media'),
    SECRET: 'test-secret-test-secret-test-secret-0123',
    ...env,
  })
  const clock = fixedClock(testNow)
  const services = await createServices(config, { clock, ...(log ? { log } : {}) })
  const app = await buildApp(services)
  await app.ready()
  return {
    app, services, clock, config,
    async close() {
      await app.close()
      await services.close()
      await database.drop()
    },
  }
}
