// The services every part of the app may be handed; each use case narrows it with Pick<Deps, …>.
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config/index.js'
import type { Db, DialectName } from './db/index.js'
import type { Clock } from './clock.js'
import type { Events } from './events.js'
import type { PageCache, InvalidationBus } from './cache/index.js'
import type { Mailer } from './mail/index.js'
import type { RedisLink } from './redis.js'

export interface Deps {
  config: Config
  db: Db
  dialect: DialectName
  clock: Clock
  events: Events
  cache: PageCache
  bus: InvalidationBus
  /** Signs form tokens and cookies. */
  secret: string
  /** Outgoing mail (SMTP, or the in-memory outbox when SMTP_URL is unset). */
  mail: Mailer
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>
  /** The process's one Redis connection when REDIS_URL is set: shared rate-limit counters and invalidation. */
  redis?: RedisLink | undefined
}
