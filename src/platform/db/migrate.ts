// Brings a schema up to date, or up to a named migration (a restore stops at its backup's), and says where it stands.
import { Migrator, type Kysely } from 'kysely'
import { analyze, type DialectName } from './dialect.js'
import { migrations } from './migrations/index.js'

function migratorFor(db: Kysely<any>, dialect: DialectName): Migrator {
  return new Migrator({
    db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(migrations).map(([name, m]) => [name, { up: (k: Kysely<any>) => m.up(k, dialect) }])),
    },
  })
}

export async function migrateToLatest({ db, dialect }: { db: Kysely<any>; dialect: DialectName }): Promise<string[]> {
  const { error, results } = await migratorFor(db, dialect).migrateToLatest()
  if (error) throw error
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  // New tables and indexes (and a migration's rewrite of a large one) start without statistics.
  if (applied.length) await analyze(db, dialect)
  return applied
}

/** Applies the migrations up to and including `name`, none after it. */
export async function migrateUpTo({ db, dialect }: { db: Kysely<any>; dialect: DialectName }, name: string): Promise<void> {
  const { error } = await migratorFor(db, dialect).migrateTo(name)
  if (error) throw error
}

/** The names of the migrations this database has run, in order; none for a new database. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const all = await migratorFor(db, 'sqlite').getMigrations()
  return all.filter((m) => m.executedAt).map((m) => m.name)
}
