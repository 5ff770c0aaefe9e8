// The durable job queue: due work runs once, keyed jobs are replaced or withdrawn, failures retry, lapsed claims recover.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createDb, migrateToLatest, type DbHandle } from '../../src/platform/db/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { cancelJob, claimDueJobs, countJobs, createJobRunner, enqueueJob, findJobByKey } from '../../src/platform/jobs/index.js'
import { freshDatabase, testDialects } from '../support/db.js'
import { Worker } from 'node:worker_threads'
import { fileURLToPath } from 'node:url'

const quiet = { warn: () => {}, error: () => {} }
const start = '2026-11-25T12:00:00.000Z'

describe.each(testDialects())('%s: job queue', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let handle: DbHandle
  let clock: ReturnType<typeof fixedClock>
  const extra: DbHandle[] = []

  // One database per dialect for the file (creating a PostgreSQL database costs seconds); each test empties the queue.
  beforeAll(async () => {
    database = await freshDatabase(dialect)
    handle = await createDb(database.url)
    await migrateToLatest(handle)
  })
  afterAll(async () => {
    await handle.close()
    await database.drop()
  })
  beforeEach(async () => {
    await handle.db.deleteFrom('job').execute()
    clock = fixedClock(start)
  })
  afterEach(async () => {
    for (const h of extra.splice(0)) await h.close()
  })

  const runner = (h: DbHandle = handle, opts = {}) => createJobRunner({ db: h.db, dialect, clock, log: quiet }, opts)
  const later = (ms: number) => new Date(clock.now().getTime() + ms)

  it('runs a job once its time arrives, and only once', async () => {
    const seen: unknown[] = []
    const r = runner()
    r.register('note', async (payload) => { seen.push(payload) })
    await enqueueJob(handle.db, { kind: 'note', payload: { n: 1 }, runAt: later(60_000) }, clock.now())
    expect(await r.tick()).toEqual({ done: 0, retried: 0, failed: 0 })
    clock.advance(60_000)
    expect((await r.tick()).done).toBe(1)
    await r.tick()
    expect(seen).toEqual([{ n: 1 }])
    expect(await countJobs(handle.db)).toMatchObject({ done: 1, queued: 0 })
  })

  it('replaces a keyed job when enqueued again and withdraws it on cancel', async () => {
    const seen: unknown[] = []
    const r = runner()
    r.register('publish', async (payload) => { seen.push(payload) })
    await enqueueJob(handle.db, { kind: 'publish', payload: { v: 1 }, runAt: later(60_000), key: 'publish:1' }, clock.now())
    await enqueueJob(handle.db, { kind: 'publish', payload: { v: 2 }, runAt: later(120_000), key: 'publish:1' }, clock.now())
    clock.advance(60_000)
    await r.tick()
    expect(seen).toEqual([])
    clock.advance(60_000)
    await r.tick()
    expect(seen).toEqual([{ v: 2 }])

    await enqueueJob(handle.db, { kind: 'publish', payload: { v: 3 }, runAt: later(1000), key: 'publish:1' }, clock.now())
    expect(await cancelJob(handle.db, 'publish:1')).toBe(true)
    clock.advance(5000)
    await r.tick()
    expect(seen).toEqual([{ v: 2 }])
    expect(await findJobByKey(handle.db, 'publish:1')).toBeUndefined()
  })

  it('retries a failing job with growing waits, then marks it failed with the error', async () => {
    let calls = 0
    const r = runner(handle, { maxAttempts: 3 })
    r.register('flaky', async () => { calls++; throw new Error('upstream said no') })
    await enqueueJob(handle.db, { kind: 'flaky', runAt: clock.now(), key: 'flaky' }, clock.now())
    expect(await r.tick()).toMatchObject({ retried: 1 })
    clock.advance(29_000)
    await r.tick()
    expect(calls).toBe(1)
    clock.advance(1_000)
    expect(await r.tick()).toMatchObject({ retried: 1 })
    clock.advance(60_000)
    expect(await r.tick()).toMatchObject({ failed: 1 })
    clock.advance(3_600_000)
    await r.tick()
    expect(calls).toBe(3)
    const job = await findJobByKey(handle.db, 'flaky')
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'upstream said no' })
  })

  it('takes over a job whose worker died mid-run once the claim lapses', async () => {
    const seen: number[] = []
    await enqueueJob(handle.db, { kind: 'note', payload: { n: 7 }, runAt: clock.now() }, clock.now())
    // A worker claims it and then "crashes": it never reports back.
    const [lost] = await claimDueJobs(handle.db, dialect, { now: clock.now(), leaseMs: 120_000, limit: 5 })
    expect(lost?.attempts).toBe(1)
    const r = runner()
    r.register('note', async (payload) => { seen.push((payload as { n: number }).n) })
    await r.tick()
    expect(seen).toEqual([])
    clock.advance(121_000)
    await r.tick()
    expect(seen).toEqual([7])
    expect(await countJobs(handle.db)).toMatchObject({ done: 1, running: 0 })
  })

  it('keeps its work across a restart: a new connection and runner pick up what was queued', async () => {
    await enqueueJob(handle.db, { kind: 'note', runAt: later(10_000) }, clock.now())
    await handle.close()
    handle = await createDb(database.url)
    const seen: number[] = []
    const r = runner()
    r.register('note', async () => { seen.push(1) })
    clock.advance(10_000)
    await r.tick()
    expect(seen).toEqual([1])
  })

  it('never runs one job twice when two workers claim at the same time', async () => {
    // PostgreSQL: two separate connection pools, as two server instances. SQLite: two workers on the one
    // connection the process has (its single writer), racing through the event loop.
    const second = dialect === 'postgres' ? await createDb(database.url) : handle
    if (second !== handle) extra.push(second)
    const runs = new Map<number, number>()
    const work = async (payload: unknown) => {
      const n = (payload as { n: number }).n
      runs.set(n, (runs.get(n) ?? 0) + 1)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const a = runner(handle, { batch: 3 })
    const b = runner(second, { batch: 3 })
    a.register('work', work)
    b.register('work', work)
    for (let n = 0; n < 40; n++) await enqueueJob(handle.db, { kind: 'work', payload: { n }, runAt: clock.now() }, clock.now())
    for (let round = 0; round < 10; round++) await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])
    expect(runs.size).toBe(40)
    expect([...runs.values()].every((count) => count === 1)).toBe(true)
    expect(await countJobs(handle.db)).toMatchObject({ done: 40, queued: 0, running: 0 })
  })
})

// A SQLite file shared by separate processes (the server and `dateline jobs run`, or two servers): each thread here
// has its own connection and event loop, like a process. `npm test` builds dist/ first; the workers load it.
const claimer = `
const { workerData, parentPort } = require('node:worker_threads')
;(async () => {
  const { createDb } = await import(workerData.dist + 'platform/db/index.js')
  const { claimDueJobs, completeJob } = await import(workerData.dist + 'platform/jobs/index.js')
  const handle = await createDb(workerData.url)
  // Both start claiming at the same moment, once both are loaded and connected.
  parentPort.postMessage('ready')
  await new Promise((resolve) => parentPort.once('message', resolve))
  const claimed = []
  for (let empty = 0; empty < 3;) {
    const jobs = await claimDueJobs(handle.db, 'sqlite', { now: new Date(workerData.now), leaseMs: 60000, limit: 3 })
    empty = jobs.length ? 0 : empty + 1
    for (const job of jobs) {
      claimed.push(job.id)
      await new Promise((resolve) => setTimeout(resolve, 1))
      await completeJob(handle.db, job)
    }
  }
  await handle.close()
  parentPort.postMessage(claimed)
})().catch((err) => parentPort.postMessage({ error: String(err && err.stack || err) }))
`

describe('sqlite: job queue across processes', () => {
  it('never gives one job to two workers with their own connections', async () => {
    const database = await freshDatabase('sqlite')
    const handle = await createDb(database.url)
    try {
      await migrateToLatest(handle)
      const now = new Date(start)
      for (let n = 0; n < 120; n++) await enqueueJob(handle.db, { kind: 'work', payload: { n }, runAt: now }, now)
      const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
      const workers = [0, 1].map(() => new Worker(claimer, { eval: true, workerData: { dist, url: database.url, now: start } }))
      const results = workers.map((worker) => new Promise<number[]>((resolve, reject) => {
        worker.on('message', (m: 'ready' | number[] | { error: string }) => {
          if (m === 'ready') return
          if ('error' in m) reject(new Error(m.error))
          else resolve(m)
        })
        worker.once('error', reject)
      }))
      await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))))
      for (const worker of workers) worker.postMessage('go')
      const [a = [], b = []] = await Promise.all(results)
      // Both took part: the test is about contention, not about one worker draining the queue alone.
      expect(a.length).toBeGreaterThan(0)
      expect(b.length).toBeGreaterThan(0)
      const all = [...a, ...b]
      expect(all).toHaveLength(120)
      expect(new Set(all).size).toBe(120)
      expect(await countJobs(handle.db)).toMatchObject({ done: 120, running: 0, queued: 0 })
    } finally {
      await handle.close()
      await database.drop()
    }
  })
})
