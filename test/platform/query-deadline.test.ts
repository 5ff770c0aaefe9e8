// Requests' statements have a deadline on PostgreSQL (PG_QUERY_TIMEOUT_MS); jobs' do not. A server that stops answering
// must cost a reader a 503 after the deadline, not a page that never comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createDb, databaseFault, type DbHandle } from '../../src/platform/db/index.js'
import { freshDatabase, testDialects } from '../support/db.js'

const onPostgres = testDialects().includes('postgres')

describe.skipIf(!onPostgres)('a statement past the deadline (PostgreSQL)', () => {
  let handle: DbHandle
  let drop: () => Promise<void>
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres')
    drop = fresh.drop
    handle = await createDb(fresh.url, { queryTimeoutMs: 300, poolMax: 2 })
  })
  afterAll(async () => {
    await handle?.close()
    await drop?.()
  })

  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (err: unknown) => err)

  it('fails as the database unreachable once the deadline passes, and the next statement works', async () => {
    const started = Date.now()
    const err = await failure(sql`select pg_sleep(2)`.execute(handle.db))
    expect(Date.now() - started).toBeLessThan(1_500)
    expect(databaseFault(err)).toBe('unreachable')
    // The connection that timed out is not handed on: with a pool of two, every later statement still answers.
    for (let i = 0; i < 4; i++) expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]!.one).toBe(1)
  })

  it('ends a transaction at its first late statement, without a second wait for the rollback', async () => {
    const started = Date.now()
    const err = await failure(handle.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      await sql`select pg_sleep(2)`.execute(trx)
    }))
    expect(Date.now() - started).toBeLessThan(550)
    expect(databaseFault(err)).toBe('unreachable')
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]!.one).toBe(1)
  })

  it('leaves jobs\' statements without a deadline', async () => {
    const { rows } = await sql<{ done: string }>`select pg_sleep(0.6)::text as done`.execute(handle.background)
    expect(rows).toHaveLength(1)
  })
})
