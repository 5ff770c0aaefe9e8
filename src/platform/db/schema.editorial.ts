// Table types for revisions and the durable job queue; filled in by migration 0003-editorial.
import type { Generated, Selectable } from 'kysely'

/** One saved state of an article's editable fields; numbered 1, 2, 3… per article. */
export interface RevisionTable {
  id: Generated<number>
  article_id: number
  number: number
  /** JSON of every editable field at the time of the save. */
  snapshot: string
  /** Staff user who saved; null for the command line and imports. */
  staff_id: number | null
  created_at: string
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

/** Work to do at or after `run_at`, kept in the database so a restart loses none. */
export interface JobTable {
  id: Generated<number>
  kind: string
  /** JSON given to the handler. */
  payload: string
  run_at: string
  status: JobStatus
  /** Runs started so far, including the current one. */
  attempts: number
  /** While running: when the claim lapses and another worker may take the job over. */
  locked_until: string | null
  last_error: string
  /** Optional dedupe key such as `publish-article:12`: enqueueing the same key again replaces the job. */
  key: string | null
  created_at: string
}

export interface EditorialTables {
  revision: RevisionTable
  job: JobTable
}

export type RevisionRow = Selectable<RevisionTable>
export type JobRow = Selectable<JobTable>
