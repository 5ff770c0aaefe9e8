// `node bench/related.mjs`: related news at archive scale. Imports BENCH_ARTICLES (default 100,000) generated articles
// with `dateline import` into a fresh SQLite database (and a fresh PostgreSQL one when BENCH_DATABASE_URL is set), runs
// `dateline related rebuild` (articles/s), then times working out one article's picks as the refresh job does, against
// a primary-key read of one article measured in the same run as the baseline. Bounded: a fixed sample of articles.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { writeArticles } from './generate.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = join(root, 'bench', '.work')
const count = Number(process.env.BENCH_ARTICLES ?? 100_000)
const sample = Number(process.env.BENCH_SAMPLE ?? 300)
const started = Date.now()
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`)
mkdirSync(work, { recursive: true })

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(1)

const jsonl = join(work, `related-articles-${count}.jsonl`)
if (!existsSync(jsonl)) {
  log(`generating ${count} articles`)
  await writeArticles(jsonl, count)
}

function cli(args, env) {
  const t = Date.now()
  const result = spawnSync(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`dateline ${args.join(' ')} failed: ${result.stdout}`)
  return { seconds: (Date.now() - t) / 1000, out: result.stdout.trim() }
}

const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]

// BENCH_KEEP=1 keeps the imported databases (bench/.work/related-bench-<count>.db, <BENCH_DATABASE_URL database>_<count>) and reuses
// them on the next run, so a rebuild can be measured again without importing 100,000 articles again.
const keep = process.env.BENCH_KEEP === '1'

async function measureDialect(name, databaseUrl, cleanup, alreadyImported) {
  const env = { DATABASE_URL: databaseUrl, SECRET: 'bench-secret-bench-secret-bench-secret-0', SITE_URL: 'https://bench.example.test', MEDIA_DIR: join(work, 'media'), LOG_LEVEL: 'warn' }
  log(`${name}: ${alreadyImported ? 'reusing the articles imported by an earlier run' : `importing ${count} articles with \`dateline import\``}`)
  const imported = alreadyImported ? { seconds: NaN } : cli(['import', jsonl], env)
  const { loadConfig } = await import(join(root, 'dist/config/index.js'))
  const { createServices } = await import(join(root, 'dist/app.js'))
  const { repickArticles, refreshRelated } = await import(join(root, 'dist/search/index.js'))
  const { sql } = await import('kysely')
  let services = await createServices(loadConfig(env))
  // Bulk writes end with ANALYZE on PostgreSQL, so the planner knows the tables' sizes.
  if (services.dialect === 'postgres') await sql`analyze`.execute(services.db)
  await services.close()
  // BENCH_REBUILD=0 (with BENCH_KEEP=1) measures one article's picks on the kept archive without rebuilding it first.
  const rebuild = !(alreadyImported && process.env.BENCH_REBUILD === '0')
  log(`${name}: ${alreadyImported ? 'articles already there' : `imported in ${imported.seconds.toFixed(0)} s`}; ${rebuild ? 'running `dateline related rebuild`' : 'rebuild skipped (BENCH_REBUILD=0)'}`)
  const rebuilt = rebuild ? cli(['related', 'rebuild'], env) : { seconds: NaN, out: '' }
  if (rebuild) log(`${name}: ${rebuilt.out.split('\n').at(-1)}`)

  services = await createServices(loadConfig(env))
  const ids = (await services.db.selectFrom('related_profile').select('article_id').orderBy('article_id').execute()).map((r) => r.article_id)
  // The same sample on every run: every nth profiled article.
  const step = Math.max(1, Math.floor(ids.length / sample))
  const chosen = ids.filter((_, i) => i % step === 0).slice(0, sample)
  const time = async (fn) => { const t = process.hrtime.bigint(); await fn(); return Number(process.hrtime.bigint() - t) / 1e6 }
  // Warm-up, then the baseline (one article row by primary key) and one article's picks, interleaved.
  for (const id of chosen.slice(0, 20)) await repickArticles(services, [id])
  const baseline = []
  const picks = []
  const cpuBefore = process.cpuUsage()
  for (const id of chosen) {
    baseline.push(await time(() => services.db.selectFrom('article').select(['id', 'headline', 'standfirst', 'body_text']).where('id', '=', id).executeTakeFirst()))
    picks.push(await time(() => repickArticles(services, [id])))
  }
  // This process's CPU per article (picks and the baseline read; the database server's own is not in it on PostgreSQL).
  const cpu = process.cpuUsage(cpuBefore)
  const picksCpuMs = (cpu.user + cpu.system) / 1000 / chosen.length
  // A whole job pass for one edited article: read its words again, its picks, and its neighbours' picks.
  const passes = []
  for (const id of chosen.slice(0, 50)) {
    await services.db.insertInto('related_pending').values({ article_id: id, stage: 0, queued_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('article_id').doUpdateSet({ stage: 0 })).execute()
    passes.push(await time(() => refreshRelated(services)))
  }
  await services.close()
  await cleanup()
  const sorted = (xs) => [...xs].sort((a, b) => a - b)
  const b = sorted(baseline), p = sorted(picks), j = sorted(passes)
  const rate = Number(/(\d+) articles\/s/.exec(rebuilt.out)?.[1] ?? 0)
  const rebuildCpuMs = Number(/([\d.]+) ms CPU each/.exec(rebuilt.out)?.[1] ?? NaN)
  return { name, importSeconds: imported.seconds, rebuildSeconds: rebuilt.seconds, rate, rebuildCpuMs, baseline: b, picks: p, picksCpuMs, passes: j }
}

const results = []
const sqliteFile = join(work, keep ? `related-bench-${count}.db` : 'related-bench.db')
const sqliteKept = keep && existsSync(sqliteFile)
if (!sqliteKept) for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true })
results.push(await measureDialect('SQLite', `sqlite:${sqliteFile}`, async () => { if (!keep) for (const s of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${s}`, { force: true }) }, sqliteKept))
if (process.env.BENCH_DATABASE_URL) {
  const { default: pg } = await import('pg')
  const admin = async (statement) => { const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL }); await c.connect(); try { await c.query(statement) } finally { await c.end() } }
  // Named after BENCH_DATABASE_URL's own database (rel_bench → rel_bench_100000), so a shared server's naming rule holds.
  const prefix = new URL(process.env.BENCH_DATABASE_URL).pathname.slice(1) || 'related_bench'
  const dbName = keep ? `${prefix}_${count}` : `${prefix}_${randomBytes(4).toString('hex')}`
  const exists = async () => { const c = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL }); await c.connect(); try { return (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount > 0 } finally { await c.end() } }
  const pgKept = keep && (await exists())
  if (!pgKept) await admin(`create database ${dbName}`)
  const url = new URL(process.env.BENCH_DATABASE_URL)
  url.pathname = `/${dbName}`
  results.push(await measureDialect('PostgreSQL', url.toString(), async () => { if (!keep) await admin(`drop database if exists ${dbName} with (force)`) }, pgKept))
} else {
  log('PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to measure it too')
}

const ms = (x) => x.toFixed(2)
console.log(`\nDateline related-news bench, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, node ${process.version}, ${count} articles, sample of ${sample}`)
console.log('dialect      import s  rebuild s  rebuild art/s  rebuild CPU ms/art  picks CPU ms/art  baseline p50 ms  picks p50 ms  picks p95 ms  picks max ms  picks p50 / baseline  job pass p50 ms  job pass p95 ms')
for (const r of results) {
  console.log([r.name.padEnd(11), (Number.isNaN(r.importSeconds) ? "kept" : r.importSeconds.toFixed(0)).padStart(8), (Number.isNaN(r.rebuildSeconds) ? 'skipped' : r.rebuildSeconds.toFixed(0)).padStart(9), String(r.rate).padStart(13),
    ms(r.rebuildCpuMs).padStart(18), ms(r.picksCpuMs).padStart(16),
    ms(percentile(r.baseline, 0.5)).padStart(15), ms(percentile(r.picks, 0.5)).padStart(12), ms(percentile(r.picks, 0.95)).padStart(12), ms(r.picks.at(-1)).padStart(12),
    `${(percentile(r.picks, 0.5) / percentile(r.baseline, 0.5)).toFixed(0)}x`.padStart(20), ms(percentile(r.passes, 0.5)).padStart(15), ms(percentile(r.passes, 0.95)).padStart(15)].join('  '))
}
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} cores`)
console.log('\nTargets: one article\'s picks ≤ 20 ms (p95 above); rebuild ≥ 200 articles/s.')
for (const r of results) {
  console.log(`${percentile(r.picks, 0.95) <= 20 ? 'PASS' : 'FAIL'}  ${r.name}: one article's picks p95 ${ms(percentile(r.picks, 0.95))} ms`)
  if (!Number.isNaN(r.rebuildSeconds)) console.log(`${r.rate >= 200 ? 'PASS' : 'FAIL'}  ${r.name}: rebuild ${r.rate} articles/s`)
}
