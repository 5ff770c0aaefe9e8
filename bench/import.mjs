// `npm run bench:import`: writes a synthetic WordPress export (BENCH_IMPORT_POSTS posts, 100,000 by default, each with
// tags, a category and a short comment thread) and the same articles as JSON Lines, then times `dateline import` of
// each on SQLite and, with BENCH_DATABASE_URL, on PostgreSQL: posts per second and the peak resident memory
// (/usr/bin/time). JSON Lines is the same-run baseline. Targets: WXR ≥ 1,000 posts/s on SQLite and ≥ 500 on
// PostgreSQL, RSS ≤ 300 MB.
import { spawnSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const posts = Number(process.env.BENCH_IMPORT_POSTS ?? 100_000)
const pgUrl = process.env.BENCH_DATABASE_URL
const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-import-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(1)

const sections = ['News', 'Politics', 'Business', 'Culture', 'Sport', 'Science', 'Weather', 'Opinion']
const words = 'harbour council ferry budget tide storm valley school museum market bridge election festival river court'.split(' ')
const pick = (i, list) => list[i % list.length]

async function write(file, lines) {
  const out = createWriteStream(file)
  for (const line of lines()) if (!out.write(line)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

function* wxr() {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n<title>Bench</title><link>https://bench.example</link><wp:base_blog_url>https://bench.example</wp:base_blog_url>\n'
  yield '<wp:author><wp:author_login>desk</wp:author_login><wp:author_display_name>News Desk</wp:author_display_name></wp:author>\n'
  for (let i = 1; i <= posts; i++) {
    const w = pick(i, words)
    const day = String(1 + (i % 28)).padStart(2, '0')
    const classic = i % 2 === 0
    const body = classic
      ? `The ${w} story number ${i} begins here.\nIt continues on a second line.\n\nA second paragraph about the ${pick(i + 3, words)}.\n\n<h2>More</h2>\n\nClosing words.`
      : `<!-- wp:paragraph --><p>The <strong>${w}</strong> story number ${i}, with a <a href="https://example.org/${i}">link</a>.</p><!-- /wp:paragraph --><!-- wp:paragraph --><p>A second paragraph about the ${pick(i + 3, words)}.</p><!-- /wp:paragraph -->`
    yield `<item><title>${w} report ${i}</title><link>https://bench.example/2026/11/${w}-report-${i}/</link><dc:creator>desk</dc:creator>`
      + `<content:encoded><![CDATA[${body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>`
      + `<wp:post_id>${i}</wp:post_id><wp:post_date_gmt>2026-10-${day} 08:00:00</wp:post_date_gmt><wp:post_name>${w}-report-${i}</wp:post_name>`
      + `<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`
      + `<category domain="category" nicename="${pick(i, sections).toLowerCase()}"><![CDATA[${pick(i, sections)}]]></category>`
      + `<category domain="post_tag" nicename="${w}"><![CDATA[${w}]]></category><category domain="post_tag" nicename="tag-${i % 500}"><![CDATA[tag ${i % 500}]]></category>`
      + `<wp:comment><wp:comment_id>${i * 2}</wp:comment_id><wp:comment_author>Reader ${i}</wp:comment_author><wp:comment_author_email>r${i}@example.net</wp:comment_author_email><wp:comment_date_gmt>2026-10-${day} 09:00:00</wp:comment_date_gmt><wp:comment_content>First!</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>`
      + `<wp:comment><wp:comment_id>${i * 2 + 1}</wp:comment_id><wp:comment_author>Reply ${i}</wp:comment_author><wp:comment_author_email>q${i}@example.net</wp:comment_author_email><wp:comment_date_gmt>2026-10-${day} 10:00:00</wp:comment_date_gmt><wp:comment_content>Agreed.</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${i * 2}</wp:comment_parent></wp:comment>`
      + '</item>\n'
  }
  yield '</channel>\n</rss>\n'
}

function* jsonl() {
  for (let i = 1; i <= posts; i++) {
    const w = pick(i, words)
    const day = String(1 + (i % 28)).padStart(2, '0')
    yield JSON.stringify({
      slug: `${w}-report-${i}`, headline: `${w} report ${i}`, body: `The **${w}** story number ${i}.\n\nA second paragraph about the ${pick(i + 3, words)}.`,
      section: pick(i, sections), tags: [w, `tag ${i % 500}`], authors: ['News Desk'], publishedAt: `2026-10-${day}T08:00:00Z`,
    }) + '\n'
  }
}

const wxrFile = join(dir, 'bench.xml')
const jsonlFile = join(dir, 'bench.jsonl')
await write(wxrFile, wxr)
await write(jsonlFile, jsonl)
if (process.env.BENCH_IMPORT_WRITE_ONLY) {
  // For profiling: keep the files and stop.
  process.removeAllListeners('exit')
  console.log(dir)
  process.exit(0)
}
console.log(`${posts.toLocaleString('en')} posts: WXR ${(statSync(wxrFile).size / 1e6).toFixed(1)} MB, JSON Lines ${(statSync(jsonlFile).size / 1e6).toFixed(1)} MB`)

async function freshPostgres(name) {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: pgUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${name}`)
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(pgUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: async () => { const c = new pg.Client({ connectionString: pgUrl }); await c.connect(); await c.query(`drop database if exists ${name} with (force)`); await c.end() } }
}

function run(file, databaseUrl) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, MEDIA_DIR: join(dir, 'media'), SECRET: 'bench-import-secret-bench-import-secret-0', REDIS_URL: '' }
  const res = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/dateline.js', 'import', file], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const m = /TIME ([\d.]+) (\d+)/.exec(res.stderr)
  if (res.status !== 0 || !m) throw new Error(`import failed (${res.status}): ${res.stdout.slice(-500)}\n${res.stderr.slice(-1500)}`)
  return { seconds: Number(m[1]), rssMb: Number(m[2]) / 1024, summary: res.stdout.split('\n')[0] }
}

const results = []
const dialects = [['sqlite', async (tag) => ({ url: `sqlite:${join(dir, `${tag}.db`)}`, drop: async () => {} })]]
if (pgUrl) dialects.push(['postgres', (tag) => freshPostgres(`bench_import_${process.pid}_${tag}`)])
else console.log('(PostgreSQL skipped: set BENCH_DATABASE_URL)')
for (const [dialect, fresh] of dialects) {
  for (const [format, file] of [['jsonl', jsonlFile], ['wordpress', wxrFile]]) {
    const db = await fresh(format)
    try {
      const r = run(file, db.url)
      results.push({ dialect, format, ...r, rate: posts / r.seconds })
      console.log(`${dialect.padEnd(8)} ${format.padEnd(9)} ${(posts / r.seconds).toFixed(0).padStart(6)} posts/s  ${r.seconds.toFixed(1).padStart(6)} s  peak RSS ${r.rssMb.toFixed(0)} MB   (${r.summary})`)
    } finally {
      await db.drop()
    }
  }
}
for (const dialect of ['sqlite', 'postgres']) {
  const base = results.find((r) => r.dialect === dialect && r.format === 'jsonl')
  const wp = results.find((r) => r.dialect === dialect && r.format === 'wordpress')
  if (!base || !wp) continue
  const target = dialect === 'sqlite' ? 1000 : 500
  console.log(`${dialect}: WXR runs at ${(wp.rate / base.rate * 100).toFixed(0)}% of the JSON Lines baseline; ${wp.rate.toFixed(0)} posts/s against a target of ${target} (${wp.rate >= target ? 'met' : 'missed'}); peak RSS ${wp.rssMb.toFixed(0)} MB of 300 (${wp.rssMb <= 300 ? 'met' : 'missed'})`)
}
