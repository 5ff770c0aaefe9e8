// SQLite on a full disk: writes are refused with a clear page and an error log line, reading goes on, and writing
// resumes once space is freed. The test mounts a small tmpfs of its own, so it needs root.
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp, createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { issueFormToken } from '../../src/comments/index.js'
import { createArticle } from '../support/factories.js'

const dir = mkdtempSync(join(tmpdir(), 'dateline-diskfull-'))
const mount = join(dir, 'small-disk')
let skipped = ''
let mounted = false

beforeAll(() => {
  if (process.getuid?.() !== 0) skipped = 'Disk-full test skipped: mounting a small tmpfs needs root.'
  else {
    spawnSync('mkdir', ['-p', mount])
    const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mount], { encoding: 'utf8' })
    if (r.status !== 0) skipped = `Disk-full test skipped: could not mount a tmpfs (${(r.stderr || '').trim()}).`
    else mounted = true
  }
  if (skipped) console.log(skipped)
})
afterAll(() => {
  if (mounted) spawnSync('umount', [mount])
  rmSync(dir, { recursive: true, force: true })
})

/** Writes a filler file until the disk refuses; returns its path. */
function fillDisk(): string {
  const filler = join(mount, 'filler')
  const fd = openSync(filler, 'w')
  const chunk = Buffer.alloc(16 * 1024, 7)
  try {
    for (let i = 0; i < 10_000; i++) writeSync(fd, chunk)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    closeSync(fd)
  }
  return filler
}

describe('SQLite when the disk is full', () => {
  let app: FastifyInstance
  let services: Services
  let articleId = 0
  const log: string[] = []
  beforeAll(async () => {
    if (skipped) return
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(mount, 'dateline.db')}`, SITE_URL: 'https://news.example.test', MEDIA_DIR: join(dir, 'media'),
      SECRET: 'test-secret-test-secret-test-secret-0123', PAGE_CACHE: 'off',
    })
    services = await createServices(config)
    const stream = new Writable({ write(chunk, _enc, done) { log.push(chunk.toString()); done() } })
    app = await buildApp(services, { logger: { level: 'info', stream } })
    await app.ready()
    articleId = (await createArticle(services, { slug: 'storm-warning', headline: 'Storm warning for the coast', section: 'News' })).id
  })
  afterAll(async () => {
    await app?.close()
    await services?.close()
  })

  let n = 0
  const post = () => {
    n++
    // Distinct text and a distinct address each time: neither the duplicate check nor the rate limit refuses.
    const comment = `Comment ${n}: ${Array.from({ length: 60 }, (_, i) => `word${(n * 61 + i) % 997}`).join(' ')} `.repeat(8).slice(0, 4900)
    return app.inject({
      method: 'POST', url: '/comments', remoteAddress: `10.9.${n >> 8}.${n & 255}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://news.example.test', accept: 'text/html' },
      payload: new URLSearchParams({
        article: String(articleId), token: issueFormToken(services.secret, articleId, new Date(Date.now() - 60_000)),
        name: `Reader ${n}`, email: `reader${n}@example.org`, website: '', comment,
      }).toString(),
    })
  }

  it('refuses writes with a clear page and a log line, keeps reading, and writes again once space is freed', async (ctx) => {
    if (skipped) return ctx.skip()
    expect((await post()).statusCode).toBe(303)
    const filler = fillDisk()

    // The journal may still have room for a few; the disk runs out within a bounded number of comments.
    let refused: Awaited<ReturnType<typeof post>> | undefined
    for (let i = 0; i < 300 && !refused; i++) {
      const res = await post()
      if (res.statusCode !== 303) refused = res
    }
    expect(refused?.statusCode).toBe(503)
    expect(refused!.headers['retry-after']).toBe('5')
    expect(refused!.headers['content-type']).toMatch(/^text\/html/)
    expect(refused!.body).toContain('out of storage space')
    expect(refused!.body).not.toMatch(/SQLITE|at .*\.js:\d+/)
    expect(log.join('')).toContain('database storage is full')

    const page = await app.inject('/news/storm-warning/')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Storm warning for the coast')
    expect((await app.inject('/')).statusCode).toBe(200)

    rmSync(filler)
    expect((await post()).statusCode).toBe(303)
  }, 60_000)
})
