// A real redis-server of the test's own on a free port, which the test can freeze (SIGSTOP), thaw and restart.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** Why Redis fault tests cannot run here, or undefined when they can. */
export function redisServerMissing(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  return probe.status === 0 ? undefined : 'no redis-server on PATH (apt-get install redis-server)'
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

export interface TestRedis {
  url: string
  /** Stops the process answering without closing a connection: what a frozen or partitioned Redis looks like. */
  freeze(): void
  thaw(): void
  /** Kills it and starts a new, empty one on the same port: every client loses its connection. */
  restart(): Promise<void>
  /** Starts it again on the same port after stop(). */
  start(): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  let child: ChildProcess
  const launch = () => new Promise<ChildProcess>((resolve, reject) => {
    const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('Ready to accept connections')) resolve(p)
    })
    p.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)))
  })
  const end = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGCONT')
    child.kill('SIGKILL')
    await exited
  }
  child = await launch()
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
    async restart() {
      await end()
      child = await launch()
    },
    async start() {
      child = await launch()
    },
    stop: end,
  }
}
