// A text of several statements without parameters is one round trip on PostgreSQL; search sends `begin; …; explain …`
// and `select …; commit` that way, and reads the rows of the statement that has them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { createDb, type DbHandle } from '../../src/platform/db/index.js'
import { freshDatabase, testDialects } from '../support/db.js'

describe.skipIf(!testDialects().includes('postgres'))('a text of several statements (PostgreSQL)', () => {
  let handle: DbHandle
  let drop: () => Promise<void>
  beforeAll(async () => {
    const fresh = await freshDatabase('postgres')
    drop = fresh.drop
    handle = await createDb(fresh.url, { queryTimeoutMs: 5_000, poolMax: 1 })
  })
  afterAll(async () => {
    await handle?.close()
    await drop?.()
  })

  it('answers with the rows of its last statement that has columns, on both handles', async () => {
    for (const db of [handle.db, handle.background]) {
      const rows = await db.connection().execute(async (conn) => {
        await sql.raw(`begin; select set_config('work_mem', '16MB', true)`).execute(conn)
        return (await sql.raw<{ n: number; w: string }>(`select 1 as n, current_setting('work_mem') as w union all select 2, 'x'; commit`).execute(conn)).rows
      })
      expect(rows).toEqual([{ n: 1, w: '16MB' }, { n: 2, w: 'x' }])
      // Committed: the setting ended with the transaction, on the pool's one connection.
      expect((await sql<{ w: string }>`select current_setting('work_mem') as w`.execute(db)).rows[0]!.w).not.toBe('16MB')
    }
  })

  it('fails at a failing statement and runs none after it, so the caller can roll back', async () => {
    const err = await handle.db.connection().execute(async (conn) => {
      await sql.raw('begin').execute(conn)
      const failed = await sql.raw('select 1/0; commit').execute(conn).then(() => undefined, (e: unknown) => e)
      // Still inside the failed transaction: the COMMIT after the error was not run.
      const state = await sql.raw('select 1').execute(conn).then(() => 'open', (e: unknown) => String((e as Error).message))
      await sql.raw('rollback').execute(conn)
      return { failed, state }
    })
    expect(String((err.failed as Error).message)).toMatch(/division by zero/)
    expect(err.state).toMatch(/current transaction is aborted/)
    expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows[0]!.one).toBe(1)
  })
})
