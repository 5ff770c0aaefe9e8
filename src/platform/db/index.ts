// Opens the database for either dialect and brings its schema up to date.
import { Migrator, type Kysely } from 'kysely'
import { analyze, connect, dialectOf, type ConnectOptions, type DialectName } from './dialect.js'
import { migrations } from './migrations/index.js'
import type { Database } from './schema.js'

export type Db = Kysely<Database>
export type { Database } from './schema.js'
export * from './schema.js'
export { contentMemo, contentVersion, precompiled } from './precompiled.js'
export { checkDatabase, diagnose, oldestPostgres, type Finding, type PoolPlan } from './doctor.js'
export { expectedIndexes } from './expected-indexes.js'
export {
  analyze, databaseFacts, defaultPoolMax, dialectOf, dialectOfDb, isUniqueViolation, jsonArrayFrom, jsonColumn, likeOperator, ping,
  type ConnectOptions, type DatabaseFacts, type DialectName, type UnanalysedTable,
} from './dialect.js'

export interface DbHandle {
  db: Db
  dialect: DialectName
  close(): Promise<void>
}

export async function createDb(databaseUrl: string, options: ConnectOptions = {}): Promise<DbHandle> {
  const db = await connect<Database>(databaseUrl, options)
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
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  // New tables and indexes (and a migration's rewrite of a large one) start without statistics.
  if (applied.length) await analyze(db, dialect)
  return applied
}
