// The one place where everything is wired, in order: services first, then the HTTP surfaces over them.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify'
import formbody from '@fastify/formbody'
import cookie from '@fastify/cookie'
import type { Config } from './config/index.js'
import { createDb, migrateToLatest, ping, type Db } from './platform/db/index.js'
import { systemClock, type Clock } from './platform/clock.js'
import { createEvents } from './platform/events.js'
import { createInvalidationBus, createPageCache } from './platform/cache/index.js'
import { createMailer } from './platform/mail/index.js'
import { openRedis } from './platform/redis.js'
import { createJobRunner, type JobRunner } from './platform/jobs/index.js'
import { registerContentJobs } from './content/index.js'
import { registerRelatedJobs, createSearchThread, type SearchThread } from './search/index.js'
import { registerWebhooks } from './webhooks/index.js'
import {
  cacheKey, commonHeaders, isPersonal, lookupPage, registerErrorHandling, requireAccessDeclarations, writeCachedPage, type Authorize,
} from './platform/http/index.js'
import type { Deps } from './platform/deps.js'
import { createSiteContext, loadAssets, siteRoutes } from './site/index.js'
import { feedRoutes } from './feeds/index.js'
import { commentFeedRoutes } from './feeds/comment-feeds.js'
import { commentRoutes, createCommentRenderer } from './site/comments.routes.js'
import { createAuthorize, newsroomPlugin } from './newsroom/index.js'
import { apiRoutes, authorizeApiKey } from './api/index.js'
import { ErrorPage, render, type SiteInfo } from './ui/index.js'

export interface Services extends Deps {
  /** The durable job queue's runner with every handler registered; the server starts its loop, tests call tick(). */
  jobs: JobRunner
  /** SQLite's searches on a second thread (SEARCH_THREAD); findSearchResults uses it when it is there. */
  searchThread?: SearchThread | undefined
  close(): Promise<void>
}

/** The secret from configuration, or one made on first start and kept in the database so every instance shares it. */
async function loadSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured
  const row = await db.selectFrom('setting').select('value').where('key', '=', 'secret').executeTakeFirst()
  if (row) return row.value
  await db.insertInto('setting').values({ key: 'secret', value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing()).execute()
  const again = await db.selectFrom('setting').select('value').where('key', '=', 'secret').executeTakeFirstOrThrow()
  return again.value
}

export async function createServices(config: Config, opts: {
  clock?: Clock; log?: Deps['log']; migrate?: boolean
  /** SQLite reads through a memory map (default): right for serving pages, not for a long bulk write (see connect). */
  /** Overrides SQLITE_MMAP_MB (an import reads through no map whatever the setting). */
  mmapMb?: number
} = {}): Promise<Services> {
  const log = opts.log ?? { info: () => {}, warn: () => {}, error: (...a: unknown[]) => console.error(...a), debug: () => {} }
  const handle = await createDb(config.databaseUrl, {
    poolMax: config.pgPoolMax, preparedStatements: config.pgPreparedStatements, mmapMb: opts.mmapMb ?? config.sqliteMmapMb,
    queryTimeoutMs: config.pgQueryTimeoutMs,
  })
  if (opts.migrate !== false) await migrateToLatest({ db: handle.background, dialect: handle.dialect })
  const cache = createPageCache({ enabled: config.pageCache, maxBytes: config.pageCacheMb * 1024 * 1024 })
  // One connection for counters and publishing, every command with a deadline (REDIS_TIMEOUT_MS).
  const redis = config.redisUrl ? await openRedis(config.redisUrl, { timeoutMs: config.redisTimeoutMs, log }) : undefined
  const bus = createInvalidationBus({ db: handle.db, cache, redis, onError: (err) => log.warn({ err }, 'cache invalidation failed') })
  const events = createEvents((err, event) => log.error({ err, event: event.type }, 'event handler failed'))
  // Every change purges the caches that show it, here and in every other process.
  events.on((event) => bus.publish(event.tags))
  const secret = await loadSecret(handle.db, config.secret)
  const clock = opts.clock ?? systemClock
  // Jobs run without the requests' deadline: the related-news rebuild ends with a VACUUM that can take seconds.
  const jobs = createJobRunner({ db: handle.background, dialect: handle.dialect, clock, log })
  registerContentJobs(jobs, { db: handle.background, clock, events })
  registerRelatedJobs(jobs, { db: handle.background, dialect: handle.dialect, clock, events })
  registerWebhooks(jobs, events, { db: handle.background, clock, config, log })
  const searchThread = handle.dialect === 'sqlite' && config.searchThread ? createSearchThread(config.databaseUrl, { log }) : undefined
  return {
    config, db: handle.db, dialect: handle.dialect, clock, events, cache, bus, secret, log, redis,
    mail: createMailer(config, log),
    jobs,
    searchThread,
    async close() {
      await searchThread?.close()
      await jobs.stop()
      await redis?.close()
      await handle.close()
    },
  }
}

export interface AppOptions {
  authorize?: Authorize
  /** Sees every route as it is registered: route listings, and the test that walks every route as every role. */
  onRoute?: (route: RouteOptions) => void
  logger?: boolean | object
}

/**
 * Requests a handler is still working on, per app. `app.close()` waits only for open connections, so a request whose
 * reader has gone (a closed tab, a load balancer's timeout) can still be running when the process closes its database;
 * it then failed at its next statement, logged as an unhandled error. Fastify runs onSend once the handler has
 * answered, the reader gone or not.
 */
const runningRequests = new WeakMap<FastifyInstance, Set<FastifyRequest>>()

/** Resolves once no request of `app` is running, or after `timeoutMs`; true when none is. */
export async function requestsFinished(app: FastifyInstance, timeoutMs: number): Promise<boolean> {
  const running = runningRequests.get(app)
  const deadline = Date.now() + timeoutMs
  while (running?.size) {
    if (Date.now() > deadline) return false
    await new Promise((r) => setTimeout(r, 20))
  }
  return true
}

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { cache, config } = deps
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
    // Cached pages for anonymous readers are answered before routing; everything else goes to Fastify.
    serverFactory: (handler) => createServer((req: IncomingMessage, res: ServerResponse) => {
      const page = lookupPage(cache, req)
      if (page) return writeCachedPage(req, res, page)
      handler(req, res)
    }),
  })
  const assets = loadAssets()
  const context = createSiteContext(deps, assets)
  const errorSite = (): SiteInfo => {
    const stored = context.knownSettings()
    return {
      name: stored?.name ?? config.siteName, description: stored?.description ?? config.siteDescription, url: config.siteUrl,
      language: stored?.language ?? config.siteLanguage, timeZone: stored?.timeZone ?? config.siteTimezone, sections: [],
      now: deps.clock.now(), stylesheet: assets.path('site.css'), logo: assets.path('logo.svg'),
    }
  }
  registerErrorHandling(app, (_req, view) => render(ErrorPage({ site: errorSite(), status: view.status, message: view.message })), {
    staleCopy: (req) => (isPersonal(req.headers.cookie) ? undefined : cache.getStale(cacheKey(req.raw))),
  })
  // Every non-public route, whichever surface it belongs to, is checked against the staff session.
  const sessions = opts.authorize ?? createAuthorize(deps)
  // Routes for programs ('api-key') take a bearer key and never a session; every other route takes the session.
  requireAccessDeclarations(app, (req, access) => (access === 'api-key' ? authorizeApiKey(deps, req) : sessions(req, access)))
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute)

  const running = new Set<FastifyRequest>()
  runningRequests.set(app, running)
  app.addHook('onRequest', async (req, reply) => {
    const page = lookupPage(cache, req.raw)
    if (page) {
      reply.hijack()
      writeCachedPage(req.raw, reply.raw, page)
      return
    }
    running.add(req)
  })
  app.addHook('onSend', async (req, reply) => {
    running.delete(req)
    reply.headers(commonHeaders)
  })

  await app.register(formbody, { bodyLimit: 256 * 1024 })
  await app.register(cookie, { secret: deps.secret })

  app.get('/healthz', { config: { access: 'public' } }, async (_req, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }))
  app.get('/readyz', { config: { access: 'public' } }, async (_req, reply) => {
    try {
      await ping(deps.db)
      return reply.header('cache-control', 'no-store').send({ status: 'ready' })
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ error: { code: 'NOT_READY', message: 'database unreachable' } })
    }
  })

  await app.register(apiRoutes, { deps })
  await app.register(feedRoutes, { deps, siteInfo: context.siteInfo })
  await app.register(commentFeedRoutes, { deps, siteInfo: context.siteInfo })
  await app.register(commentRoutes, { deps, context, assets })
  await app.register(siteRoutes, { deps, context, assets, renderComments: createCommentRenderer(deps, assets, context) })
  await app.register(newsroomPlugin, { prefix: '/newsroom', deps, assetPath: assets.path })
  return app
}

