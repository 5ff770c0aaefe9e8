// Real processes for fault and cluster tests: free ports, server processes, a PostgreSQL of the test's own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))

/** A TCP port nobody listens on right now (the OS picks it; another process could still take it, rarely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** Builds dist/ once when it is missing or older than the sources, as `npm start` would. */
export function ensureBuilt(): void {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, encoding: 'utf8' })
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}${build.stderr}`)
}

/** The environment of a child process: this one's, without any Dateline setting that would leak in. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([k]) => !/^(PORT|HOST|DATABASE_URL|REDIS_URL|SITE_[A-Z]+|SECRET|PAGE_CACHE|MEDIA_DIR|MEDIA_STORE|TRUST_PROXY|LOG_LEVEL)$/.test(k))
  return { ...Object.fromEntries(kept), ...env }
}

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: string
  log: { text: string }
  exited: Promise<number | null>
  kill(signal?: NodeJS.Signals): Promise<void>
}

/** Starts `node dist/server.js` and resolves once it listens; the port is chosen by the caller or the OS. */
export async function startServer(env: Record<string, string>, { timeoutMs = 30_000 } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--no-memory-reducer', 'dist/server.js'], {
    cwd: root, env: cleanEnv({ PORT: '0', LOG_LEVEL: 'info', ...env }), stdio: ['ignore', 'pipe', 'pipe'],
  })
  const log = { text: '' }
  child.stdout!.on('data', (d: Buffer) => { log.text += d.toString() })
  child.stderr!.on('data', (d: Buffer) => { log.text += d.toString() })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start within ${timeoutMs} ms:\n${log.text}`)) }, timeoutMs)
    const check = () => {
      const m = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(log.text)
      if (m) {
        clearTimeout(timer)
        child.stdout!.off('data', check)
        resolve(Number(m[1]))
      }
    }
    child.stdout!.on('data', check)
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`server exited with ${code} before listening:\n${log.text}`)) })
  })
  return {
    child, port, url: `http://127.0.0.1:${port}`, log, exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}

export interface OwnPostgres {
  url: string
  port: number
  stop(): void
  start(): void
  /** SIGSTOP to the server and every backend: connections stay open and nothing answers, as on a hung host. */
  freeze(): void
  thaw(): void
  destroy(): void
}

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, trust auth, a free port), so a test can
 * stop and start it without touching the machine's shared one. Needs root (to run it as the `postgres` user) and
 * the server binaries; otherwise returns the reason it cannot, for the test to print when it skips.
 */
export async function startOwnPostgres(): Promise<OwnPostgres | string> {
  if (process.getuid?.() !== 0) return 'not running as root, so a private PostgreSQL cannot be started as the postgres user'
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : []
  const bin = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((b) => existsSync(join(b, 'initdb')))
  if (!bin) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin'
  const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
  const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
  if (ids.status !== 0) return 'no postgres user to run a private PostgreSQL as'
  const dir = mkdtempSync(join(tmpdir(), 'dateline-pg-'))
  chownSync(dir, Number(ids.stdout), Number(gids.stdout))
  const data = join(dir, 'data')
  const asPostgres = (args: string[]) => spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 60_000 })
  const init = asPostgres([join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    return `initdb failed: ${(init.stderr || init.stdout).trim().split('\n').pop()}`
  }
  // The postmaster (first line of its pid file) and its children, the backends and background workers.
  const serverProcesses = (): number[] => {
    const postmaster = existsSync(join(data, 'postmaster.pid')) ? Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) : 0
    if (!postmaster) return []
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number)
    return [postmaster, ...children]
  }
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`
  const own: OwnPostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start() {
      const r = asPostgres([join(bin, 'pg_ctl'), '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start'])
      if (r.status !== 0) throw new Error(`pg_ctl start failed: ${r.stderr || r.stdout}`)
    },
    // Immediate: the server goes as it would on a crash or a pulled cable, cutting every connection.
    stop() {
      const r = asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'])
      if (r.status !== 0) throw new Error(`pg_ctl stop failed: ${r.stderr || r.stdout}`)
    },
    freeze() {
      for (const pid of serverProcesses()) process.kill(pid, 'SIGSTOP')
    },
    thaw() {
      for (const pid of serverProcesses()) process.kill(pid, 'SIGCONT')
    },
    destroy() {
      own.thaw()
      asPostgres([join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'])
      rmSync(dir, { recursive: true, force: true })
    },
  }
  own.start()
  return own
}

/** Polls `probe` until it returns true or `withinMs` passes; resolves with the milliseconds it took, or -1. */
export async function within(withinMs: number, probe: () => Promise<boolean>, everyMs = 100): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < withinMs) {
    if (await probe().catch(() => false)) return Date.now() - started
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
  return -1
}
