// `node bench/api-ghost.mjs`: the Ghost Content API's `posts/?limit=15&include=tags,authors` at 100,000 articles, warm
// (page cache) against a bare node:http serving the same bytes in the same run, and uncached (PAGE_CACHE=off) as CPU
// per request; on SQLite, and on PostgreSQL too when BENCH_DATABASE_URL is set (a fresh database is made and dropped).
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeArticles } from './generate.mjs'
import { freePort, jobsIdle, log, measure as measureOnce, measurePair, prepare, run as runCommand, scratchPostgres, startChild, stopAll, work } from './lib.mjs'
import { nodeFlags, serverArgs } from './server-command.mjs'

const total = Number(process.env.BENCH_ARTICLES ?? 100_000)
// Imported through `dateline import` (so bodies, links and search rows are real), then copied in SQL up to `total`.
const imported = Math.min(total, Number(process.env.BENCH_IMPORT ?? 1_000))
const seconds = Number(process.env.BENCH_SECONDS ?? 10)

prepare()
log('building if needed')
runCommand(process.execPath, ['scripts/build.mjs', '--if-needed'])

const run = (args, env) => runCommand(process.execPath, ['bin/dateline.js', ...args], env, { inherit: false })
const measure = async (url, server, secs, script) => measureOnce(url.replace(/key=\w+/, 'key=…'), url, { server, secs, script, warmupSecs: 2 })

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
  const cached = await startChild('server', process.execPath, serverArgs, { ...env, PORT: String(ports.cached) }, `http://127.0.0.1:${ports.cached}/readyz`)
  const uncached = await startChild('server (cache off)', process.execPath, serverArgs, { ...env, PORT: String(ports.uncached), PAGE_CACHE: 'off' }, `http://127.0.0.1:${ports.uncached}/readyz`)
  const first = await fetch(`http://127.0.0.1:${ports.cached}${path}`)
  const body = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${body}`)
  const check = JSON.parse(body)
  log(`${name}: ${check.posts.length} posts of ${check.meta.pagination.total}, ${body.length} bytes`)
  const hit = await fetch(`http://127.0.0.1:${ports.cached}${path}`)
  await hit.arrayBuffer()
  if (hit.headers.get('x-cache') !== 'HIT') throw new Error('the second request was not a page-cache hit')
  await jobsIdle(databaseUrl)
  const file = join(work, 'ghost-posts.json')
  writeFileSync(file, body)
  const bare = await startChild('bare node:http', process.execPath, [...nodeFlags, fileURLToPath(new URL('./baseline-server.mjs', import.meta.url)), file, String(ports.bare)], {}, `http://127.0.0.1:${ports.bare}/`)

  // Side by side in alternating slices: throughput on a shared machine swings from second to second.
  const [bareRow, warmRow] = await measurePair(
    { label: `${name}: bare node:http`, url: `http://127.0.0.1:${ports.bare}/`, server: bare },
    { label: `${name}: posts, warm`, url: `http://127.0.0.1:${ports.cached}${path}`, server: cached },
    { slices: 4, secs: seconds },
  )
  const bareRps = bareRow.rps
  rows.push([name, 'bare node:http, same bytes', bareRps, 1, bareRow.cpuUs])
  rows.push([name, 'posts/?limit=15&include=tags,authors, warm', warmRow.rps, warmRow.rps / bareRps, warmRow.cpuUs])

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
  const pg = await scratchPostgres(process.env.BENCH_DATABASE_URL, 'api_bench_ghost')
  await benchDialect('postgres', pg.url, pg.drop)
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
