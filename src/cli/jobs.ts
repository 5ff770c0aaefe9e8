// `dateline jobs [list|run]`: what the durable queue holds (and why a job failed), or run what is due once from a shell.
import type { Db } from '../platform/db/index.js'
import { countJobs, type JobRunner } from '../platform/jobs/index.js'

export const jobsUsage = `Usage: dateline jobs [list|run]
  list   counts by status, the next jobs due and the failed ones with their last error (the default)
  run    run every job that is due now, once (the server does this every few seconds)`

/** Runs one jobs subcommand; returns the process exit code. */
export async function jobsCommand({ db, jobs }: { db: Db; jobs: JobRunner }, args: string[], out: (line: string) => void = console.log): Promise<number> {
  const [sub = 'list'] = args
  if (sub === 'run') {
    const report = await jobs.tick()
    out(`Ran ${report.done} job(s); ${report.retried} will be retried; ${report.failed} failed for good.`)
    return report.failed ? 1 : 0
  }
  if (sub !== 'list') {
    out(jobsUsage)
    return 2
  }
  const counts = await countJobs(db)
  out(`queued ${counts.queued}, running ${counts.running}, done ${counts.done}, failed ${counts.failed}`)
  const due = await db.selectFrom('job').select(['id', 'kind', 'key', 'run_at']).where('status', '=', 'queued').orderBy('run_at').limit(20).execute()
  for (const j of due) out(`  #${j.id} ${j.kind}${j.key ? ` (${j.key})` : ''} due ${j.run_at}`)
  const failed = await db.selectFrom('job').select(['id', 'kind', 'attempts', 'last_error']).where('status', '=', 'failed').orderBy('id', 'desc').limit(20).execute()
  for (const j of failed) out(`  #${j.id} ${j.kind} failed after ${j.attempts} attempt(s): ${j.last_error}`)
  return 0
}
