// The only file that branches on SQLite versus PostgreSQL: connection, pragmas, identity columns, error shapes.
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDataType, type SelectQueryBuilder } from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(databaseUrl: string): DialectName {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres'
}

export async function connect<DB>(databaseUrl: string): Promise<Kysely<DB>> {
  if (dialectOf(databaseUrl) === 'sqlite') {
    const { default: SQLite } = await import('better-sqlite3')
    const file = databaseUrl.slice('sqlite:'.length) || ':memory:'
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    const database = new SQLite(file)
    // WAL lets readers proceed while a writer commits; NORMAL is durable across process crashes in WAL
    // mode and only risks the last commits on power loss, which a news site accepts for ~2x faster writes.
    database.pragma('journal_mode = WAL')
    database.pragma('synchronous = NORMAL')
    database.pragma('foreign_keys = ON')
    database.pragma('busy_timeout = 5000')
    // Reading article pages through a memory map skips a copy into SQLite's small (2 MB) page cache per page read:
    // about a quarter off the article query on a 10,000-article archive. The map is address space, not memory.
    database.pragma('mmap_size = 268435456')
    return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) })
  }
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 })
  // An idle connection the server dropped (restart, failover, an administrator's terminate) is removed from
  // the pool by pg and replaced on the next query; without a listener the error would end the process.
  pool.on('error', () => {})
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
}

/**
 * Kysely prepares every query it runs and better-sqlite3 compiles the SQL each time; for the queries a page
 * repeats on every request that compiling costs as much as answering. Statements are kept by their SQL text
 * (least recently used leave first); one still being iterated is not shared, a fresh one is prepared instead.
 */
function withStatementCache(database: import('better-sqlite3').Database, size = 500) {
  const statements = new Map<string, import('better-sqlite3').Statement>()
  return {
    close: () => database.close(),
    prepare(source: string) {
      const kept = statements.get(source)
      if (kept && !kept.busy) {
        statements.delete(source)
        statements.set(source, kept)
        return kept
      }
      const statement = database.prepare(source)
      if (!kept) {
        statements.set(source, statement)
        if (statements.size > size) statements.delete(statements.keys().next().value!)
      }
      return statement
    },
  }
}

/** Column type for an auto-incrementing integer primary key. */
export function idType(dialect: DialectName): ColumnDataType {
  return dialect === 'sqlite' ? 'integer' : 'serial'
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string }
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/** Case-insensitive LIKE: SQLite's LIKE already folds ASCII case, PostgreSQL needs ILIKE. */
export function likeOperator(dialect: DialectName): 'like' | 'ilike' {
  return dialect === 'sqlite' ? 'like' : 'ilike'
}

export async function ping(db: Kysely<any>): Promise<void> {
  await sql`select 1`.execute(db)
}

/**
 * Runs `fn` in a transaction that holds the write lock from its first statement, for claim-then-update work
 * that two workers must never both win. SQLite: BEGIN IMMEDIATE (a deferred transaction could read a snapshot
 * another process then overwrites); PostgreSQL: an ordinary transaction, paired with `skipLockedRows`.
 */
export async function withWriteLock<DB, T>(db: Kysely<DB>, dialect: DialectName, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(fn)
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn)
    try {
      const result = await fn(conn)
      await sql`commit`.execute(conn)
      return result
    } catch (err) {
      await sql`rollback`.execute(conn)
      throw err
    }
  })
}

/** Locks the selected rows for this transaction and skips rows another worker holds (PostgreSQL `FOR UPDATE SKIP LOCKED`); SQLite's single writer needs nothing. */
export function skipLockedRows<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, dialect: DialectName): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'postgres' ? query.forUpdate().skipLocked() : query
}

/** Empties a table: TRUNCATE on PostgreSQL (a DELETE of millions of rows writes each one), DELETE on SQLite (which truncates a whole-table delete itself). */
export async function emptyTable(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  await (dialect === 'postgres' ? sql`truncate table ${sql.table(table)}` : sql`delete from ${sql.table(table)}`).execute(db)
}

/** After a bulk write: PostgreSQL plans from statistics that only ANALYZE brings up to date; SQLite's planner does without. */
export async function analyzeAfterBulkWrite(db: Kysely<any>, dialect: DialectName, tables: readonly string[]): Promise<void> {
  if (dialect !== 'postgres') return
  for (const t of tables) await sql`analyze ${sql.table(t)}`.execute(db)
}
