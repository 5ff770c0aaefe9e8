// Opens the database for either dialect and brings its schema up to date.
import type { Kysely } from 'kysely'
import { connect, dialectOf, type DialectName } from './dialect.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>
export type { Database } from './schema.js'
export * from './schema.js'
export { contentMemo, contentVersion, precompiled } from './precompiled.js'
export { analyze, databaseFault, dialectOf, isUniqueViolation, likeOperator, ping, type DialectName } from './dialect.js'
export { appliedMigrations, migrateToLatest, migrateUpTo } from './migrate.js'
export { dumpDatabase, restoreDatabase, SnapshotError, type RowRecord, type SnapshotHeader } from './snapshot.js'

export interface DbHandle {
  db: Db
  dialect: DialectName
  close(): Promise<void>
}

export async function createDb(databaseUrl: string): Promise<DbHandle> {
  const db = await connect<Database>(databaseUrl)
  return { db, dialect: dialectOf(databaseUrl), close: () => db.destroy() }
}

