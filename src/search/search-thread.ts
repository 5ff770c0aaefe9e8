// Runs SQLite searches on a worker thread (search-worker.ts) and hands back their results; whenever that thread is not
// there to answer (not built, failed, stuck) the search runs here instead, so a reader always gets an answer.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SearchInput, SearchResults } from './fulltext.js'

export interface SearchThread {
  /** Starts the thread now rather than on the first search, which would otherwise wait for it (170–200 ms). */
  start(): void
  /** The search's results, or undefined when the thread could not answer and the caller should search itself. */
  search(input: SearchInput): Promise<SearchResults | undefined>
  close(): Promise<void>
}

interface Pending { resolve(r: SearchResults | undefined): void; timer: NodeJS.Timeout }

// A search takes milliseconds; one still running after this long means the thread is stuck.
const deadlineMs = 10_000
// After a failure the thread is started again on a later search, no sooner than this.
const restartAfterMs = 5_000

/**
 * A search thread for the SQLite file at `databaseUrl`, started by `start()` or the first search; undefined where none
 * can run (an in-memory database, which another thread cannot open, or no compiled worker beside this module, as under
 * the test runner).
 */
export function createSearchThread(
  databaseUrl: string,
  { log, workerUrl = new URL('./search-worker.js', import.meta.url) }: { log: { warn(obj: object, msg: string): void }; workerUrl?: URL },
): SearchThread | undefined {
  const file = databaseUrl.slice('sqlite:'.length)
  if (!databaseUrl.startsWith('sqlite:') || !file || file === ':memory:' || !existsSync(fileURLToPath(workerUrl))) return undefined
  let worker: Worker | undefined
  let ready: Promise<boolean> | undefined
  let failedAt = -Infinity
  let closed = false
  let nextId = 1
  const pending = new Map<number, Pending>()

  const settle = (id: number, result: SearchResults | undefined) => {
    const p = pending.get(id)
    if (!p) return
    pending.delete(id)
    clearTimeout(p.timer)
    p.resolve(result)
  }
  const fail = (w: Worker, reason: string, err?: unknown) => {
    if (worker !== w) return
    log.warn({ err }, `search thread ${reason}: searching on the main thread until it restarts`)
    worker = undefined
    ready = undefined
    failedAt = Date.now()
    for (const id of [...pending.keys()]) settle(id, undefined)
    void w.terminate()
  }
  const start = (): Promise<boolean> => {
    const w = new Worker(workerUrl, { workerData: { databaseUrl } })
    worker = w
    w.unref()
    return new Promise<boolean>((resolve) => {
      w.on('message', (m: { ready?: true; id?: number; result?: SearchResults; error?: string }) => {
        if (m.ready) return resolve(true)
        if (m.id === undefined) return
        // The search failed there (a fault of the database, say): here it runs again and fails or answers as it would.
        settle(m.id, m.error === undefined ? m.result : undefined)
      })
      w.on('error', (err) => { resolve(false); fail(w, 'failed', err) })
      w.on('exit', (code) => { resolve(false); fail(w, `stopped (exit code ${code})`) })
    })
  }

  /** The thread, started if it is not running and may be (not closed, not failed a moment ago); false if not. */
  const running = (): Promise<boolean> => {
    if (!ready) {
      if (closed || Date.now() - failedAt < restartAfterMs) return Promise.resolve(false)
      ready = start()
    }
    return ready
  }

  return {
    start() {
      void running()
    },
    async search(input) {
      const started = running()
      const w = worker
      if (!(await started) || !w || worker !== w) return undefined
      const id = nextId++
      return new Promise<SearchResults | undefined>((resolve) => {
        const timer = setTimeout(() => fail(w, `did not answer within ${deadlineMs} ms`), deadlineMs)
        pending.set(id, { resolve, timer })
        w.postMessage({ id, input })
      })
    },
    async close() {
      closed = true
      const w = worker
      worker = undefined
      ready = undefined
      for (const id of [...pending.keys()]) settle(id, undefined)
      await w?.terminate()
    },
  }
}
