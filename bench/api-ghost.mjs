// `node bench/api-ghost.mjs`: the Ghost Content API's `posts/?limit=15&include=tags,authors` at 100,000 articles, warm
// (page cache) against a bare node:http serving the same bytes in the same run, and uncached (PAGE_CACHE=off) as CPU
// per request; on SQLite, and on PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database is made and dropped).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeArticles } from './generate.mjs'
import { nodeFlags, serverArgs } from './server-command.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const work = join(root, 'bench', '.work')
const total = Number(process.env.BENCH_ARTICLES ?? 100_000)
// Imported through `dateline import` (so bodies, links and search rows are real), then copied in SQL up to `total`.
const imported = Math.min(total, Number(process.env.BENCH_IMPORT ?? 1_000))
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const wrkBin = process.env.WRK ?? 'wrk'
const children = new Set()
const started = Date.now()
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`)
const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM') }
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130) })

if (spawnSync(wrkBin, ['--version']).error) {
  console.log('wrk is not installed: apt-get install wrk')
  process.exit(1)
}
mkdirSync(work, { recursive: true })
log('building if needed')
spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })

const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})

function run(args, env) {
  const r = spawnSync(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`dateline ${args.join(' ')} failed: ${r.stderr}`)
  return r.stdout.trim()
}

async function startChild(name, args, env, url) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
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
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${name} did not start: ${stderr.trim()}`)
}

const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function wrk(url, secs, script) {
  return new Promise((resolve) => {
    const child = spawn(wrkBin, ['-t2', '-c50', `-d${secs}s`, '--timeout', '5s', ...(script ? ['-s', script] : []), url], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let out = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { out += d })
    const guard = setTimeout(() => child.kill('SIGKILL'), secs * 1000 + 30_000)
    child.on('close', () => {
      clearTimeout(guard)
      children.delete(child)
      resolve({
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
        requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
        non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
      })
    })
  })
}

async function measure(url, server, secs, script) {
  await wrk(url, 2, script)
  const before = cpuSeconds(server.pid)
  const r = await wrk(url, secs, script)
  return { ...r, cpuUs: ((cpuSeconds(server.pid) - before) * 1e6) / r.requests }
}

// The same articles as `npm run bench`, imported once per database.
const jsonl = join(work, `ghost-articles-${imported}.jsonl`)
log(`generating ${imported} articles`)
await writeArticles(jsonl, imported)

/** Copies the imported articles (with their topics, tags and authors) in SQL until there are `total`. */
async function multiply(databaseUrl) {
  const rounds = Math.ceil(total / imported) - 1
  if (rounds < 1) return
  const { createDb } = await import('../dist/platform/db/index.js')
  const { sql } = await import('kysely')
  const handle = await createDb(databaseUrl)
  const db = handle.db
  try {
    const { n: max } = await db.selectFrom('article').select((eb) => eb.fn.max('id').as('n')).executeTakeFirstOrThrow()
    const stride = Number(max)
    const columns = sql.raw(`slug, section_id, headline, standfirst, body_md, body_html, body_text, dateline, agency, image_url, image_alt,
      image_caption, image_credit, image_width, image_height, status, published_at, updated_at, seo_title, seo_description, comments_open,
      created_at, modified_at`)
    const rounds_ = sql.raw(`with recursive r(k) as (select 1 union all select k + 1 from r where k < ${rounds})`)
    // Copies are an hour older per round, so the newest page is the imported articles and every page has its own rows.
    const older = handle.dialect === 'sqlite'
      ? sql.raw(`strftime('%Y-%m-%dT%H:%M:%fZ', a.published_at, '-' || r.k || ' hours')`)
      : sql.raw(`to_char((a.published_at::timestamptz - r.k * interval '1 hour') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`)
    log(`copying ${imported} articles ${rounds} times (${handle.dialect})`)
    await sql`${rounds_} insert into article (id, ${columns}) select a.id + r.k * ${stride}, a.slug || '-c' || r.k, a.section_id, a.headline,
      a.standfirst, a.body_md, a.body_html, a.body_text, a.dateline, a.agency, a.image_url, a.image_alt, a.image_caption, a.image_credit,
      a.image_width, a.image_height, a.status, ${older}, a.updated_at, a.seo_title, a.seo_description, a.comments_open, a.created_at, a.modified_at
      from article a cross join r where a.id <= ${stride}`.execute(db)
    for (const table of ['article_topic', 'article_tag', 'article_author']) {
      const other = { article_topic: 'topic_id, position', article_tag: 'tag_id', article_author: 'author_id, position' }[table]
      await sql`${rounds_} insert into ${sql.table(table)} (article_id, ${sql.raw(other)}) select t.article_id + r.k * ${stride}, ${sql.raw(other.split(', ').map((c) => `t.${c}`).join(', '))}
        from ${sql.table(table)} t cross join r where t.article_id <= ${stride}`.execute(db)
    }
    if (handle.dialect === 'postgres') {
      await sql`select setval(pg_get_serial_sequence('article', 'id'), (select max(id) from article))`.execute(db)
      await sql`analyze`.execute(db)
    }
    await db.insertInto('change_log').values({ tags: 'site', created_at: new Date().toISOString() }).execute()
    const { n } = await db.selectFrom('article').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    log(`${n} articles`)
  } finally {
    await handle.close()
  }
}

const rows = []

async function benchDialect(name, databaseUrl, dropDatabase, reuse = false) {
  const env = {
    DATABASE_URL: databaseUrl, MEDIA_DIR: join(work, 'media'), SECRET: 'bench-secret-bench-secret-bench-secret-0',
    SITE_URL: 'https://bench.example.test', LOG_LEVEL: 'warn', HOST: '127.0.0.1', NODE_ENV: 'production',
  }
  if (reuse) {
    log(`${name}: reusing the database of the last run`)
  } else {
    log(`${name}: importing ${imported} articles`)
    run(['import', jsonl], env)
    await multiply(databaseUrl)
  }
  const key = run(['api-key', 'create', '--name', 'bench', '--content'], env).split('\n').at(-1)
  const path = `/ghost/api/content/posts/?key=${key}&limit=15&include=tags,authors`
  const ports = { cached: await freePort(), uncached: await freePort(), bare: await freePort() }
  const cached = await startChild('server', serverArgs, { ...env, PORT: String(ports.cached) }, `http://127.0.0.1:${ports.cached}/readyz`)
  const uncached = await startChild('server (cache off)', serverArgs, { ...env, PORT: String(ports.uncached), PAGE_CACHE: 'off' }, `http://127.0.0.1:${ports.uncached}/readyz`)
  const first = await fetch(`http://127.0.0.1:${ports.cached}${path}`)
  const body = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${body}`)
  const check = JSON.parse(body)
  log(`${name}: ${check.posts.length} posts of ${check.meta.pagination.total}, ${body.length} bytes`)
  const hit = await fetch(`http://127.0.0.1:${ports.cached}${path}`)
  await hit.arrayBuffer()
  if (hit.headers.get('x-cache') !== 'HIT') throw new Error('the second request was not a page-cache hit')
  const file = join(work, 'ghost-posts.json')
  writeFileSync(file, body)
  const bare = await startChild('bare node:http', [...nodeFlags, fileURLToPath(new URL('./baseline-server.mjs', import.meta.url)), file, String(ports.bare)], {}, `http://127.0.0.1:${ports.bare}/`)

  // Side by side in alternating slices: throughput on a shared machine swings from second to second.
  const slices = 4
  const pair = { bare: [], warm: [] }
  for (let i = 0; i < slices; i++) {
    log(`${name}: bare / warm slice ${i + 1} of ${slices}`)
    // wrk takes whole seconds only.
    const slice = Math.max(1, Math.round(seconds / slices))
    pair.bare.push(await measure(`http://127.0.0.1:${ports.bare}/`, bare, slice))
    pair.warm.push(await measure(`http://127.0.0.1:${ports.cached}${path}`, cached, slice))
  }
  const mean = (list, k) => list.reduce((n, r) => n + r[k], 0) / list.length
  const bareRps = mean(pair.bare, 'rps')
  const warmRps = mean(pair.warm, 'rps')
  rows.push([name, 'bare node:http, same bytes', bareRps, 1, mean(pair.bare, 'cpuUs')])
  rows.push([name, 'posts/?limit=15&include=tags,authors, warm', warmRps, warmRps / bareRps, mean(pair.warm, 'cpuUs')])

  log(`${name}: uncached, the first page`)
  const cold = await measure(`http://127.0.0.1:${ports.uncached}${path}`, uncached, seconds)
  rows.push([name, 'same, PAGE_CACHE=off', cold.rps, cold.rps / bareRps, cold.cpuUs, cold.non2xx])
  // Pages 1 to 200 in turn, and a tag filter: deeper offsets and a filtered count.
  const script = join(work, 'ghost-pages.lua')
  writeFileSync(script, `local n = 0
function request()
  n = n + 1
  return wrk.format("GET", "${path}&page=" .. ((n % 200) + 1))
end
`)
  log(`${name}: uncached, pages 1 to 200`)
  const pages = await measure(`http://127.0.0.1:${ports.uncached}`, uncached, seconds, script)
  rows.push([name, 'same, pages 1-200, PAGE_CACHE=off', pages.rps, pages.rps / bareRps, pages.cpuUs, pages.non2xx])
  log(`${name}: uncached, filter=tag:parliament+published_at:>now-30d`)
  const filtered = await measure(`http://127.0.0.1:${ports.uncached}${path}&filter=${encodeURIComponent('tag:parliament+published_at:>now-30d')}`, uncached, seconds)
  rows.push([name, 'filter tag+date, PAGE_CACHE=off', filtered.rps, filtered.rps / bareRps, filtered.cpuUs, filtered.non2xx])
  for (const child of [cached, uncached, bare]) child.kill('SIGTERM')
  await dropDatabase?.()
}

// BENCH_REUSE=1 keeps the SQLite database of the last run (same BENCH_ARTICLES): copying 100,000 articles takes minutes.
const sqliteFile = join(work, 'ghost-bench.db')
const reuse = process.env.BENCH_REUSE === '1' && existsSync(sqliteFile)
// BENCH_POSTGRES_ONLY=1 measures PostgreSQL alone (and leaves the SQLite database be).
if (process.env.BENCH_POSTGRES_ONLY !== '1') {
  if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true })
  await benchDialect('sqlite', `sqlite:${sqliteFile}`, undefined, reuse)
}

if (process.env.BENCH_DATABASE_URL && process.env.BENCH_SQLITE_ONLY !== '1') {
  const { default: pg } = await import('pg')
  const name = `dateline_ghost_bench_${process.pid}`
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL })
    await client.connect()
    try { await client.query(statement) } finally { await client.end() }
  }
  await admin(`create database ${name}`)
  const url = new URL(process.env.BENCH_DATABASE_URL)
  url.pathname = `/${name}`
  await benchDialect('postgres', url.toString(), () => admin(`drop database if exists ${name} with (force)`))
} else {
  log('BENCH_DATABASE_URL is not set: PostgreSQL skipped')
}

stopAll()
console.log(`\nGhost Content API, ${total.toLocaleString('en')} articles, wrk -t2 -c50, ${seconds} s per figure (node ${process.version})\n`)
console.log('| database | request | req/s | vs bare | CPU µs/req |')
console.log('| --- | --- | ---: | ---: | ---: |')
for (const [db, label, rps, ratio, cpu, non2xx] of rows) {
  console.log(`| ${db} | ${label}${non2xx ? ` (${non2xx} non-2xx)` : ''} | ${rps.toFixed(0)} | ${(ratio * 100).toFixed(0)}% | ${cpu.toFixed(0)} |`)
}
