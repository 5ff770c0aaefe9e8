// Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL schema when TEST_DATABASE_URL is set.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import pg from 'pg'

export type TestDialect = 'sqlite' | 'postgres'

let warned = false

/** The dialects store tests run on: always SQLite, PostgreSQL too when TEST_DATABASE_URL is set. */
export function testDialects(): TestDialect[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres']
  if (!warned) {
    warned = true
    console.log('PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://… to run them.')
  }
  return ['sqlite']
}

/** A DATABASE_URL for a brand-new, empty database of this dialect, and a function that removes it. */
export async function freshDatabase(dialect: TestDialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-test-'))
    return { url: `sqlite:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const base = process.env.TEST_DATABASE_URL
  if (!base) throw new Error('TEST_DATABASE_URL is not set')
  // Named after TEST_DATABASE_URL's own database (rel_test → rel_test_t_…), so a shared server's naming rule holds.
  const prefix = new URL(base).pathname.slice(1) || 'dateline'
  const name = `${prefix}_t_${randomBytes(6).toString('hex')}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: base })
    await client.connect()
    try {
      await client.query(statement)
    } finally {
      await client.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}
