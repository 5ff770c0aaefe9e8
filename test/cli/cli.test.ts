// The built `dateline` command and server as an operator runs them: exit codes, one-line messages, graceful shutdown.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/platform/db/index.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'))
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`)
}, 240_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The environment of a fresh install in its own folder; `env` overrides or adds variables. */
function envFor(name: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(PORT|HOST|DATABASE_URL|REDIS_URL|SITE_[A-Z]+|SECRET|PAGE_CACHE|MEDIA_DIR)$/.test(k)))
  return { ...clean, DATABASE_URL: `sqlite:${join(dir, `${name}.db`)}`, MEDIA_DIR: join(dir, `${name}-media`), ...env }
}

function dateline(args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() }
}

async function articleCount(name: string): Promise<number> {
  const handle = await createDb(`sqlite:${join(dir, `${name}.db`)}`)
  try {
    const row = await handle.db.selectFrom('article').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
    return Number(row.n)
  } finally {
    await handle.close()
  }
}

const article = (slug: string, headline: string) => JSON.stringify({
  slug, headline, standfirst: 'Summary.', body: 'One.\n\nTwo.', section: 'News', publishedAt: '2026-11-20T10:00:00Z',
})

describe('the dateline command', () => {
  it('migrates a new database, then says it is up to date', () => {
    const env = envFor('migrate')
    const first = dateline(['migrate'], env)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^Applied 0001-content(, [\w-]+)*$/)
    const second = dateline(['migrate'], env)
    expect(second).toMatchObject({ code: 0, stdout: 'The database is up to date.' })
  })

  it('runs as an executable, as npx and a PATH install run it', () => {
    const r = spawnSync(join(root, 'bin/dateline.js'), ['--help'], { cwd: root, env: envFor('exec'), encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('Usage: dateline <command>')
  })

  it('seeds the demo paper only when asked for it by name', async () => {
    const env = envFor('seed')
    expect(dateline(['seed'], env)).toMatchObject({ code: 2, stderr: 'seed needs --demo (the only seed there is)' })
    const seeded = dateline(['seed', '--demo'], env)
    expect(seeded.code).toBe(0)
    const n = Number(/^Seeded (\d+) demo articles\.$/.exec(seeded.stdout)?.[1])
    expect(n).toBeGreaterThanOrEqual(40)
    expect(await articleCount('seed')).toBe(n)
  }, 120_000)

  it('imports a file, reports bad lines by number with exit code 1, and updates on a second run', async () => {
    const env = envFor('import')
    const file = join(dir, 'articles.jsonl')
    writeFileSync(file, [article('cli-first', 'First from the command line'), '{not json', article('cli-second', 'Second from the command line')].join('\n'))
    const first = dateline(['import', file], env)
    expect(first).toEqual({
      code: 1, stderr: 'line 2: not valid JSON (skipped)', stdout: 'Imported 2 new and 0 updated articles; skipped 1 line.',
    })
    writeFileSync(file, [article('cli-first', 'First, corrected'), article('cli-second', 'Second from the command line')].join('\n'))
    expect(dateline(['import', file], env)).toEqual({ code: 0, stderr: '', stdout: 'Imported 0 new and 2 updated articles; skipped 0 lines.' })
    expect(await articleCount('import')).toBe(2)
  }, 60_000)

  it('prints the first-run setup code, the same each time, until an administrator exists', () => {
    const env = envFor('setup-code')
    const first = dateline(['setup-code'], env)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(dateline(['setup-code'], env).stdout).toBe(first.stdout)
    const file = join(dir, 'admin-pw')
    writeFileSync(file, 'a long enough passphrase\n')
    expect(dateline(['user', 'create', '--email', 'ada@courier.test', '--name', 'Ada', '--role', 'administrator', '--password-file', file], env).code).toBe(0)
    expect(dateline(['setup-code'], env)).toEqual({
      code: 1, stdout: '', stderr: 'The newsroom already has an administrator, so there is no setup code: sign in at http://localhost:3000/newsroom/sign-in',
    })
  }, 60_000)

  it('explains a missing file or an unknown command with exit code 2', () => {
    const env = envFor('usage')
    expect(dateline(['import', join(dir, 'nowhere.jsonl')], env)).toMatchObject({ code: 2, stderr: `No such file: ${join(dir, 'nowhere.jsonl')}` })
    expect(dateline(['import'], env)).toMatchObject({ code: 2, stderr: 'import needs a file: dateline import articles.jsonl' })
    const unknown = dateline(['publish-everything'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/^Unknown command "publish-everything"\.\n\nUsage: dateline <command>/)
  })

  it('stops at once on a bad environment value with one line naming the variable', () => {
    expect(dateline(['migrate'], envFor('bad', { PORT: 'abc' }))).toEqual({
      code: 2, stdout: '', stderr: 'Configuration error: PORT must be a whole number between 0 and 65535, got "abc"',
    })
    const server = spawnSync(process.execPath, ['dist/server.js'], { cwd: root, env: envFor('bad', { SITE_TIMEZONE: 'Mars/Base' }), encoding: 'utf8', timeout: 30_000 })
    expect(server.status).toBe(1)
    expect(server.stderr.trim()).toBe('Configuration error: SITE_TIMEZONE must be an IANA time zone such as Europe/Lisbon, got "Mars/Base"')
  })
})

describe('the server', () => {
  let child: ChildProcess | undefined
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL')
  })

  /** Resolves once the server's output matches; the output so far is kept in `log`. */
  function waitFor(pattern: RegExp, log: { text: string }): Promise<RegExpExecArray> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const m = pattern.exec(log.text)
        if (m) {
          child!.stdout!.off('data', check)
          resolve(m)
        }
      }
      child!.stdout!.on('data', check)
      child!.once('exit', (code) => reject(new Error(`server exited with ${code} before printing ${pattern}:\n${log.text}`)))
      check()
    })
  }

  it('serves with the Node flag the server needs, and stops cleanly when the command is told to', async () => {
    const log = { text: '' }
    child = spawn(join(root, 'bin/dateline.js'), ['serve'], { cwd: root, env: envFor('serve-cmd', { PORT: '0', LOG_LEVEL: 'info' }) })
    child.stdout!.on('data', (d: Buffer) => { log.text += d.toString() })
    child.stderr!.on('data', (d: Buffer) => { log.text += d.toString() })
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    const port = Number((await waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/, log))[1])
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    // A new install names its setup code in the log, and `dateline setup-code` prints that same code again.
    const logged = /No administrator yet: open http:\/\/localhost:0\/newsroom\/setup and enter the setup code ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(log.text)?.[1]
    expect(logged).toBeTruthy()
    expect(dateline(['setup-code'], envFor('serve-cmd'))).toEqual({
      code: 0, stdout: logged, stderr: 'Open http://localhost:3000/newsroom/setup and enter it to create the first administrator.',
    })
    // Run by `dateline serve`, the server has --no-memory-reducer (decision 0011), so it has nothing to warn about.
    expect(log.text).not.toContain('started without --no-memory-reducer')
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(log.text).toContain('shutting down')
  }, 60_000)

  it('finishes a request already in progress when told to stop, refuses new ones, and exits 0', async () => {
    const log = { text: '' }
    child = spawn(process.execPath, ['dist/server.js'], { cwd: root, env: envFor('serve', { PORT: '0', LOG_LEVEL: 'info' }) })
    child.stdout!.on('data', (d: Buffer) => { log.text += d.toString() })
    child.stderr!.on('data', (d: Buffer) => { log.text += d.toString() })
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    const port = Number((await waitFor(/Server listening at http:\/\/127\.0\.0\.1:(\d+)/, log))[1])
    // Started by plain `node`, not as npm start or the dateline command start it: the operator is told what they miss.
    expect(log.text).toContain('started without --no-memory-reducer')

    // A form post whose body is still arriving: the server has begun the request but cannot answer it yet.
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', resolve))
    let response = ''
    socket.on('data', (d) => { response += d.toString() })
    const ended = new Promise<void>((resolve) => socket.once('end', resolve))
    const body = 'q=harbour+tolls'
    socket.write(`POST /search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 4)}`)
    await waitFor(/"url":"\/search"[^\n]*"msg":"incoming request"/, log)

    child.kill('SIGTERM')
    await waitFor(/shutting down/, log)
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow()
    expect(child.exitCode).toBeNull()

    socket.write(body.slice(4))
    await ended
    const [head, html] = response.split('\r\n\r\n', 2) as [string, string]
    expect(head).toMatch(/^HTTP\/1\.1 \d{3} /)
    expect(Buffer.byteLength(html)).toBe(Number(/content-length: (\d+)/i.exec(head)?.[1]))
    expect(html).toContain('</html>')
    expect(await exited).toBe(0)
  }, 60_000)
})
