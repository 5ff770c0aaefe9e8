// `node bench/api.mjs`: the read API under wrk on loopback, on SQLite and (with BENCH_DATABASE_URL) PostgreSQL.
// Warm: GET /api/v1/articles?limit=20 from the page cache against a bare node:http sending the same bytes, side by
// side. Uncached (PAGE_CACHE=off): CPU time per request of the same list, its later pages and its filters, at
// BENCH_ARTICLES articles (100,000 by default). Bounded: BENCH_DURATION per measurement (default 5 s).
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeArticles } from './generate.mjs'
import {
  children, cyclingScript, freePort, jobsIdle, log, measure as measureOnce, measurePair, prepare, run as runCommand, scratchPostgres, startChild, stopAll, work,
} from './lib.mjs'
import { nodeFlags, serverArgs } from './server-command.mjs'

const seconds = parseFloat(process.env.BENCH_DURATION ?? '5') || 5
const articleCount = Number(process.env.BENCH_ARTICLES ?? 100_000)
// Importing 100,000 articles through `dateline import` takes the better part of an hour on a shared machine; the
// first BENCH_IMPORT go through it, and copies of them (new slugs, each copy an older stretch of time) make the rest.
const importCount = Math.min(articleCount, Number(process.env.BENCH_IMPORT ?? 5_000))
const pgBase = process.env.BENCH_DATABASE_URL
prepare()

// `dateline import` exits 1 when it skipped some lines, which a generated file never has but is no failure.
const run = (command, args, env = {}) => runCommand(command, args, env, { ok: [0, 1] })
const measure = (label, url, opts) => measureOnce(label, url, { secs: seconds, ...opts })

// ── Data ─────────────────────────────────────────────────────────────────────────────────────────────────────

log('building if needed')
run(process.execPath, ['scripts/build.mjs', '--if-needed'])
const jsonl = join(work, `api-articles-${importCount}.jsonl`)
if (!existsSync(jsonl)) {
  log(`generating ${importCount} articles`)
  await writeArticles(jsonl, importCount)
}

/** Copies the imported articles, with their authors, topics and tags, until there are `articleCount`. */
async function multiply(databaseUrl, dialect) {
  const { createDb } = await import('../dist/platform/db/index.js')
  const { sql } = await import('kysely')
  const { db, close } = await createDb(databaseUrl)
  try {
    const columns = ['section_id', 'headline', 'standfirst', 'body_md', 'body_html', 'body_text', 'dateline', 'agency', 'image_url', 'image_alt',
      'image_caption', 'image_credit', 'image_width', 'image_height', 'image_media_id', 'status', 'updated_at', 'seo_title', 'seo_description',
      'comments_open', 'comment_count', 'created_by', 'created_at', 'modified_at']
    const spanHours = Math.ceil(importCount * 1.75) + 24
    for (let k = 1; importCount * k < articleCount; k++) {
      const n = Math.min(importCount, articleCount - importCount * k)
      const hours = spanHours * k
      const shifted = dialect === 'sqlite'
        ? sql`strftime('%Y-%m-%dT%H:%M:%fZ', published_at, ${`-${hours} hours`})`
        : sql`to_char((published_at::timestamptz - make_interval(hours => ${hours})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
      const suffix = `-c${k}`
      await sql`insert into article (slug, published_at, ${sql.join(columns.map((c) => sql.ref(c)))})
        select slug || ${suffix}, ${shifted}, ${sql.join(columns.map((c) => sql.ref(c)))} from article where id <= ${n} order by id`.execute(db)
      for (const [table, column, extra] of [['article_author', 'author_id', true], ['article_topic', 'topic_id', true], ['article_tag', 'tag_id', false]]) {
        await sql`insert into ${sql.table(table)} (article_id, ${sql.ref(column)}${extra ? sql`, position` : sql``})
          select c.id, l.${sql.ref(column)}${extra ? sql`, l.position` : sql``} from article o
          join article c on c.slug = o.slug || ${suffix} join ${sql.table(table)} l on l.article_id = o.id where o.id <= ${n}`.execute(db)
      }
      log(`${dialect}: ${importCount * k + n} articles`)
    }
    if (dialect === 'postgres') await sql`analyze`.execute(db)
  } finally {
    await close()
  }
}

const baseEnv = {
  MEDIA_DIR: join(work, 'media'), SECRET: 'bench-secret-bench-secret-bench-secret-0', SITE_URL: 'https://bench.example.test',
  LOG_LEVEL: 'warn', HOST: '127.0.0.1', NODE_ENV: 'production', API_RATE_LIMIT: '0',
}

async function benchDialect(dialect) {
  let databaseUrl
  let cleanup = async () => {}
  if (dialect === 'sqlite') {
    const file = join(work, 'api-bench.db')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    databaseUrl = `sqlite:${file}`
  } else {
    const db = await scratchPostgres(pgBase, 'api_bench_v1')
    databaseUrl = db.url
    cleanup = db.drop
  }
  const env = { ...baseEnv, DATABASE_URL: databaseUrl }
  log(`${dialect}: importing ${importCount} articles with \`dateline import\``)
  const importStart = Date.now()
  run(process.execPath, ['bin/dateline.js', 'import', jsonl], env)
  // Bulk writes end with ANALYZE on PostgreSQL (in multiply), so the planner knows the table's real size.
  await multiply(databaseUrl, dialect)
  const importSeconds = (Date.now() - importStart) / 1000
  try {
    const ports = { cached: await freePort(), uncached: await freePort(), node: await freePort() }
    const base = (port) => `http://127.0.0.1:${port}`
    const cached = await startChild('server (cache on)', process.execPath, serverArgs, { ...env, PORT: String(ports.cached) }, `${base(ports.cached)}/readyz`)
    const uncached = await startChild('server (cache off)', process.execPath, serverArgs, { ...env, PORT: String(ports.uncached), PAGE_CACHE: 'off' }, `${base(ports.uncached)}/readyz`)
    const listPath = '/api/v1/articles?limit=20'
    const first = await fetch(`${base(ports.cached)}${listPath}`)
    const body = Buffer.from(await first.arrayBuffer())
    if (first.status !== 200) throw new Error(`${listPath} answered ${first.status}`)
    const again = await fetch(`${base(ports.cached)}${listPath}`)
    await again.arrayBuffer()
    if (again.headers.get('x-cache') !== 'HIT') throw new Error('the list was not served from the page cache on the second request')
    await jobsIdle(databaseUrl)
    const bodyFile = join(work, 'api-list.json')
    writeFileSync(bodyFile, body)
    const bare = await startChild('bare node:http', process.execPath, [...nodeFlags, fileURLToPath(new URL('./baseline-server.mjs', import.meta.url)), bodyFile, String(ports.node)], {}, base(ports.node))

    // Later pages by cursor (the newest 10 pages), and each section's first page.
    const pages = [listPath]
    let cursor = JSON.parse(body).next_cursor
    for (let i = 0; i < 9 && cursor; i++) {
      const path = `${listPath}&cursor=${cursor}`
      pages.push(path)
      cursor = (await (await fetch(`${base(ports.uncached)}${path}`)).json()).next_cursor
    }
    const sections = (await (await fetch(`${base(ports.uncached)}/api/v1/sections`)).json()).data.map((s) => `${listPath}&section=${s.slug}`)

    const [baseline, warm] = await measurePair(
      { label: 'static: bare node:http, same bytes', url: base(ports.node), server: bare },
      { label: 'GET /api/v1/articles?limit=20, cache warm', url: `${base(ports.cached)}${listPath}`, server: cached },
      { secs: seconds * 2 },
    )
    const cold = await measure('GET /api/v1/articles?limit=20, cache off', `${base(ports.uncached)}${listPath}`, { server: uncached })
    const coldPages = await measure('… its first 10 pages by cursor, cache off', base(ports.uncached), { server: uncached, script: cyclingScript('api-pages', pages) })
    const coldSections = await measure('… each section\'s first page, cache off', base(ports.uncached), { server: uncached, script: cyclingScript('api-sections', sections) })
    const coldOne = await measure('… one at a time (1 connection), cache off', `${base(ports.uncached)}${listPath}`, { server: uncached, connections: 1 })
    return { dialect, importSeconds, bytes: body.length, baseline, rows: [baseline, warm, cold, coldPages, coldSections, coldOne], warm, cold: [cold, coldPages, coldSections, coldOne] }
  } finally {
    stopAll()
    children.clear()
    await cleanup()
  }
}

const reports = [await benchDialect('sqlite')]
if (pgBase) reports.push(await benchDialect('postgres'))
else log('BENCH_DATABASE_URL is not set: PostgreSQL skipped')

// ── Report ───────────────────────────────────────────────────────────────────────────────────────────────────

const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—')
let pass = true
for (const r of reports) {
  console.log('')
  console.log(`${r.dialect}: ${articleCount} articles (${importCount} imported, the rest copied; ${fmt(r.importSeconds)} s), list body ${r.bytes} bytes, wrk -t2 -c50 ${seconds} s, node ${process.version}`)
  console.log('what'.padEnd(48) + 'req/s'.padStart(8) + 'p99 ms'.padStart(9) + 'vs node'.padStart(9) + 'CPU µs/req'.padStart(12) + '  errors')
  for (const row of r.rows) {
    console.log(row.label.padEnd(48) + fmt(row.rps).padStart(8) + fmt(row.p99, 2).padStart(9) + `${fmt((row.rps / r.baseline.rps) * 100)}%`.padStart(9) +
      fmt(row.cpuUs).padStart(12) + (row.non2xx ? `  ${row.non2xx} non-2xx` : ''))
  }
  const ratio = r.warm.rps / r.baseline.rps
  const worstCpu = Math.max(...r.cold.map((c) => c.cpuUs))
  const checks = [
    [`warm list ≥ 70% of bare node:http`, ratio >= 0.7, `${fmt(ratio * 100)}%`],
    [`uncached ≤ 1 ms CPU per request`, worstCpu <= 1000, `worst ${fmt(worstCpu)} µs`],
  ]
  for (const [name, ok, value] of checks) {
    console.log(`${ok ? 'PASS' : 'FAIL'}  ${r.dialect}: ${name}: ${value}`)
    pass &&= ok
  }
}
log('done')
process.exit(process.env.BENCH_STRICT === '1' && !pass ? 1 : 0)
