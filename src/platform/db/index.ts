// Opens the database for either dialect and brings its schema up to date.
import type { Kysely } from 'kysely'
import { connect, dialectOf, type ConnectOptions, type DialectName } from './dialect.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>
export type { Database } from './schema.js'
export * from './schema.js'
export { contentMemo, noteChangeApplied, contentVersion, precompiled } from './precompiled.js'
export { appliedMigrations, migrateToLatest, migrateUpTo } from './migrate.js'
export { dumpDatabase, restoreDatabase, SnapshotError, type RowRecord, type SnapshotHeader } from './snapshot.js'
export { checkDatabase, diagnose, oldestPostgres, type Finding, type PoolPlan } from './doctor.js'
export { expectedIndexes } from './expected-indexes.js'
export {
  analyze, databaseFacts, databaseFault, defaultPoolMax, dialectOf, dialectOfDb, emptyTable, isUniqueViolation, jsonArrayFrom, jsonColumn, likeOperator, ping, throughIndex,
  type ConnectOptions, type DatabaseFacts, type DialectName, type UnanalysedTable,
} from './dialect.js'

export interface DbHandle {
  /** Statements have the deadline `options.queryTimeoutMs`, when one is given: for requests. */
  db: Db
  /** No deadline: for jobs. The same as `db` when no deadline is given, and on SQLite. */
  background: Db
  dialect: DialectName
  close(): Promise<void>
}

export async function createDb(databaseUrl: string, options: ConnectOptions = {}): Promise<DbHandle> {
  const { db, background } = await connect<Database>(databaseUrl, options)
  return {
    db, background, dialect: dialectOf(databaseUrl),
    async close() {
      if (db !== background) await db.destroy()
      await background.destroy()
    },
  }
}

