// A server killed outright (SIGKILL) while 20 readers post comments: after a restart, every comment the server
// acknowledged with a 303 is there. A reader told "thank you" must never have been lied to.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { issueFormToken } from '../../src/comments/index.js'
import { freshDatabase } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { ensureBuilt, startServer, type ServerProcess } from '../support/processes.js'
import { testDialects } from '../support/db.js'

const secret = 'sigkill-secret-sigkill-secret-sigkill-0123'
const posters = 20

beforeAll(() => ensureBuilt(), 120_000)

describe.each(testDialects())('%s: SIGKILL during concurrent comment posting', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let articleId = 0
  const servers: ServerProcess[] = []
  beforeAll(async () => {
    database = await freshDatabase(dialect)
    const services = await createServices(loadConfig({ DATABASE_URL: database.url, SECRET: secret, SITE_URL: 'https://news.example.test' }))
    articleId = (await createArticle(services, { slug: 'ferry-strike', headline: 'Ferry crews strike', section: 'News' })).id
    await services.close()
  }, 60_000)
  afterAll(async () => {
    for (const s of servers) await s.kill()
    await database?.drop()
  })

  it('keeps every acknowledged comment', async () => {
    const env = { DATABASE_URL: database.url, SECRET: secret, SITE_URL: 'https://news.example.test', TRUST_PROXY: 'on' }
    const first = await startServer(env)
    servers.push(first)
    // Issued a minute ago, so the form is not "quicker than a person types".
    const token = issueFormToken(secret, articleId, new Date(Date.now() - 60_000))
    const acknowledged: string[] = []
    let killAt: () => void = () => {}
    const enough = new Promise<void>((resolve) => { killAt = resolve })

    const poster = async (p: number) => {
      // Bounded: a poster stops at its first failure (the server is gone) or after 200 comments.
      for (let n = 0; n < 200; n++) {
        const body = `Comment ${n} from poster ${p}: the crews are right to strike.`
        const res = await fetch(`${first.url}/comments`, {
          method: 'POST', redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: first.url,
            // One address per comment, so the per-address rate limit (a separate test's concern) never refuses.
            'x-forwarded-for': `10.${p}.${n >> 8}.${n & 255}`,
          },
          body: new URLSearchParams({ article: String(articleId), token, name: `Poster ${p}`, email: `poster${p}.${n}@example.org`, website: '', comment: body }).toString(),
        }).catch(() => undefined)
        if (!res) return
        await res.arrayBuffer().catch(() => {})
        if (res.status === 303) acknowledged.push(body)
        else throw new Error(`comment ${n} of poster ${p} answered ${res.status}`)
        if (acknowledged.length >= 100) killAt()
      }
    }
    const running = Array.from({ length: posters }, (_, p) => poster(p))
    await enough
    first.child.kill('SIGKILL')
    await Promise.all(running)
    await first.exited
    expect(acknowledged.length).toBeGreaterThanOrEqual(100)

    const second = await startServer(env)
    servers.push(second)
    expect((await fetch(`${second.url}/readyz`)).status).toBe(200)
    const services = await createServices(loadConfig({ DATABASE_URL: database.url, SECRET: secret, SITE_URL: 'https://news.example.test' }), { migrate: false })
    try {
      const stored = new Set((await services.db.selectFrom('comment').select('body').execute()).map((r) => r.body))
      expect(acknowledged.filter((body) => !stored.has(body))).toEqual([])
    } finally {
      await services.close()
    }
  }, 90_000)
})
