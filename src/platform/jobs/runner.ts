// The scheduler: every few seconds it claims due jobs, runs each kind's handler, and retries failures with backoff.
import type { Db, DialectName } from '../db/index.js'
import type { Clock } from '../clock.js'
import { claimDueJobs, completeJob, failJob, pruneDoneJobs, type ClaimedJob } from './queue.js'

export type JobHandler = (payload: unknown, job: { id: number; kind: string; attempts: number }) => Promise<void>

export interface JobRunnerOptions {
  /** How often the loop looks for due work; at most 10 s so a scheduled article goes out within a minute. */
  intervalMs?: number
  /** How long a claim lasts before another worker may take the job over. */
  leaseMs?: number
  maxAttempts?: number
  /** Jobs claimed per tick. */
  batch?: number
}

export interface TickReport {
  done: number
  retried: number
  failed: number
}

export interface JobRunner {
  /** Adds the handler for one kind of job; one handler per kind. */
  register(kind: string, handler: JobHandler): void
  /** Claims and runs what is due now, once; the loop calls this, tests call it after moving the clock. */
  tick(): Promise<TickReport>
  /** Starts the polling loop (idempotent). */
  start(): void
  /** Stops the loop and waits for the tick in progress. */
  stop(): Promise<void>
}

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void }

/** Wait before the next attempt: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}

const dayMs = 86_400_000

export function createJobRunner(
  { db, dialect, clock, log }: { db: Db; dialect: DialectName; clock: Clock; log: Log },
  { intervalMs = 5_000, leaseMs = 120_000, maxAttempts = 5, batch = 20 }: JobRunnerOptions = {},
): JobRunner {
  const handlers = new Map<string, JobHandler>()
  let timer: NodeJS.Timeout | undefined
  let current: Promise<TickReport> | undefined
  let lastPrune = 0
  let started = false

  async function runOne(job: ClaimedJob, report: TickReport): Promise<void> {
    const handler = handlers.get(job.kind)
    const giveUp = async (message: string) => {
      await failJob(db, job, message, undefined)
      report.failed++
      log.error({ job: job.id, kind: job.kind, attempts: job.attempts }, `job failed for good: ${message}`)
    }
    if (!handler) return giveUp(`no handler for job kind "${job.kind}"`)
    // A job whose worker died mid-run comes back through a lapsed claim; it counts as an attempt like any other.
    if (job.attempts > maxAttempts) return giveUp(`gave up after ${maxAttempts} attempts`)
    try {
      await handler(job.payload, { id: job.id, kind: job.kind, attempts: job.attempts })
      await completeJob(db, job)
      report.done++
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      if (job.attempts >= maxAttempts) return giveUp(message)
      await failJob(db, job, message, new Date(clock.now().getTime() + retryDelayMs(job.attempts)))
      report.retried++
      log.warn({ job: job.id, kind: job.kind, attempts: job.attempts, err }, 'job failed; will retry')
    }
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { done: 0, retried: 0, failed: 0 }
    const now = clock.now()
    const jobs = await claimDueJobs(db, dialect, { now, leaseMs, limit: batch })
    for (const job of jobs) await runOne(job, report)
    if (now.getTime() - lastPrune > dayMs) {
      lastPrune = now.getTime()
      await pruneDoneJobs(db, new Date(now.getTime() - 7 * dayMs))
    }
    return report
  }

  function tick(): Promise<TickReport> {
    // One tick at a time per runner; a caller arriving mid-tick waits for it and then runs its own.
    const next = (current ?? Promise.resolve()).catch(() => {}).then(runTick)
    current = next
    return next.finally(() => { if (current === next) current = undefined })
  }

  function schedule(): void {
    timer = setTimeout(() => {
      tick().catch((err) => log.error({ err }, 'job tick failed')).finally(() => { if (started) schedule() })
    }, intervalMs)
    timer.unref()
  }

  return {
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`)
      handlers.set(kind, handler)
    },
    tick,
    start() {
      if (started) return
      started = true
      schedule()
    },
    async stop() {
      started = false
      if (timer) clearTimeout(timer)
      await current?.catch(() => {})
    },
  }
}
