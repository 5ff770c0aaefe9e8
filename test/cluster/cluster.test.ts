// Three real server processes on one PostgreSQL database, one Redis and one S3-compatible store, behind nginx with
// round-robin balancing, checked through nginx only: what docs/deploy.md promises a large outlet.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { issueFormToken } from '../../src/comments/index.js'
import { saveArticle, scheduleArticle } from '../../src/content/index.js'
import { freshDatabase } from '../support/db.js'
import { articleInput, createArticle } from '../support/factories.js'
import { createStaff, testPassword } from '../support/auth.js'
import { ensureBuilt, freePort, root, startServer, within, type ServerProcess } from '../support/processes.js'
import { tinyImage } from '../media/images.js'

const secret = 'cluster-secret-cluster-secret-cluster-0123'
const nginxBin = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p))
const redisBin = ['/usr/bin/redis-server', '/usr/sbin/redis-server'].find((p) => existsSync(p))
const skipped = !process.env.TEST_DATABASE_URL || !process.env.TEST_REDIS_URL
  ? 'Cluster test skipped: set TEST_DATABASE_URL and TEST_REDIS_URL to run three instances on PostgreSQL and Redis.'
  : !nginxBin ? 'Cluster test skipped: nginx is not installed (apt-get install nginx).'
  : !redisBin ? 'Cluster test skipped: redis-server is not installed.'
  : ''
if (skipped) console.log(skipped)

const dir = mkdtempSync(join(tmpdir(), 'dateline-cluster-'))
const children: ChildProcess[] = []
const servers: ServerProcess[] = []
let database: Awaited<ReturnType<typeof freshDatabase>> | undefined
let s3: { close(): Promise<void> } | undefined
let services: Services
let site = ''
let env: Record<string, string> = {}

/** Starts a long-running helper process and keeps it for afterAll; resolves once `ready` matches its output. */
function startChild(command: string, args: string[], ready: RegExp): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let text = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${text}`)), 15_000)
    const check = (d: Buffer) => {
      text += d.toString()
      if (ready.test(text)) { clearTimeout(timer); resolve(child) }
    }
    child.stdout!.on('data', check)
    child.stderr!.on('data', check)
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${command} exited with ${code}:\n${text}`)) })
  })
}

function nginxConfig(port: number, upstreams: number[]): string {
  return `daemon off;
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx-body;
  proxy_temp_path ${dir}/nginx-proxy;
  fastcgi_temp_path ${dir}/nginx-fastcgi;
  uwsgi_temp_path ${dir}/nginx-uwsgi;
  scgi_temp_path ${dir}/nginx-scgi;
  client_max_body_size 16m;
  upstream dateline {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://dateline;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 3;
    }
  }
}
`
}

beforeAll(async () => {
  if (skipped) return
  ensureBuilt()
  database = await freshDatabase('postgres')
  const redisPort = await freePort()
  await startChild(redisBin!, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept connections/)
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
  const { default: S3rver } = await import('s3rver')
  const store = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'media' }] })
  const { port: s3Port } = await store.run()
  s3 = store
  const nginxPort = await freePort()
  site = `http://127.0.0.1:${nginxPort}`
  env = {
    DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${redisPort}`, SECRET: secret, SITE_URL: site, TRUST_PROXY: 'on',
    MEDIA_STORE: `s3://media?endpoint=${encodeURIComponent(`http://127.0.0.1:${s3Port}`)}&region=us-east-1`,
    MEDIA_DIR: join(dir, 'unused-media'), AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER',
  }
  // "Another process": this one publishes through the use cases, as the newsroom of any instance would.
  services = await createServices(loadConfig(env))
  // The administrator exists before any instance starts, so sign-in is open (setup is another test's concern).
  await createStaff(services, { role: 'administrator', email: 'admin@cluster.test' })
  await createArticle(services, { slug: 'opening-story', headline: 'Opening story of the day', publishedAt: new Date(Date.now() - 60_000) })
  const started = await Promise.all([0, 1, 2].map(() => startServer(env)))
  servers.push(...started)
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(nginxPort, started.map((s) => s.port)))
  const test = spawnSync(nginxBin!, ['-t', '-c', join(dir, 'nginx.conf'), '-p', dir], { encoding: 'utf8' })
  if (test.status !== 0) throw new Error(`nginx refused the generated config:\n${test.stderr}`)
  const nginx = spawn(nginxBin!, ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' })
  children.push(nginx)
  expect(await within(10_000, async () => (await fetch(`${site}/healthz`)).ok)).toBeGreaterThanOrEqual(0)
}, 90_000)

afterAll(async () => {
  for (const s of servers) await s.kill()
  for (const c of children.reverse()) {
    if (c.exitCode === null && c.signalCode === null) {
      const gone = new Promise((resolve) => c.once('exit', resolve))
      c.kill('SIGTERM')
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 3_000))])
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
    }
  }
  await services?.close()
  await s3?.close().catch(() => {})
  await database?.drop()
  rmSync(dir, { recursive: true, force: true })
}, 30_000)

/** Six requests in a row through nginx: round-robin sends two to each instance. */
async function everyInstance(path: string, init: RequestInit = {}): Promise<Response[]> {
  const answers: Response[] = []
  for (let i = 0; i < 6; i++) answers.push(await fetch(`${site}${path}`, { redirect: 'manual', ...init }))
  return answers
}

async function allShow(path: string, text: string): Promise<boolean> {
  for (const res of await everyInstance(path)) if (res.status !== 200 || !(await res.text()).includes(text)) return false
  return true
}

function commentForm(articleId: number, n: number, fields: Record<string, string> = {}) {
  return new URLSearchParams({
    article: String(articleId), token: issueFormToken(secret, articleId, new Date(Date.now() - 60_000)),
    name: `Cluster reader ${n}`, email: `cluster.reader${n}@example.org`, website: '', comment: `A cluster comment, number ${n}.`, ...fields,
  }).toString()
}

const formHeaders = (ip: string) => ({ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: site, 'x-forwarded-for': ip })

/** The sign-in form's anti-forgery pair, as a browser gets it: the dl_csrf cookie and the token in the page. */
async function signInForm(ip: string): Promise<{ cookie: string; token: string }> {
  const page = await fetch(`${site}/newsroom/sign-in`, { headers: { 'x-forwarded-for': ip } })
  const cookie = /dl_csrf=[^;]+/.exec(page.headers.get('set-cookie') ?? '')?.[0]
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1]
  if (!cookie || !token) throw new Error('no sign-in form')
  return { cookie, token }
}

async function signIn(email: string, password: string, ip: string, form?: { cookie: string; token: string }): Promise<Response> {
  const { cookie, token } = form ?? await signInForm(ip)
  return fetch(`${site}/newsroom/sign-in`, {
    method: 'POST', redirect: 'manual', headers: { ...formHeaders(ip), cookie },
    body: new URLSearchParams({ _csrf: token, email, password }).toString(),
  })
}

describe('three instances behind nginx', () => {
  it('shows an article published elsewhere on every instance\'s home page, feed and news sitemap within a second', async (ctx) => {
    if (skipped) return ctx.skip()
    for (const path of ['/', '/feed/', '/news-sitemap.xml']) expect(await allShow(path, 'opening-story')).toBe(true)
    await saveArticle(services, articleInput({ slug: 'tram-line-opens', headline: 'Tram line opens to the harbour', publishedAt: new Date() }))
    const tookMs = await within(1_000, async () =>
      (await allShow('/', 'Tram line opens to the harbour')) && (await allShow('/feed/', 'tram-line-opens')) && (await allShow('/news-sitemap.xml', 'tram-line-opens')), 50)
    expect(tookMs).toBeGreaterThanOrEqual(0)
  })

  it('shows a comment approved with the CLI on every instance within a second', async (ctx) => {
    if (skipped) return ctx.skip()
    const { id } = await createArticle(services, { slug: 'bridge-vote', headline: 'Bridge vote tonight', section: 'News', publishedAt: new Date(Date.now() - 60_000) })
    const posted = await fetch(`${site}/comments`, { method: 'POST', redirect: 'manual', headers: formHeaders('198.51.100.1'), body: commentForm(id, 1, { comment: 'Held until a moderator approves it.' }) })
    expect(posted.status).toBe(303)
    const row = await services.db.selectFrom('comment').select(['id', 'status']).where('article_id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('pending')
    expect(await allShow('/news/bridge-vote/', 'Bridge vote tonight')).toBe(true)
    const cli = spawnSync(process.execPath, ['bin/dateline.js', 'comments', 'approve', String(row.id)], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 })
    expect(cli.status, cli.stderr).toBe(0)
    const tookMs = await within(1_000, () => allShow('/news/bridge-vote/', 'Held until a moderator approves it.'), 50)
    expect(tookMs).toBeGreaterThanOrEqual(0)
  })

  it('keeps a newsroom session started through one instance on the others, and counts failed sign-ins across them', async (ctx) => {
    if (skipped) return ctx.skip()
    const editor = await createStaff(services, { role: 'editor', email: 'desk@cluster.test' })
    const signedIn = await signIn(editor.email, testPassword, '198.51.100.2')
    expect(signedIn.status).toBe(303)
    const cookie = /dl_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')?.[0]
    expect(cookie).toBeDefined()
    for (const res of await everyInstance('/newsroom/', { headers: { cookie: cookie! } })) expect(res.status).toBe(200)

    // Five failures an hour per address (identity's throttle policy): spread over three instances, still five.
    const statuses: number[] = []
    const form = await signInForm('198.51.100.3')
    for (let i = 0; i < 6; i++) statuses.push((await signIn(`nobody${i}@cluster.test`, 'wrong password', '198.51.100.3', form)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  it('counts comment rate limits across instances', async (ctx) => {
    if (skipped) return ctx.skip()
    const { id } = await createArticle(services, { slug: 'rate-limits', headline: 'Rates go up', section: 'News', publishedAt: new Date(Date.now() - 60_000) })
    const statuses: number[] = []
    // Five a minute from one address by default; six posts through three instances.
    for (let n = 0; n < 6; n++) {
      const res = await fetch(`${site}/comments`, { method: 'POST', redirect: 'manual', headers: formHeaders('198.51.100.4'), body: commentForm(id, 100 + n) })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429])
  })

  it('publishes each scheduled article exactly once and runs each queued job once', async (ctx) => {
    if (skipped) return ctx.skip()
    const staff = await createStaff(services, { role: 'editor' })
    const actor = { id: staff.id, name: staff.name, email: staff.email, role: staff.role }
    const ids: number[] = []
    for (let i = 0; i < 12; i++) ids.push((await createArticle(services, { slug: `scheduled-${i}`, headline: `Scheduled story ${i}`, status: 'draft', publishedAt: undefined })).id)
    const at = new Date(Date.now() + 1_500)
    for (const id of ids) await scheduleArticle(services, actor, id, at)
    // Each instance polls the queue every 5 s.
    const tookMs = await within(15_000, async () => {
      const rows = await services.db.selectFrom('article').select('status').where('id', 'in', ids).execute()
      return rows.every((r) => r.status === 'published')
    }, 250)
    expect(tookMs).toBeGreaterThanOrEqual(0)
    expect(await allShow('/', 'Scheduled story 11')).toBe(true)
    const audits = await services.db.selectFrom('audit_log').select('subject')
      .where('action', '=', 'article.published').where('subject', 'in', ids.map((id) => `article:${id}`)).execute()
    expect(audits.length).toBe(ids.length)
    const jobs = await services.db.selectFrom('job').select(['status', 'attempts']).where('key', 'in', ids.map((id) => `publish-article:${id}`)).execute()
    expect(jobs.length).toBe(ids.length)
    for (const job of jobs) expect(job).toEqual({ status: 'done', attempts: 1 })
  }, 30_000)

  it('serves an image uploaded through one instance from every instance', async (ctx) => {
    if (skipped) return ctx.skip()
    const editor = await createStaff(services, { role: 'editor', email: 'photo@cluster.test' })
    const signedIn = await signIn(editor.email, testPassword, '198.51.100.5')
    const cookie = /dl_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0]
    const newsroom = await (await fetch(`${site}/newsroom/media`, { headers: { cookie } })).text()
    const csrf = /name="_csrf" value="([^"]+)"/.exec(newsroom)?.[1] ?? /name="csrf-token" content="([^"]+)"/.exec(newsroom)?.[1]
    expect(csrf).toBeDefined()
    const form = new FormData()
    form.set('alt', 'A tram at dusk')
    form.set('file', new Blob([new Uint8Array(await tinyImage('jpeg', 800, 500))], { type: 'image/jpeg' }), 'tram.jpg')
    const upload = await fetch(`${site}/newsroom/media`, { method: 'POST', headers: { cookie, origin: site, 'x-csrf-token': csrf!, accept: 'application/json' }, body: form })
    expect(upload.status).toBe(201)
    const media = await upload.json() as { variants: { url: string; bytes: number }[] }
    for (const variant of media.variants.slice(0, 2)) {
      for (const res of await everyInstance(variant.url)) {
        expect(res.status).toBe(200)
        expect((await res.arrayBuffer()).byteLength).toBe(variant.bytes)
      }
    }
  })

  it('loses no reader request when an instance is killed under load: nginx retries them on the others', async (ctx) => {
    if (skipped) return ctx.skip()
    const paths = ['/', '/feed/', '/news/bridge-vote/', '/news-sitemap.xml', '/search?q=tram', '/healthz']
    const failures: string[] = []
    let done = 0
    let stop = false
    const reader = async (r: number) => {
      // Bounded: each reader stops when told to, or after 400 requests.
      for (let n = 0; n < 400 && !stop; n++) {
        const path = paths[(r + n) % paths.length]!
        try {
          const res = await fetch(`${site}${path}`)
          await res.arrayBuffer()
          if (res.status !== 200) failures.push(`${path}: ${res.status}`)
        } catch (err) {
          failures.push(`${path}: ${(err as Error).message}`)
        }
        done++
      }
    }
    const running = Array.from({ length: 10 }, (_, r) => reader(r))
    await within(10_000, async () => done >= 150, 20)
    const victim = servers[1]!
    victim.child.kill('SIGKILL')
    const killedAt = done
    await victim.exited
    await within(10_000, async () => done >= killedAt + 300, 20)
    stop = true
    await Promise.all(running)
    expect(done).toBeGreaterThan(killedAt + 100)
    expect(failures).toEqual([])
  }, 40_000)
})
