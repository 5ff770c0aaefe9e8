// The only file that branches on SQLite versus PostgreSQL: connection, pragmas, identity columns, error shapes, statistics.
import {
  FromNode, Kysely, PostgresAdapter, PostgresDialect, RawNode, SelectQueryNode, SqliteDialect, TableNode, sql,
  type ColumnDataType, type KyselyPlugin, type RawBuilder, type SelectQueryBuilder,
} from 'kysely'
import { jsonArrayFrom as pgJsonArrayFrom } from 'kysely/helpers/postgres'
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type DialectName = 'sqlite' | 'postgres'

export function dialectOf(databaseUrl: string): DialectName {
  return databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres'
}

/** The PostgreSQL pool's size when PG_POOL_MAX is not set (pg's own default, and enough for one instance on a few cores). */
export const defaultPoolMax = 10

export interface ConnectOptions {
  /** Most connections one process holds to PostgreSQL (PG_POOL_MAX); SQLite has one connection and ignores it. */
  poolMax?: number | undefined
  /**
   * Named prepared statements for the queries every page repeats (default on). Off for a connection pooler that
   * cannot keep them across transactions (PgBouncer in transaction mode before 1.21).
   */
  preparedStatements?: boolean | undefined
  /**
   * Megabytes of the SQLite file read through a memory map (default 0: none). Every page a map has touched counts as the
   * process's resident memory: serving 100,000 articles it was 76 MB of a 278 MB RSS (2,000 random views), and an
   * import's reads of indexes and full-text segments left 250 MB more. Reading through SQLite's own cache instead cost
   * no measurable CPU per article view (1,080–1,183 against 1,133–1,143 µs, alternating, 100,000 articles, loaded).
   */
  mmapMb?: number | undefined
  /**
   * Longest a PostgreSQL statement of `connect`'s `db` may take before it fails as the database unreachable
   * (PG_QUERY_TIMEOUT_MS). A frozen or partitioned server accepts a query and never answers; without a deadline every
   * uncached page would wait for it. `background` has none: a job's VACUUM or a restore legitimately runs long.
   */
  queryTimeoutMs?: number | undefined
}

export interface Connection<DB> {
  /** For requests: each statement has the deadline `queryTimeoutMs` (PostgreSQL; SQLite answers in-process). */
  db: Kysely<DB>
  /** The same pool without a deadline, for jobs and commands. */
  background: Kysely<DB>
}

export async function connect<DB>(databaseUrl: string, options: ConnectOptions = {}): Promise<Connection<DB>> {
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
    if (options.mmapMb) database.pragma(`mmap_size = ${Math.floor(options.mmapMb * 1048576)}`)
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) })
    return { db, background: db }
  }
  const { default: pg } = await import('pg')
  // A database that cannot be reached (stopped, unreachable host, a partition) fails a request within seconds
  // instead of holding it until the reader gives up: pg's default is to wait for a connection forever. A statement's
  // own deadline is per handle (queryTimeoutMs): a restore or a bulk import legitimately runs long.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolMax ?? defaultPoolMax, connectionTimeoutMillis: 3_000 })
  // An idle connection the server dropped (restart, failover, an administrator's terminate) is removed from
  // the pool by pg and replaced on the next query; without a listener the error would end the process.
  pool.on('error', () => {})
  // The same for a connection in use when the server goes: the query on it fails (and so the request, with a 503),
  // pg marks it unusable so the pool drops it on release, and the process lives on.
  pool.on('connect', (client) => {
    client.on('error', () => {})
    sendWithOptions(client, options.preparedStatements !== false)
  })
  const background = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) })
  if (!options.queryTimeoutMs) return { db: background, background }
  return { db: new Kysely<DB>({ dialect: new PostgresDialect({ pool: withDeadline(pool, options.queryTimeoutMs) }) }), background }
}

// The deadline of the statements a leased client runs, while a handle with one holds it.
const deadlines = new WeakMap<import('pg').PoolClient, number>()
// One lease per client: Kysely keeps its connection objects by the client the pool hands it.
const leases = new WeakMap<import('pg').PoolClient, import('pg').PoolClient>()

/**
 * The pool as seen by a handle whose statements have a deadline. A statement past it fails with pg's "Query read
 * timeout" (databaseFault: unreachable). Its connection still has that statement on the wire, so it is closed then and
 * not handed to the next request; the server ends the statement when it sees the socket gone.
 */
function withDeadline(pool: import('pg').Pool, ms: number): import('pg').Pool {
  const lease = (client: import('pg').PoolClient): import('pg').PoolClient => {
    let timedOut = false
    const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown
    return {
      query: ((config: unknown, values?: unknown) => {
        const result = query(config, values)
        if (result instanceof Promise) {
          result.catch((err: unknown) => {
            if ((err as Error)?.message !== 'Query read timeout' || timedOut) return
            // Closed now, so that a ROLLBACK after it fails at once instead of waiting behind it for a deadline of its own.
            timedOut = true
            client.end().catch(() => {})
          })
        }
        return result
      }) as typeof client.query,
      release: (err?: Error | boolean) => {
        deadlines.delete(client)
        const broken = timedOut
        timedOut = false
        client.release(err || broken)
      },
    } as import('pg').PoolClient
  }
  return {
    async connect() {
      const client = await pool.connect()
      deadlines.set(client, ms)
      let leased = leases.get(client)
      if (!leased) leases.set(client, leased = lease(client))
      return leased
    },
    // The pool is the background handle's to end.
    async end() {},
  } as unknown as import('pg').Pool
}

// Statement text → name, for the fixed queries registered with `preparable`: a finite set, since only queries
// compiled once per handle (precompiled.ts) are registered, never ones built afresh with values in their text.
const statementNames = new Map<string, string>()

/**
 * Marks a query's SQL as one to run as a named prepared statement on PostgreSQL: each connection parses and plans
 * it once instead of on every call. SQLite's statement cache (withStatementCache) already does the same there.
 */
export function preparable(text: string): void {
  if (!statementNames.has(text)) statementNames.set(text, `dateline_${statementNames.size + 1}`)
}

/**
 * Sends registered queries as named statements (pg parses them once per connection and binds only the values after),
 * and every query with the deadline of the handle that holds the client, if it has one. A text without parameters
 * may hold several statements (PostgreSQL's simple query protocol runs them in one round trip): it answers with the
 * last result that has columns, so `select …; commit` gives the select's rows where pg would give a list.
 */
function sendWithOptions(client: import('pg').PoolClient, prepared: boolean): void {
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => unknown
  client.query = ((config: unknown, values?: unknown) => {
    if (typeof config !== 'string') return query(config, values)
    const name = prepared ? statementNames.get(config) : undefined
    const timeout = deadlines.get(client)
    const sent = !name && !timeout ? query(config, values) : query({ name, text: config, values, query_timeout: timeout })
    if (name || (Array.isArray(values) && values.length) || !(sent instanceof Promise)) return sent
    return sent.then((result: unknown) => (Array.isArray(result) ? lastWithColumns(result as import('pg').QueryResult[]) : result))
  }) as typeof client.query
}

function lastWithColumns(results: import('pg').QueryResult[]): import('pg').QueryResult | undefined {
  for (let i = results.length - 1; i >= 0; i--) if (results[i]!.fields.length) return results[i]
  return results.at(-1)
}

/** Which dialect a handle (or a transaction on it) speaks, for queries built once per handle. */
export function dialectOfDb(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * The rows of a subquery as one JSON array column (json_agg on PostgreSQL, json_group_array on SQLite), so a row and
 * its lists come back in one round trip. Read the column with `jsonColumn`: pg parses JSON, better-sqlite3 hands text.
 */
export function jsonArrayFrom<O>(dialect: DialectName, query: SelectQueryBuilder<any, any, O>): RawBuilder<O[] | string> {
  return (dialect === 'postgres' ? pgJsonArrayFrom(query) : sqliteJsonArrayFrom(query)) as RawBuilder<unknown> as RawBuilder<O[] | string>
}

export function jsonColumn<T>(value: T | string | null | undefined): T | undefined {
  if (value === null || value === undefined) return undefined
  return typeof value === 'string' ? (JSON.parse(value) as T) : value
}

/**
 * Kysely prepares every query it runs and better-sqlite3 compiles the SQL each time; for the queries a page
 * repeats on every request that compiling costs as much as answering. Statements are kept by their SQL text
 * (least recently used leave first); one still being iterated is not shared, a fresh one is prepared instead.
 */
function withStatementCache(database: import('better-sqlite3').Database, size = 500) {
  const statements = new Map<string, import('better-sqlite3').Statement>()
  const alreadyRolledBack = { reader: false, busy: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) } as unknown as import('better-sqlite3').Statement
  return {
    close: () => database.close(),
    prepare(source: string) {
      // SQLite itself rolls back a transaction a full disk or an I/O error broke; the ROLLBACK Kysely then sends
      // would fail with "no transaction is active" and hide the error that matters (SQLITE_FULL) from the caller.
      if (source === 'rollback' && !database.inTransaction) return alreadyRolledBack
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

/** Node's network error codes that mean the database server could not be reached or went away. */
const unreachableNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Whether an error says the database cannot serve just now rather than that the query was wrong: `unreachable`
 * (PostgreSQL stopped, restarting, a connection cut or timed out) or `full` (out of disk). Either is a 503 a
 * reader can retry; anything else stays a bug.
 */
export function databaseFault(err: unknown): 'unreachable' | 'full' | undefined {
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] } | undefined
  if (!e || typeof e !== 'object') return undefined
  const code = typeof e.code === 'string' ? e.code : ''
  // SQLite: the disk (or its quota) is full; an I/O error writing the journal is the same fault seen from the WAL.
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR')) return 'full'
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN') return 'unreachable'
  // PostgreSQL SQLSTATE: 53100 disk_full; class 08 connection exceptions; 57P01-57P03 shutting down or starting.
  if (code === '53100') return 'full'
  if (/^08...$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return 'unreachable'
  if (unreachableNetworkCodes.has(code)) return 'unreachable'
  const message = typeof e.message === 'string' ? e.message : ''
  if (/^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not queryable|Query read timeout|terminating connection/i.test(message)) return 'unreachable'
  // Connecting to a name with several addresses fails with every address's error at once.
  if (Array.isArray(e.errors) && e.errors.length && e.errors.every((inner) => databaseFault(inner) === 'unreachable')) return 'unreachable'
  return undefined
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

/**
 * Reads `table` through `index` on SQLite (`INDEXED BY`), for a covering index its planner would pass over: it looks
 * rows up by rowid whenever it can, even when the index holds every column asked for and the row is 14 KB of
 * overflow pages (decision 0019). Only the query's own FROM is bound, not its subqueries. PostgreSQL chooses itself.
 */
export function throughIndex<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>, dialect: DialectName, table: string, index: string,
): SelectQueryBuilder<DB, TB, O> {
  return dialect === 'sqlite' ? query.withPlugin(indexedBy(table, index)) : query
}

function indexedBy(table: string, index: string): KyselyPlugin {
  const bound = RawNode.createWithSql(`"${table}" indexed by "${index}"`)
  return {
    transformQuery: ({ node }) => {
      if (!SelectQueryNode.is(node) || !node.from) return node
      const froms = node.from.froms.map((f) => (TableNode.is(f) && !f.table.schema && f.table.identifier.name === table ? bound : f))
      return { ...node, from: FromNode.create(froms) }
    },
    transformResult: async ({ result }) => result,
  }
}

/** What a portable snapshot needs to know of one table: its stored columns, its key, and the tables it points at. */
export interface TableShape {
  name: string
  /** Stored columns only: generated ones (PostgreSQL's search vector) are the database's to rebuild. */
  columns: string[]
  primaryKey: string[]
  references: string[]
  /** An auto-incrementing `id` whose sequence must move past restored rows (PostgreSQL). */
  serial: boolean
}

/**
 * The application's own tables, in an order where every table comes after the tables it references. Left out:
 * the migrator's bookkeeping and SQLite's full-text tables, which their triggers fill from `article`.
 */
export async function describeTables(db: Kysely<any>, dialect: DialectName): Promise<TableShape[]> {
  const shapes: TableShape[] = []
  if (dialect === 'sqlite') {
    const tables = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows
    const virtual = tables.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name)
    for (const { name } of tables) {
      if (name.startsWith('kysely_') || virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue
      const columns = (await sql<{ name: string; pk: number; hidden: number }>`select name, pk, hidden from pragma_table_xinfo(${name})`.execute(db)).rows
      const keys = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db)).rows
      const stored = columns.filter((c) => c.hidden === 0)
      shapes.push({
        name,
        columns: stored.map((c) => c.name),
        primaryKey: stored.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
        references: [...new Set(keys.map((k) => k.table).filter((t) => t !== name))],
        serial: false,
      })
    }
  } else {
    const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely\\_%' order by table_name`.execute(db)).rows
    for (const { name } of tables) {
      const columns = (await sql<{ name: string; serial: boolean }>`select column_name as name, coalesce(column_default like 'nextval(%', false) as serial
        from information_schema.columns where table_schema = current_schema() and table_name = ${name} and is_generated = 'NEVER'
        order by ordinal_position`.execute(db)).rows
      const primaryKey = (await sql<{ name: string }>`select a.attname as name from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = ${name}::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`.execute(db)).rows
      const references = (await sql<{ name: string }>`select distinct confrelid::regclass::text as name from pg_constraint
        where conrelid = ${name}::regclass and contype = 'f'`.execute(db)).rows
      shapes.push({
        name,
        columns: columns.map((c) => c.name),
        primaryKey: primaryKey.map((c) => c.name),
        references: references.map((r) => r.name.replace(/^"|"$/g, '')).filter((t) => t !== name),
        serial: columns.some((c) => c.name === 'id' && c.serial),
      })
    }
  }
  return inDependencyOrder(shapes)
}

function inDependencyOrder(shapes: TableShape[]): TableShape[] {
  const byName = new Map(shapes.map((s) => [s.name, s]))
  const ordered: TableShape[] = []
  const seen = new Set<string>()
  const visit = (s: TableShape) => {
    if (seen.has(s.name)) return
    seen.add(s.name)
    for (const r of s.references) {
      const target = byName.get(r)
      if (target) visit(target)
    }
    ordered.push(s)
  }
  shapes.forEach(visit)
  return ordered
}

/** Values as the other dialect can bind them: better-sqlite3 takes no booleans, and neither takes a Date. */
export function bindable(value: unknown, dialect: DialectName): unknown {
  if (typeof value === 'boolean') return dialect === 'sqlite' ? (value ? 1 : 0) : value
  if (value instanceof Date) return value.toISOString()
  return value
}

/** Moves each restored table's id sequence past its highest id, so the next insert does not collide (PostgreSQL only). */
export async function resetSequences(db: Kysely<any>, dialect: DialectName, tables: TableShape[]): Promise<void> {
  if (dialect !== 'postgres') return
  for (const t of tables.filter((s) => s.serial)) {
    await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(t.name)}`.execute(db)
  }
}

/** Runs `fn` on one unchanging view of the database while others keep writing: REPEATABLE READ on PostgreSQL, a WAL read transaction on SQLite. */
export async function inSnapshot<DB, T>(db: Kysely<DB>, dialect: DialectName, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  const begin = db.transaction()
  return (dialect === 'postgres' ? begin.setIsolationLevel('repeatable read') : begin).execute(fn)
}

/**
 * Lets a transaction insert a row before the row it points at (a reply stored before its parent), checking
 * the keys at commit instead. SQLite only: PostgreSQL's keys are not declared deferrable, so there rows go
 * in table order, parents first within a table by key.
 */
export async function deferForeignKeys(trx: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx)
}

/**
 * Refreshes the planner's statistics after bulk writes (import, restore, rebuild, migrations). PostgreSQL plans from
 * them and, until autovacuum gets round to new tables, guesses: at 100,000 articles that guess cost a search 1.5 s.
 * SQLite's `optimize` analyses only what its own heuristics say needs it, so plans tuned without statistics stay.
 * `tables` names what a bulk write just filled, outside any transaction: on PostgreSQL those are also vacuumed, which
 * marks their pages all-visible so index-only scans stop visiting the table (at 3.2 million related-news postings,
 * 2,400 heap reads per article's candidates; the VACUUM itself took 2 s). Without `tables`, every one of Dateline's
 * tables is analysed and none vacuumed.
 * @example await analyze(db, dialect, ['related_posting', 'related_pick'])
 */
export async function analyze(db: Kysely<any>, dialect: DialectName, tables?: readonly string[]): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`pragma optimize`.execute(db)
    return
  }
  if (tables) {
    if (tables.length) await sql`vacuum (analyze) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db)
    return
  }
  // Only Dateline's own tables: a bare ANALYZE also reads every system catalog, a third of a second on an empty database.
  const names = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)).rows.map((t) => t.name)
  if (names.length) await sql`analyze ${sql.join(names.map((t) => sql.id(t)))}`.execute(db)
  await flushGinPendingLists(db)
}

/**
 * A GIN index (the search vectors') takes new entries into a pending list, and every search reads that list whole
 * until VACUUM or autovacuum merges it into the index; ANALYZE does not. After importing 100,000 articles with
 * autovacuum off, 404 pages of it made the bitmap of two common words take 4.4 ms instead of 3.2. Only the owner may
 * merge it (as only the owner may VACUUM); indexes another role owns are left to autovacuum.
 */
async function flushGinPendingLists(db: Kysely<any>): Promise<void> {
  await sql`select gin_clean_pending_list(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
    join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
    where am.amname = 'gin' and n.nspname = current_schema() and pg_has_role(c.relowner, 'USAGE')`.execute(db)
}

/** A table the planner has no statistics for, or stale ones: more rows changed since the last analysis than it counted then. */
export interface UnanalysedTable {
  table: string
  rows: number
  /** Never analysed (by ANALYZE or autovacuum). */
  never: boolean
}

/** What `dateline doctor` looks at, read from the database's own catalog. */
export interface DatabaseFacts {
  dialect: DialectName
  /** e.g. "15.20" for PostgreSQL, "3.50.4" for SQLite. */
  version: string
  /** The major version as a number (15 for PostgreSQL 15.20; 3 for SQLite). */
  major: number
  /** Index names in the schema. */
  indexes: string[]
  unanalysed: UnanalysedTable[]
  /** Connections the server accepts from ordinary roles (max_connections less those reserved); undefined on SQLite. */
  connectionLimit: number | undefined
  /** Whether the server analyses and vacuums tables by itself; undefined on SQLite, which has no such daemon. */
  autovacuum: boolean | undefined
}

// Tables this small are planned well enough without statistics; the issue is archives of thousands of rows.
const statisticsMatterFrom = 1_000

export async function databaseFacts(db: Kysely<any>, dialect: DialectName): Promise<DatabaseFacts> {
  if (dialect === 'sqlite') {
    const version = (await sql<{ v: string }>`select sqlite_version() as v`.execute(db)).rows[0]!.v
    const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db)).rows.map((r) => r.name)
    return { dialect, version, major: Number(version.split('.')[0]), indexes, unanalysed: [], connectionLimit: undefined, autovacuum: undefined }
  }
  const settings = (await sql<{ name: string; setting: string }>`
    select name, setting from pg_settings
    where name in ('server_version', 'server_version_num', 'max_connections', 'superuser_reserved_connections', 'reserved_connections',
      'autovacuum', 'track_counts')`.execute(db)).rows
  const setting = (name: string) => settings.find((s) => s.name === name)?.setting
  const indexes = (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(db)).rows.map((r) => r.name)
  // n_live_tup comes from the statistics collector, which counts inserts at once; reltuples is -1 until the first
  // ANALYZE or VACUUM (PostgreSQL 14 and later) and otherwise what the planner believes.
  const tables = (await sql<{ table: string; rows: string; changed: string; counted: number; analysed: boolean }>`
    select s.relname as table, s.n_live_tup as rows, s.n_mod_since_analyze as changed, c.reltuples as counted,
      (s.last_analyze is not null or s.last_autoanalyze is not null) as analysed
    from pg_stat_user_tables s join pg_class c on c.oid = s.relid
    where s.schemaname = current_schema()`.execute(db)).rows
  const unanalysed = tables
    .map((t) => ({ table: t.table, rows: Number(t.rows), changed: Number(t.changed), counted: Number(t.counted), analysed: t.analysed }))
    .filter((t) => t.rows >= statisticsMatterFrom && (!t.analysed || t.counted < 0 || t.changed > Math.max(t.counted, statisticsMatterFrom)))
    .map((t) => ({ table: t.table, rows: t.rows, never: !t.analysed || t.counted < 0 }))
    .sort((a, b) => a.table.localeCompare(b.table))
  const reserved = Number(setting('superuser_reserved_connections') ?? 0) + Number(setting('reserved_connections') ?? 0)
  const versionNum = Number(setting('server_version_num'))
  return {
    dialect,
    version: (setting('server_version') ?? '').split(' ')[0]!,
    major: Math.floor(versionNum / 10_000),
    indexes,
    unanalysed,
    connectionLimit: Number(setting('max_connections')) - reserved,
    // Autovacuum does nothing without the statistics collector's counts.
    autovacuum: setting('autovacuum') === 'on' && setting('track_counts') === 'on',
  }
}

/** Empties a table: TRUNCATE on PostgreSQL (a DELETE of millions of rows writes each one), DELETE on SQLite (which truncates a whole-table delete itself). */
export async function emptyTable(db: Kysely<any>, dialect: DialectName, table: string): Promise<void> {
  await (dialect === 'postgres' ? sql`truncate table ${sql.table(table)}` : sql`delete from ${sql.table(table)}`).execute(db)
}

