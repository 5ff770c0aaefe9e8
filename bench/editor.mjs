// `node bench/editor.mjs`: the editor's autosave latency (p50/p95/p99 over N sequential autosaves, as one editor
// typing) and the time from pressing Publish to the article being on the home page and in the feed, against the
// real server on SQLite over loopback HTTP.
import { spawn, spawnSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serverArgs } from './server-command.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const autosaves = Number(process.env.BENCH_AUTOSAVES ?? 500)
const publishes = Number(process.env.BENCH_PUBLISHES ?? 10)
const secret = 'bench-editor-secret-bench-editor-secret-01'

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(1)

const port = await new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})
const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-editor-'))
const base = `http://127.0.0.1:${port}`
const env = {
  ...process.env, DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, HOST: '127.0.0.1', PORT: String(port), SITE_URL: base,
  SECRET: secret, LOG_LEVEL: 'warn', MEDIA_DIR: join(dir, 'media'), REDIS_URL: '',
}

const server = spawn(process.execPath, serverArgs, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
const stop = () => { if (server.exitCode === null) server.kill('SIGTERM') }
process.on('exit', () => { stop(); rmSync(dir, { recursive: true, force: true }) })

for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error('the server exited during start-up')
  if (i > 600) throw new Error('the server did not start within 60 s')
  try {
    if ((await fetch(`${base}/readyz`)).ok) break
  } catch { /* not listening yet */ }
  await new Promise((r) => setTimeout(r, 100))
}

// A signed-in editor, made straight in the database the server uses (the server itself is not touched).
const { loadConfig } = await import(join(root, 'dist/config/index.js'))
const { createServices } = await import(join(root, 'dist/app.js'))
const { createStaffUser, startSession } = await import(join(root, 'dist/identity/index.js'))
const services = await createServices(loadConfig(env))
const editor = await createStaffUser(services, { email: 'bench-editor@example.test', name: 'Bench Editor', role: 'editor', password: 'bench password bench password' }, null)
const session = await startSession(services, editor.id)
await services.close()
const csrf = createHmac('sha256', secret).update(`csrf:session:${session.sessionId}`).digest('base64url')
const cookie = `dl_session=${session.token}`
const sectionName = 'Politics'

const fields = (headline, body) => ({
  headline, slug: '', topic: '', section: sectionName, tags: 'Bench', authors: 'Bench Editor', standfirst: 'Measured, not read.',
  dateline: '', body, image_url: '', image_alt: '', image_caption: '', image_credit: '', image_media_id: '', agency: '',
  seo_title: '', seo_description: '', comments_open: 'on',
})

async function autosave(url, payload) {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: { cookie, origin: base, 'x-csrf-token': csrf, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  })
  const data = await res.json()
  if (!res.ok) throw new Error(`autosave answered ${res.status}: ${JSON.stringify(data)}`)
  return data
}

const paragraph = 'The committee met again on Thursday to review the budget lines for the coming year, and members asked for more detail on transport.'
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
const ms = (n) => `${n.toFixed(1)} ms`

// ── Autosave: a growing article (about 1,000 to 60,000 characters), each save a real change and a revision.
const first = await autosave('/newsroom/articles/autosave', fields('Bench autosave article', paragraph))
const url = first.autosaveUrl
let body = paragraph
for (let i = 0; i < 20; i++) await autosave(url, fields('Bench autosave article', (body += ` warm ${i}`)))
const times = []
for (let i = 0; i < autosaves; i++) {
  body += i % 3 === 0 ? `\n\n${paragraph}` : ` word${i}`
  const t0 = performance.now()
  await autosave(url, fields('Bench autosave article', body))
  times.push(performance.now() - t0)
}
times.sort((a, b) => a - b)
console.log(`\nAutosave over HTTP on SQLite (${autosaves} sequential saves, body grows to ${body.length.toLocaleString('en')} characters):`)
console.log(`  p50 ${ms(quantile(times, 0.5))}  p95 ${ms(quantile(times, 0.95))}  p99 ${ms(quantile(times, 0.99))}  max ${ms(times.at(-1))}`)

// ── Publish to visible: press Publish, then poll the home page and the RSS feed until the headline is there.
async function visibleAfter(path, needle, t0) {
  for (;;) {
    const text = await (await fetch(`${base}${path}`)).text()
    if (text.includes(needle)) return performance.now() - t0
    if (performance.now() - t0 > 60_000) throw new Error(`${needle} never appeared on ${path}`)
  }
}
const home = []
const feed = []
for (let i = 0; i < publishes; i++) {
  const headline = `Bench publish number ${i} ${Date.now().toString(36)}`
  // Warm caches first, so the measurement includes the purge a real publish needs.
  await fetch(`${base}/`).then((r) => r.text())
  await fetch(`${base}/feed/`).then((r) => r.text())
  const draft = await autosave('/newsroom/articles/autosave', fields(headline, paragraph))
  const t0 = performance.now()
  const res = await fetch(`${base}/newsroom/articles/${draft.id}`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields(headline, paragraph), _csrf: csrf, action: 'publish' }).toString(),
  })
  if (res.status !== 303) throw new Error(`publish answered ${res.status}`)
  const [h, f] = await Promise.all([visibleAfter('/', headline, t0), visibleAfter('/feed/', headline, t0)])
  home.push(h)
  feed.push(f)
}
home.sort((a, b) => a - b)
feed.sort((a, b) => a - b)
console.log(`\nPublish → visible (${publishes} publishes; from pressing Publish, including its request):`)
console.log(`  home page: median ${ms(quantile(home, 0.5))}  max ${ms(home.at(-1))}`)
console.log(`  RSS feed:  median ${ms(quantile(feed, 0.5))}  max ${ms(feed.at(-1))}`)

// ── Scheduled → visible: schedule for the next whole minute (the editor's resolution) and wait on the real clock.
if (process.env.BENCH_SCHEDULE !== '0') {
  const headline = `Bench scheduled ${Date.now().toString(36)}`
  const draft = await autosave('/newsroom/articles/autosave', fields(headline, paragraph))
  const at = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000)
  const local = at.toISOString().slice(0, 16)
  const res = await fetch(`${base}/newsroom/articles/${draft.id}`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields(headline, paragraph), _csrf: csrf, action: 'schedule', publish_at: local }).toString(),
  })
  if (res.status !== 303) throw new Error(`schedule answered ${res.status}`)
  console.log(`\nScheduled for ${at.toISOString()} (site time zone UTC); waiting on the real clock…`)
  for (;;) {
    const text = await (await fetch(`${base}/`)).text()
    if (text.includes(headline)) break
    if (Date.now() - at.getTime() > 120_000) throw new Error('the scheduled article did not appear within two minutes of its time')
    await new Promise((r) => setTimeout(r, 100))
  }
  console.log(`  on the home page ${((Date.now() - at.getTime()) / 1000).toFixed(1)} s after its time (the scheduler polls every 5 s)`)
}
stop()
