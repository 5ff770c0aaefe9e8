import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/index.js'
import { createServices, type Services } from '../../src/app.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'

// A change made by another process (the CLI, a second instance) must reach this server's page cache.
describe.each(testDialects())('%s: cache invalidation across processes', (dialect) => {
  let t: TestApp
  let other: Services
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    other = await createServices(t.config)
    await createArticle(t.services, { slug: 'tram-line-opens', headline: 'Tram line opens', section: 'News' })
  })
  afterAll(async () => {
    await other.close()
    await t.close()
  })

  it('purges a cached page when another process records a change in the change log', async () => {
    const stop = t.services.bus.watch()
    try {
      await t.app.inject('/news/')
      expect((await t.app.inject('/news/')).headers['x-cache']).toBe('HIT')
      await createArticle(other, { slug: 'second-story', headline: 'A second story from elsewhere', section: 'News' })
      await expect.poll(async () => (await t.app.inject('/news/')).body, { timeout: 5000, interval: 100 })
        .toContain('A second story from elsewhere')
    } finally {
      await stop()
    }
  })
})

const redisUrl = process.env.TEST_REDIS_URL
if (!redisUrl) console.log('Redis tests skipped: set TEST_REDIS_URL=redis://… to run them.')

describe.runIf(redisUrl)('redis: cache invalidation between instances', () => {
  let a: TestApp
  let b: Services
  beforeAll(async () => {
    a = await buildTestApp({ env: { REDIS_URL: redisUrl! } })
    b = await createServices(loadConfig({ ...process.env, DATABASE_URL: a.config.databaseUrl, REDIS_URL: redisUrl!, SECRET: a.config.secret }))
  })
  afterAll(async () => {
    await b.close()
    await a.close()
  })

  it('purges the other instance at once through Redis pub/sub', async () => {
    const stop = a.services.bus.watch()
    try {
      a.services.cache.set('/x/', { status: 200, body: Buffer.from('x'), etag: '"x"', contentType: 'text/html', headers: {}, tags: ['section:99'] })
      // Give the subscriber a moment to subscribe: poll the publish until it lands.
      await expect.poll(async () => {
        await b.bus.publish(['section:99'])
        return a.services.cache.get('/x/')
      }, { timeout: 5000, interval: 100 }).toBeUndefined()
    } finally {
      await stop()
    }
  })
})
