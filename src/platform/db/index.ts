// Opens the database for either dialect and brings its schema up to date.
import { Migrator, type Kysely } from 'kysely'
import { connect, dialectOf, type DialectName } from './dialect.js'
import { migrations } from './migrations/index.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>
export type { Database } from './schema.js'
export * from './schema.js'
export { contentMemo, contentVersion, precompiled } from './precompiled.js'
export { dialectOf, isUniqueViolation, likeOperator, ping, emptyTable, analyzeAfterBulkWrite, type DialectName } from './dialect.js'

export interface DbHandle {
  db: Db
  dialect: DialectName
  close(): Promise<void>
}

export async function createDb(databaseUrl: string): Promise<DbHandle> {
  const db = await connect<Database>(databaseUrl)
  return { db, dialect: dialectOf(databaseUrl), close: () => db.destroy() }
}

export async function migrateToLatest({ db, dialect }: Pick<DbHandle, 'db' | 'dialect'>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (k: Kysely<any>) => m.up(k, dialect) }])),
    },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw error
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
