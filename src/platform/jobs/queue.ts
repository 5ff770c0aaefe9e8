// The durable job queue's table operations: enqueue, cancel, claim due work atomically, record the outcome.
import type { Db, DialectName, JobRow } from '../db/index.js'
import { skipLockedRows, withWriteLock } from '../db/dialect.js'

export interface JobInput {
  kind: string
  payload?: unknown
  runAt: Date
  /** Enqueueing the same key again replaces the earlier job (new time, payload and attempts). */
  key?: string | undefined
}

export interface ClaimedJob {
  id: number
  kind: string
  payload: unknown
  attempts: number
  runAt: Date
  /** The claim's expiry; the outcome is recorded only while this claim still stands. */
  lockedUntil: string
}

const parsePayload = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/** Adds a job, or with a key replaces the job holding that key, even one that is running or finished. */
export async function enqueueJob(db: Db, job: JobInput, now: Date): Promise<void> {
  const values = {
    kind: job.kind,
    payload: JSON.stringify(job.payload ?? {}),
    run_at: job.runAt.toISOString(),
    status: 'queued' as const,
    attempts: 0,
    locked_until: null,
    last_error: '',
  }
  if (job.key === undefined) {
    await db.insertInto('job').values({ ...values, key: null, created_at: now.toISOString() }).execute()
    return
  }
  // A running job with this key loses its claim here, so its worker's outcome is ignored and this one stands.
  await db.insertInto('job').values({ ...values, key: job.key, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doUpdateSet(values)).execute()
}

/** Withdraws the queued job with this key; returns whether there was one. A running one finishes, and its handler re-checks its work. */
export async function cancelJob(db: Db, key: string): Promise<boolean> {
  const result = await db.deleteFrom('job').where('key', '=', key).where('status', '=', 'queued').executeTakeFirst()
  return Number(result.numDeletedRows) > 0
}

export async function findJobByKey(db: Db, key: string): Promise<JobRow | undefined> {
  return db.selectFrom('job').selectAll().where('key', '=', key).executeTakeFirst()
}

/**
 * Claims up to `limit` jobs that are due, or whose earlier claim lapsed (a worker died mid-run), for `leaseMs`.
 * Two workers, in one process or many, never claim the same job while its claim stands.
 */
export async function claimDueJobs(
  db: Db, dialect: DialectName, { now, leaseMs, limit }: { now: Date; leaseMs: number; limit: number },
): Promise<ClaimedJob[]> {
  const at = now.toISOString()
  const lockedUntil = new Date(now.getTime() + leaseMs).toISOString()
  const rows = await withWriteLock(db, dialect, async (trx) => {
    const due = await skipLockedRows(
      trx.selectFrom('job').select('id')
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', at)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
        ]))
        .orderBy('run_at').orderBy('id').limit(limit),
      dialect,
    ).execute()
    if (due.length === 0) return []
    return trx.updateTable('job')
      .set((eb) => ({ status: 'running' as const, locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due.map((d) => d.id))
      .returning(['id', 'kind', 'payload', 'attempts', 'run_at', 'locked_until'])
      .execute()
  })
  return rows
    .map((r) => ({ id: r.id, kind: r.kind, payload: parsePayload(r.payload), attempts: Number(r.attempts), runAt: new Date(r.run_at), lockedUntil }))
    .sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id)
}

/** Marks a claimed job done; false when its claim was taken away meanwhile (replaced or recovered). */
export async function completeJob(db: Db, job: ClaimedJob): Promise<boolean> {
  const result = await db.updateTable('job').set({ status: 'done', locked_until: null, last_error: '' })
    .where('id', '=', job.id).where('status', '=', 'running').where('locked_until', '=', job.lockedUntil).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Puts a failed job back in the queue at `retryAt`, or marks it failed for good when `retryAt` is undefined. */
export async function failJob(db: Db, job: ClaimedJob, error: string, retryAt: Date | undefined): Promise<boolean> {
  const result = await db.updateTable('job')
    .set(retryAt
      ? { status: 'queued', run_at: retryAt.toISOString(), locked_until: null, last_error: error.slice(0, 1000) }
      : { status: 'failed', locked_until: null, last_error: error.slice(0, 1000) })
    .where('id', '=', job.id).where('status', '=', 'running').where('locked_until', '=', job.lockedUntil).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Forgets finished jobs older than `before`; failed ones stay for an operator to read. */
export async function pruneDoneJobs(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('job').where('status', '=', 'done').where('run_at', '<', before.toISOString()).executeTakeFirst()
  return Number(result.numDeletedRows)
}

export interface JobCounts { queued: number; running: number; done: number; failed: number }

export async function countJobs(db: Db): Promise<JobCounts> {
  const rows = await db.selectFrom('job').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute()
  const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 }
  for (const r of rows) counts[r.status] = Number(r.n)
  return counts
}
