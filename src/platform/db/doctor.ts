// What is wrong with a database, in words an operator can act on: `dateline doctor` prints it, the server logs it at start.
import type { Kysely } from 'kysely'
import { databaseFacts, type DatabaseFacts, type DialectName } from './dialect.js'
import { expectedIndexes } from './expected-indexes.js'

/** The oldest PostgreSQL Dateline supports: the oldest still maintained upstream, and the one CI runs on (Debian 12's). */
export const oldestPostgres = 15

/** Connections kept free for the `dateline` command, migrations and an administrator's psql beside the servers' pools. */
const spareConnections = 5

/** Below this a pool makes requests wait for each other: a page runs several queries, the job runner holds one. */
const smallestPool = 4

export interface Finding {
  code: 'NO_STATISTICS' | 'STALE_STATISTICS' | 'AUTOVACUUM_OFF' | 'MISSING_INDEX' | 'POOL_OVER_SERVER_LIMIT' | 'POOL_TOO_SMALL' | 'UNSUPPORTED_VERSION'
  /** What is wrong and what it costs. */
  message: string
  /** What to do about it. */
  fix: string
}

export interface PoolPlan {
  /** Connections each instance's pool may open (PG_POOL_MAX). */
  poolMax: number
  /** App instances sharing the database (DATELINE_INSTANCES). */
  instances: number
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** The findings for facts already read: pure, so each rule is tested on a literal. */
export function diagnose(facts: DatabaseFacts, pool: PoolPlan): Finding[] {
  const findings: Finding[] = []
  if (facts.dialect === 'postgres' && facts.major < oldestPostgres) {
    findings.push({
      code: 'UNSUPPORTED_VERSION',
      message: `PostgreSQL ${facts.version} is older than the oldest Dateline supports (${oldestPostgres}).`,
      fix: `Upgrade the server to PostgreSQL ${oldestPostgres} or later.`,
    })
  }
  const never = facts.unanalysed.filter((t) => t.never)
  const stale = facts.unanalysed.filter((t) => !t.never)
  const list = (tables: typeof facts.unanalysed) => tables.map((t) => `${t.table} (${plural(t.rows, 'row')})`).join(', ')
  if (never.length) {
    findings.push({
      code: 'NO_STATISTICS',
      message: `No planner statistics for ${list(never)}: PostgreSQL guesses at plans, and pages and searches can be many times slower.`,
      fix: 'Run `dateline doctor --fix` (ANALYZE); import, restore and migrate do it themselves when they finish.',
    })
  }
  if (stale.length) {
    findings.push({
      code: 'STALE_STATISTICS',
      message: `Planner statistics are out of date for ${list(stale)}: more rows changed since the last ANALYZE than it counted.`,
      fix: 'Run `dateline doctor --fix` (ANALYZE).',
    })
  }
  if (facts.autovacuum === false) {
    findings.push({
      code: 'AUTOVACUUM_OFF',
      message: 'Autovacuum is off (or track_counts is): statistics go stale and dead rows pile up unless something runs ANALYZE and VACUUM.',
      fix: 'Turn autovacuum on in postgresql.conf, or schedule VACUUM ANALYZE.',
    })
  }
  const present = new Set(facts.indexes)
  const missing = expectedIndexes[facts.dialect].filter((name) => !present.has(name))
  if (missing.length) {
    findings.push({
      code: 'MISSING_INDEX',
      message: `Missing ${missing.length === 1 ? 'index' : 'indexes'} ${missing.join(', ')}: the queries that use them read whole tables instead.`,
      fix: 'Recreate them as the migrations in src/platform/db/migrations define them, or restore the schema from a backup.',
    })
  }
  if (facts.connectionLimit !== undefined) {
    const wanted = pool.poolMax * pool.instances + spareConnections
    if (wanted > facts.connectionLimit) {
      findings.push({
        code: 'POOL_OVER_SERVER_LIMIT',
        message: `${plural(pool.instances, 'instance')} × PG_POOL_MAX ${pool.poolMax} (+ ${spareConnections} for the command line and administrators) is ${wanted} connections, but the server accepts ${facts.connectionLimit}: under load some instances will be refused.`,
        fix: `Set PG_POOL_MAX to ${Math.max(1, Math.floor((facts.connectionLimit - spareConnections) / pool.instances))} or less, raise max_connections, or put PgBouncer in front.`,
      })
    }
    if (pool.poolMax < smallestPool) {
      findings.push({
        code: 'POOL_TOO_SMALL',
        message: `PG_POOL_MAX is ${pool.poolMax}: requests queue for a connection (a page runs several queries and the job runner holds one).`,
        fix: `Set PG_POOL_MAX to at least ${smallestPool}; 10 suits one instance on a few cores.`,
      })
    }
  }
  return findings
}

/** Reads the database's catalog and diagnoses it. */
export async function checkDatabase(db: Kysely<any>, dialect: DialectName, pool: PoolPlan): Promise<{ facts: DatabaseFacts; findings: Finding[] }> {
  const facts = await databaseFacts(db, dialect)
  return { facts, findings: diagnose(facts, pool) }
}
