// `dateline jobs`: an operator sees what is queued and why a job failed, and can run what is due from a shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { enqueueJob } from '../../src/platform/jobs/index.js'
import { jobsCommand } from '../../src/cli/jobs.js'
import { freshDatabase } from '../support/db.js'

describe('dateline jobs', () => {
  let services: Services
  let drop: () => Promise<void>
  const clock = fixedClock('2026-11-25T12:00:00Z')
  beforeAll(async () => {
    const database = await freshDatabase('sqlite')
    drop = database.drop
    services = await createServices(loadConfig({ DATABASE_URL: database.url, SECRET: 'test-secret-test-secret-test-secret-0123' }), { clock, log: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } })
  })
  afterAll(async () => {
    await services.close()
    await drop()
  })

  it('lists queued work, runs what is due, and shows a failure with its error', async () => {
    await enqueueJob(services.db, { kind: 'publish-article', payload: { articleId: 999 }, runAt: clock.now(), key: 'publish-article:999' }, clock.now())
    await enqueueJob(services.db, { kind: 'no-such-kind', runAt: clock.now() }, clock.now())
    const lines: string[] = []
    expect(await jobsCommand(services, ['list'], (l) => lines.push(l))).toBe(0)
    expect(lines[0]).toBe('queued 2, running 0, done 0, failed 0')
    expect(lines.join('\n')).toContain('publish-article (publish-article:999)')
    lines.length = 0
    expect(await jobsCommand(services, ['run'], (l) => lines.push(l))).toBe(1)
    expect(lines[0]).toBe('Ran 1 job(s); 0 will be retried; 1 failed for good.')
    lines.length = 0
    await jobsCommand(services, [], (l) => lines.push(l))
    expect(lines.join('\n')).toContain('no-such-kind failed after 1 attempt(s): no handler for job kind "no-such-kind"')
  })
})
