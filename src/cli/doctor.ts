// `dateline doctor [--fix] [--json]`: what is wrong with the database (statistics, indexes, pool size, server version).
import { parseArgs } from 'node:util'
import { analyze, checkDatabase, migrateToLatest, type DbHandle, type Finding, type PoolPlan } from '../platform/db/index.js'

export const doctorUsage = `Usage: dateline doctor [--fix] [--json]
  Checks the database: planner statistics, expected indexes, PG_POOL_MAX × DATELINE_INSTANCES against the server's
  connections, and the PostgreSQL version. Exits 1 when something needs attention.
  --fix    brings the schema up to date and runs ANALYZE, then checks again
  --json   prints the findings as JSON`

/** Runs the doctor; returns the process exit code. */
export async function doctorCommand(handle: DbHandle, pool: PoolPlan, args: string[], out: (line: string) => void = console.log): Promise<number> {
  let values: { fix?: boolean | undefined; json?: boolean | undefined }
  try {
    ({ values } = parseArgs({ args, options: { fix: { type: 'boolean' }, json: { type: 'boolean' } } }))
  } catch (err) {
    out(`${err instanceof Error ? err.message : String(err)}\n\n${doctorUsage}`)
    return 2
  }
  let { facts, findings } = await checkDatabase(handle.db, handle.dialect, pool)
  const fixed: string[] = []
  if (values.fix) {
    const applied = await migrateToLatest(handle)
    if (applied.length) fixed.push(`applied ${applied.join(', ')}`)
    if (findings.some((f) => f.code === 'NO_STATISTICS' || f.code === 'STALE_STATISTICS') || applied.length) {
      await analyze(handle.db, handle.dialect)
      fixed.push('analysed the tables')
    }
    ;({ facts, findings } = await checkDatabase(handle.db, handle.dialect, pool))
  }
  if (values.json) {
    out(JSON.stringify({ database: { dialect: facts.dialect, version: facts.version }, fixed, findings }))
  } else {
    out(`${facts.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} ${facts.version}`)
    for (const line of fixed) out(`fixed: ${line}`)
    if (findings.length === 0) out('No problems found.')
    for (const f of findings) out(describe(f))
  }
  return findings.length ? 1 : 0
}

const describe = (f: Finding) => `problem ${f.code}: ${f.message}\n  fix: ${f.fix}`
