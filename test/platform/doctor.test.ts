// `dateline doctor`: what it tells an operator about a database (statistics, indexes, pool size, version), on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import {
  analyze, checkDatabase, createDb, diagnose, expectedIndexes, migrateToLatest, oldestPostgres, type DatabaseFacts, type DbHandle,
} from '../../src/platform/db/index.js'
import { doctorCommand } from '../../src/cli/doctor.js'
import { freshDatabase, testDialects } from '../support/db.js'

const pool = { poolMax: 10, instances: 1 }

describe('diagnose', () => {
  const healthy: DatabaseFacts = {
    dialect: 'postgres', version: '17.2', major: 17, indexes: [...expectedIndexes.postgres], unanalysed: [], connectionLimit: 97, autovacuum: true,
  }
  const codes = (facts: Partial<DatabaseFacts>, plan = pool) => diagnose({ ...healthy, ...facts }, plan).map((f) => f.code)

  it('finds nothing wrong with a current, analysed, fully indexed server with room for the pool', () => {
    expect(codes({})).toEqual([])
  })

  it('names a PostgreSQL older than the oldest supported', () => {
    const [finding] = diagnose({ ...healthy, version: '13.16', major: 13 }, pool)
    expect(finding?.code).toBe('UNSUPPORTED_VERSION')
    expect(finding?.message).toContain('13.16')
    expect(finding?.message).toContain(String(oldestPostgres))
  })

  it('names the tables without statistics and the ones whose statistics are stale, with their rows', () => {
    const findings = diagnose({ ...healthy, unanalysed: [{ table: 'article', rows: 100_000, never: true }, { table: 'article_tag', rows: 350_000, never: false }] }, pool)
    expect(findings.map((f) => f.code)).toEqual(['NO_STATISTICS', 'STALE_STATISTICS'])
    expect(findings[0]!.message).toContain('article (100,000 rows)')
    expect(findings[0]!.fix).toContain('dateline doctor --fix')
    expect(findings[1]!.message).toContain('article_tag (350,000 rows)')
  })

  it('names a missing index', () => {
    const findings = diagnose({ ...healthy, indexes: expectedIndexes.postgres.filter((i) => i !== 'article_search_head_span') }, pool)
    expect(findings.map((f) => f.code)).toEqual(['MISSING_INDEX'])
    expect(findings[0]!.message).toContain('article_search_head_span')
  })

  it('says when the instances’ pools need more connections than the server accepts, and what pool would fit', () => {
    const [finding] = diagnose(healthy, { poolMax: 20, instances: 6 })
    expect(finding?.code).toBe('POOL_OVER_SERVER_LIMIT')
    expect(finding?.message).toContain('6 instances × PG_POOL_MAX 20')
    expect(finding?.fix).toContain('PG_POOL_MAX to 15 or less')
    expect(codes({}, { poolMax: 15, instances: 6 })).toEqual([])
  })

  it('says when a pool is too small to serve pages without queueing', () => {
    expect(codes({}, { poolMax: 2, instances: 1 })).toEqual(['POOL_TOO_SMALL'])
  })

  it('says when autovacuum is off', () => {
    expect(codes({ autovacuum: false })).toEqual(['AUTOVACUUM_OFF'])
  })

  it('does not hold SQLite to PostgreSQL’s rules', () => {
    expect(diagnose({ ...healthy, dialect: 'sqlite', version: '3.50.4', major: 3, indexes: [...expectedIndexes.sqlite], connectionLimit: undefined, autovacuum: undefined }, { poolMax: 1, instances: 50 })).toEqual([])
  })
})

describe.each(testDialects())('%s: dateline doctor', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let handle: DbHandle
  const run = async (args: string[] = []) => {
    const lines: string[] = []
    const code = await doctorCommand(handle, pool, args, (line) => lines.push(line))
    return { code, text: lines.join('\n') }
  }
  // This machine's server may run without autovacuum; that is reported, but is not what these tests are about.
  const problems = async () => (await checkDatabase(handle.db, dialect, pool)).findings.filter((f) => f.code !== 'AUTOVACUUM_OFF')

  beforeAll(async () => {
    database = await freshDatabase(dialect)
    handle = await createDb(database.url)
    await migrateToLatest(handle)
  })
  afterAll(async () => {
    await handle.close()
    await database.drop()
  })

  it('finds every expected index and nothing else wrong in a freshly migrated database', async () => {
    const { facts } = await checkDatabase(handle.db, dialect, pool)
    expect(facts.indexes).toEqual(expect.arrayContaining([...expectedIndexes[dialect]]))
    expect(await problems()).toEqual([])
    if (dialect === 'sqlite') expect((await run()).text).toContain('No problems found.')
  })

  it('reports an index that has gone missing, by name, and exits 1', async () => {
    await sql`drop index correction_article`.execute(handle.db)
    try {
      expect((await problems()).map((f) => f.code)).toEqual(['MISSING_INDEX'])
      const { code, text } = await run()
      expect(code).toBe(1)
      expect(text).toContain('problem MISSING_INDEX: Missing index correction_article')
    } finally {
      await handle.db.schema.createIndex('correction_article').on('correction').column('article_id').execute()
    }
  })

  it('reports a table filled since the last ANALYZE on PostgreSQL, and --fix analyses it', async () => {
    await handle.db.connection().execute(async (conn) => {
      await conn.insertInto('change_log').values(Array.from({ length: 1500 }, (_, i) => ({ tags: `t${i}`, created_at: '2026-11-25T12:00:00.000Z' }))).execute()
      // The statistics counters reach shared memory when a backend next goes idle, at most once a second unless asked.
      if (dialect === 'postgres') await sql`select pg_stat_force_next_flush()`.execute(conn)
    })
    if (dialect === 'sqlite') {
      // SQLite plans well enough without statistics: nothing to report, and --fix does no harm.
      expect(await problems()).toEqual([])
      expect((await run(['--fix'])).code).toBe(0)
      return
    }
    // migrateToLatest analysed the empty tables; 1,500 rows since then is more than it counted.
    const before = await problems()
    expect(before.map((f) => f.code)).toEqual(['STALE_STATISTICS'])
    expect(before[0]!.message).toContain('change_log (1,500 rows)')
    const { text } = await run(['--fix', '--json'])
    const report = JSON.parse(text) as { fixed: string[]; findings: { code: string }[] }
    expect(report.fixed).toContain('analysed the tables')
    expect(report.findings.map((f) => f.code).filter((c) => c !== 'AUTOVACUUM_OFF')).toEqual([])
    expect(await problems()).toEqual([])
  })

  it('analyses only the application’s tables, and may be run again at any time', async () => {
    await analyze(handle.db, dialect)
    await analyze(handle.db, dialect)
    expect(await problems()).toEqual([])
  })

  it.runIf(dialect === 'postgres')('merges what GIN indexes hold in their pending lists, which every search would read whole', async (ctx) => {
    try {
      await sql`create extension if not exists pgstattuple`.execute(handle.db)
    } catch {
      ctx.skip('the pgstattuple extension (which reads a GIN index’s pending list) cannot be created on this server')
    }
    await sql`create table gin_probe (v tsvector)`.execute(handle.db)
    try {
      await sql`create index gin_probe_v on gin_probe using gin (v)`.execute(handle.db)
      await sql`insert into gin_probe select to_tsvector('english', 'harbour ferry ' || g) from generate_series(1, 300) g`.execute(handle.db)
      const pending = async () => Number((await sql<{ n: number }>`select pending_tuples as n from pgstatginindex('gin_probe_v')`.execute(handle.db)).rows[0]?.n)
      expect(await pending()).toBeGreaterThan(0)
      // A role that does not own the indexes may not merge them: analysing as it must still succeed.
      const role = `dateline_probe_${process.pid}`
      await sql`create role ${sql.id(role)}`.execute(handle.db)
      try {
        await handle.db.connection().execute(async (conn) => {
          await sql`set role ${sql.id(role)}`.execute(conn)
          try {
            await analyze(conn, dialect)
          } finally {
            await sql`reset role`.execute(conn)
          }
        })
      } finally {
        await sql`drop role ${sql.id(role)}`.execute(handle.db)
      }
      expect(await pending()).toBeGreaterThan(0)
      await analyze(handle.db, dialect)
      expect(await pending()).toBe(0)
    } finally {
      await sql`drop table gin_probe`.execute(handle.db)
    }
  })
})
