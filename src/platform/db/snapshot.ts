// A portable, consistent copy of every table: written by one dialect, read back into either (decision 0021).
import { sql, type Kysely } from 'kysely'
import { analyze, bindable, deferForeignKeys, describeTables, inSnapshot, resetSequences, type DialectName, type TableShape } from './dialect.js'
import { appliedMigrations, migrateToLatest, migrateUpTo } from './migrate.js'
import { migrations } from './migrations/index.js'

/** The first record of a snapshot: what it holds, so a reader can refuse it before writing anything. */
export interface SnapshotHeader {
  dateline: 'backup'
  version: 1
  createdAt: string
  dialect: DialectName
  migrations: string[]
  tables: { name: string; columns: string[]; rows: number }[]
}

/** One table row, its values in the header's column order; bytes travel as `{ $b: base64 }`. */
export interface RowRecord {
  t: string
  r: unknown[]
}

const batchRows = 2000

function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $b: value.toString('base64') }
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'bigint') return Number(value)
  return value
}

function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && '$b' in value) return Buffer.from(String((value as { $b: string }).$b), 'base64')
  if (value && typeof value === 'object') return JSON.stringify(value)
  return value
}

/**
 * Reads every table in one snapshot, so rows written meanwhile are either all in or all out.
 * `write` is called with the header first, then each row; it may return a promise to apply back-pressure.
 */
export async function dumpDatabase(
  db: Kysely<any>, dialect: DialectName, now: Date,
  write: (record: SnapshotHeader | RowRecord) => void | Promise<void>,
): Promise<SnapshotHeader> {
  return inSnapshot(db, dialect, async (trx) => {
    const shapes = await describeTables(trx, dialect)
    const counts = await Promise.all(shapes.map(async (s) =>
      Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(s.name)}`.execute(trx)).rows[0]?.n ?? 0)))
    const header: SnapshotHeader = {
      dateline: 'backup', version: 1, createdAt: now.toISOString(), dialect,
      migrations: await appliedMigrations(trx),
      tables: shapes.map((s, i) => ({ name: s.name, columns: s.columns, rows: counts[i]! })),
    }
    await write(header)
    for (const shape of shapes) {
      for await (const row of rowsOf(trx, shape)) await write({ t: shape.name, r: shape.columns.map((c) => encodeValue(row[c])) })
    }
    return header
  })
}

/** A table's rows in key order, a batch at a time (keyset paging), so a large table is never held whole. */
async function* rowsOf(db: Kysely<any>, shape: TableShape): AsyncGenerator<Record<string, unknown>> {
  const columns = sql.join(shape.columns.map((c) => sql.ref(c)))
  const key = shape.primaryKey.length ? shape.primaryKey : shape.columns
  const keyList = sql.join(key.map((c) => sql.ref(c)))
  let after: unknown[] | undefined
  for (;;) {
    const where = after ? sql`where (${keyList}) > (${sql.join(after)})` : sql``
    const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(shape.name)} ${where} order by ${keyList} limit ${batchRows}`.execute(db)
    yield* rows
    if (rows.length < batchRows) return
    const last = rows[rows.length - 1]!
    after = key.map((c) => last[c])
  }
}

/** Tables a new database already fills for itself (its secret, its own change log): a restore replaces them. */
const replaceable = new Set(['setting', 'change_log'])

export class SnapshotError extends Error {}

export interface RestoreProgress {
  (table: string, rows: number): void
}

/**
 * Writes a snapshot into an empty database of either dialect, in one transaction: a truncated or refused
 * snapshot leaves the database as it was. The schema is brought to the snapshot's migration first and to
 * the latest after, so an older backup restores into a newer Dateline.
 */
export async function restoreDatabase(
  handle: { db: Kysely<any>; dialect: DialectName },
  header: SnapshotHeader,
  records: AsyncIterable<RowRecord>,
  progress: RestoreProgress = () => {},
): Promise<number> {
  const { db, dialect } = handle
  if (header.dateline !== 'backup' || header.version !== 1) throw new SnapshotError('this file is not a Dateline backup (or comes from a newer version)')
  const unknown = header.migrations.filter((m) => !(m in migrations))
  if (unknown.length) throw new SnapshotError(`the backup was made by a newer Dateline (migration ${unknown[0]} is unknown here): upgrade first`)
  const applied = await appliedMigrations(db)
  if (applied.some((m) => !header.migrations.includes(m))) {
    throw new SnapshotError('the target database has a newer schema than the backup: restore into a new, empty database')
  }
  const last = header.migrations[header.migrations.length - 1]
  if (last && !applied.includes(last)) await migrateUpTo(handle, last)

  const shapes = new Map((await describeTables(db, dialect)).map((s) => [s.name, s]))
  for (const table of header.tables) {
    const shape = shapes.get(table.name)
    if (!shape) throw new SnapshotError(`the backup has a table this database lacks: ${table.name}`)
    const missing = table.columns.filter((c) => !shape.columns.includes(c))
    if (missing.length) throw new SnapshotError(`the backup has a column this database lacks: ${table.name}.${missing[0]}`)
    if (replaceable.has(table.name)) continue
    const row = await db.selectFrom(table.name).select(sql`1`.as('x')).limit(1).executeTakeFirst()
    if (row) throw new SnapshotError(`restore needs an empty database, but ${table.name} has rows`)
  }

  let total = 0
  await db.transaction().execute(async (trx) => {
    await deferForeignKeys(trx, dialect)
    for (const name of replaceable) if (shapes.has(name)) await trx.deleteFrom(name).execute()
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]))
    let pending: { table: string; rows: Record<string, unknown>[] } | undefined
    const flush = async () => {
      if (!pending?.rows.length) return
      await trx.insertInto(pending.table).values(pending.rows).execute()
      total += pending.rows.length
      progress(pending.table, pending.rows.length)
      pending.rows = []
    }
    for await (const record of records) {
      const columns = columnsOf.get(record.t)
      if (!columns || !Array.isArray(record.r) || record.r.length !== columns.length) throw new SnapshotError(`the backup is damaged near a row of ${record.t}`)
      if (pending?.table !== record.t) {
        await flush()
        pending = { table: record.t, rows: [] }
      }
      const row: Record<string, unknown> = {}
      columns.forEach((c, i) => { row[c] = bindable(decodeValue(record.r[i]), dialect) })
      pending.rows.push(row)
      // A statement binds at most some tens of thousands of values on either dialect.
      if (pending.rows.length * columns.length >= 10_000) await flush()
    }
    await flush()
    const expected = header.tables.reduce((n, t) => n + t.rows, 0)
    if (total !== expected) throw new SnapshotError(`the backup is incomplete: ${total} of ${expected} rows`)
    await resetSequences(trx, dialect, [...shapes.values()].filter((s) => columnsOf.has(s.name)))
  })
  await migrateToLatest(handle)
  await analyze(db, dialect)
  return total
}
