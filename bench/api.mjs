// `node bench/api.mjs`: the read API under wrk on loopback, on SQLite and (with BENCH_DATABASE_URL) PostgreSQL.
// Warm: GET /api/v1/articles?limit=20 from the page cache against a bare node:http sending the same bytes, side by
// side. Uncached (PAGE_CACHE=off): CPU time per request of the same list, its later pages and its filters, at
// BENCH_ARTICLES articles (100,000 by default). Bounded: BENCH_DURATION per measurement (default 5 s).
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeArticles } from './generate.mjs'
import { nodeFlags, serverArgs } from './server-command.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = join(root, 'bench', '.work')
const seconds = parseFloat(process.env.BENCH_DURATION ?? '5') || 5
const articleCount = Number(process.env.BENCH_ARTICLES ?? 100_000)
// Importing 100,000 articles through `dateline import` takes the better part of an hour on a shared machine; the
// first BENCH_IMPORT go through it, and copies of them (new slugs, each copy an older stretch of time) make the rest.
const importCount = Math.min(articleCount, Number(process.env.BENCH_IMPORT ?? 5_000))
const wrkBin = process.env.WRK ?? 'wrk'
const pgBase = process.env.BENCH_DATABASE_URL
const started = Date.now()
const children = new Set()
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`)
const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM') }
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130) })

if (spawnSync(wrkBin, ['--version']).error) {
  console.log('wrk is not installed: apt-get install wrk')
  process.exit(1)
}
mkdirSync(work, { recursive: true })

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} failed`)
}

const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})

async function startChild(name, command, args, env, url) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  children.add(child)
  let stderr = ''
  child.stderr.on('data', (d) => { stderr += d })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr.trim()}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.ok) return child
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${name} did not start within 60 s: ${stderr.trim()}`)
}

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function wrk(args, limitSeconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(wrkBin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let text = ''
    child.stdout.on('data', (d) => { text += d })
    child.stderr.on('data', (d) => { text += d })
    const guard = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000 + 30_000)
    child.on('error', reject)
    child.on('close', () => { clearTimeout(guard); children.delete(child); resolve(text) })
  })
}

const toMs = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN)
function parseWrk(out) {
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out)
    return m ? toMs(m[1], m[2]) : NaN
  }
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    p99: pct(99),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  }
}

function cyclingScript(name, list) {
  const file = join(work, `${name}.lua`)
  writeFileSync(file, `local paths = { ${list.map((p) => JSON.stringify(p)).join(',\n')} }
local threads = 0
function setup(thread)
  thread:set("offset", threads * math.floor(#paths / 2))
  threads = threads + 1
end
local i = nil
function request()
  i = ((i or offset or 0) % #paths) + 1
  return wrk.format("GET", paths[i])
end
`)
  return file
}

/** One wrk run (after an unmeasured warm-up), with the server's own CPU time per request. */
async function measure(label, url, { server, script, connections = 50, secs = seconds, warmup = true }) {
  log(`wrk ${label}`)
  const threads = `-t${Math.min(2, connections)}`
  if (warmup) await wrk([threads, `-c${connections}`, '-d3s', ...(script ? ['-s', script] : []), url], 3)
  const before = cpuSeconds(server.pid)
  const out = await wrk([threads, `-c${connections}`, `-d${secs}s`, '--timeout', '5s', '--latency', ...(script ? ['-s', script] : []), url], secs)
  const r = { label, ...parseWrk(out) }
  r.cpuUs = ((cpuSeconds(server.pid) - before) * 1e6) / r.requests
  return r
}

/** Two servers in alternating slices, so this shared machine's swings fall on both alike. */
async function measurePair(a, b, slices = 5) {
  const runs = [[], []]
  for (let i = 0; i < slices; i++) {
    runs[0].push(await measure(a.label, a.url, { ...a, secs: Math.max(1, Math.round((seconds * 2) / slices)), warmup: i === 0 }))
    runs[1].push(await measure(b.label, b.url, { ...b, secs: Math.max(1, Math.round((seconds * 2) / slices)), warmup: i === 0 }))
  }
  return runs.map((list) => ({
    label: list[0].label, rps: list.reduce((n, r) => n + r.rps, 0) / list.length, p99: Math.max(...list.map((r) => r.p99)),
    requests: list.reduce((n, r) => n + r.requests, 0), non2xx: list.reduce((n, r) => n + r.non2xx, 0),
    cpuUs: list.reduce((n, r) => n + r.cpuUs * r.requests, 0) / list.reduce((n, r) => n + r.requests, 0),
  }))
}

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

async function pgDatabase() {
  const { default: pg } = await import('pg')
  const name = `dateline_bench_api_${randomBytes(4).toString('hex')}`
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: pgBase })
    await client.connect()
    try { await client.query(statement) } finally { await client.end() }
  }
  await admin(`create database ${name}`)
  const url = new URL(pgBase)
  url.pathname = `/${name}`
  const analyze = async () => {
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    try { await client.query('analyze') } finally { await client.end() }
  }
  return { url: url.toString(), analyze, drop: () => admin(`drop database if exists ${name} with (force)`) }
}

async function benchDialect(dialect) {
  let databaseUrl
  let cleanup = async () => {}
  if (dialect === 'sqlite') {
    const file = join(work, 'api-bench.db')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
    databaseUrl = `sqlite:${file}`
  } else {
    const db = await pgDatabase()
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
