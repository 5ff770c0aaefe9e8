// Media in an S3-compatible store (s3rver on loopback): uploads land in the bucket, every instance serves them, a library moves there.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp, createServices } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { createMediaStore, diskMediaStore } from '../../src/media/index.js'
import { mediaCommand } from '../../src/cli/media.js'
import { buildTestApp, testNow, type TestApp } from '../support/app.js'
import { signInAs, type StaffSession } from '../support/auth.js'
import { tinyImage } from './images.js'

const dir = mkdtempSync(join(tmpdir(), 'dateline-s3-'))
let server: { close(): Promise<void> } | undefined
let endpoint = ''
let skipped = ''

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = 'S3RVER'
  process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER'
  try {
    const { default: S3rver } = await import('s3rver')
    const s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 'bucket-data'), configureBuckets: [{ name: 'media' }, { name: 'moved' }] })
    const { port } = await s3.run()
    server = s3
    endpoint = `http://127.0.0.1:${port}`
  } catch (err) {
    skipped = `S3 store tests skipped: no S3-compatible server could start on loopback (${(err as Error).message}).`
    console.log(skipped)
  }
})
afterAll(async () => {
  await server?.close().catch(() => {})
  rmSync(dir, { recursive: true, force: true })
})

const storeUrl = (bucket: string) => `s3://${bucket}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1`

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----dateline${Math.random().toString(16).slice(2)}`
  const parts: Buffer[] = []
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`))
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'))
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

describe('media in an S3-compatible store', () => {
  let a: TestApp
  let editor: StaffSession
  beforeAll(async () => {
    if (skipped) return
    a = await buildTestApp({ env: { MEDIA_STORE: storeUrl('media'), MEDIA_DIR: join(dir, 'unused-media') } })
    editor = await signInAs(a, 'editor')
  })
  afterAll(() => a?.close())

  it('stores an upload and its variants in the bucket, and serves them from /media/ with immutable caching', async (ctx) => {
    if (skipped) return ctx.skip()
    const body = multipart({ alt: 'A tram at dusk' }, { name: 'tram.jpg', type: 'image/jpeg', bytes: await tinyImage('jpeg', 800, 500) })
    const res = await a.app.inject({ method: 'POST', url: '/newsroom/media', payload: body.payload, headers: { ...editor.headers, 'content-type': body.contentType, accept: 'application/json' } })
    expect(res.statusCode).toBe(201)
    const media = res.json() as { variants: { url: string; bytes: number }[] }
    const inBucket: string[] = []
    for await (const name of createMediaStore({ mediaDir: '', mediaStore: storeUrl('media') }).list()) inBucket.push(name)
    for (const v of media.variants) expect(inBucket).toContain(v.url.slice('/media/'.length))
    expect(readdirSync(dir)).not.toContain('unused-media')

    const file = await a.app.inject(media.variants[0]!.url)
    expect(file.statusCode).toBe(200)
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(file.rawPayload.length).toBe(media.variants[0]!.bytes)
    const again = await a.app.inject({ url: media.variants[0]!.url, headers: { 'if-none-match': file.headers.etag as string } })
    expect(again.statusCode).toBe(304)

    // A second instance, with its own (empty) disk, serves the same file from the bucket.
    const config = loadConfig({ DATABASE_URL: a.config.databaseUrl, MEDIA_STORE: storeUrl('media'), MEDIA_DIR: join(dir, 'other-instance'), SECRET: 'test-secret-test-secret-test-secret-0123' })
    const services = await createServices(config, { clock: fixedClock(testNow) })
    const b = await buildApp(services)
    try {
      const fromB = await b.inject(media.variants.at(-1)!.url)
      expect(fromB.statusCode).toBe(200)
      expect(fromB.rawPayload.length).toBe(media.variants.at(-1)!.bytes)
    } finally {
      await b.close()
      await services.close()
    }
  })

  it('answers 404 for a name the bucket does not hold', async (ctx) => {
    if (skipped) return ctx.skip()
    expect((await a.app.inject('/media/0123456789abcdef0123-640.jpg')).statusCode).toBe(404)
  })

  it('copies a disk library to the bucket with `dateline media migrate`, and a second run copies nothing', async (ctx) => {
    if (skipped) return ctx.skip()
    const library = join(dir, 'old-disk')
    const disk = diskMediaStore(library)
    await disk.put('aaaa1111-640.jpg', await tinyImage('jpeg', 64, 48))
    await disk.put('aaaa1111-320.webp', await tinyImage('webp', 32, 24))
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', MEDIA_DIR: library })
      expect(await mediaCommand(config, ['migrate', '--to', storeUrl('moved')])).toBe(0)
      expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/^Copied 2 media files; 0 were already there/))
      expect(await mediaCommand(config, ['migrate', '--to', storeUrl('moved')])).toBe(0)
      expect(log).toHaveBeenLastCalledWith(expect.stringMatching(/^Copied 0 media files; 2 were already there/))
    } finally {
      log.mockRestore()
    }
    const moved = createMediaStore({ mediaDir: '', mediaStore: storeUrl('moved') })
    expect(await moved.get('aaaa1111-640.jpg')).toEqual(await disk.get('aaaa1111-640.jpg'))
    expect(await mediaCommand(loadConfig({ DATABASE_URL: 'sqlite::memory:' }), ['migrate'])).toBe(2)
  })

  it('answers 503 with Retry-After, quickly, when the store stops answering', async (ctx) => {
    if (skipped) return ctx.skip()
    const dead = await buildTestApp({ env: { MEDIA_STORE: 's3://media?endpoint=http%3A%2F%2F127.0.0.1%3A9&region=us-east-1' } })
    try {
      const started = Date.now()
      const res = await dead.app.inject('/media/0123456789abcdef0123-640.jpg')
      expect(res.statusCode).toBe(503)
      expect(res.headers['retry-after']).toBe('5')
      expect(res.body).not.toMatch(/at .*\.js:\d+/)
      expect(Date.now() - started).toBeLessThan(10_000)
    } finally {
      await dead.close()
    }
  })
})
