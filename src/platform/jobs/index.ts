// The durable job queue and its scheduler: scheduled publishing, and later webhooks and e-mail, survive restarts.
/**
 * Queue work for later, keyed so it can be replaced or withdrawn:
 * @example
 * await enqueueJob(db, { kind: 'publish-article', payload: { articleId: 12 }, runAt, key: 'publish-article:12' }, clock.now())
 * await cancelJob(db, 'publish-article:12')
 *
 * Run it: one runner per process, its handlers registered by kind, its loop started by the server.
 * @example
 * const runner = createJobRunner({ db, dialect, clock, log })
 * runner.register('publish-article', async (payload) => { … })
 * runner.start()        // polls every 5 s; `await runner.tick()` runs what is due once (tests)
 */
export {
  enqueueJob, cancelJob, findJobByKey, claimDueJobs, completeJob, failJob, pruneDoneJobs, countJobs,
  type JobInput, type ClaimedJob, type JobCounts,
} from './queue.js'
export { createJobRunner, retryDelayMs, type JobRunner, type JobHandler, type JobRunnerOptions, type TickReport } from './runner.js'
