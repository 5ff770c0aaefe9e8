// The one Redis connection a process shares (counters, publishing) and its subscriber, each command with a deadline:
// a Redis that stops answering (frozen, partitioned, a full output buffer) costs a request one short wait, never a hang.
import type { Redis } from 'ioredis'

interface Log {
  warn(obj: object, msg: string): void
  info(obj: object, msg: string): void
}

/** Thrown at once, without asking Redis, while it is known not to answer; callers fall back to what they do alone. */
export class RedisUnavailable extends Error {
  override name = 'RedisUnavailable'
  constructor() {
    super('Redis is not answering')
  }
}

export interface RedisLink {
  /**
   * Runs one command (or one MULTI) when Redis is answering. While it is not, this throws RedisUnavailable at once
   * and sends at most one PING in the background to learn when it is back; a timeout or lost connection starts such
   * an outage. An error Redis itself replies (a wrong type, say) is passed on and is not an outage.
   * @example const n = await link.run((redis) => redis.incr('dateline:counter'))
   */
  run<T>(command: (redis: Redis) => Promise<T>): Promise<T>
  /** Delivers every message on `channel`, subscribing again each time the connection is (re)made; returns a stop. */
  subscribe(channel: string, onMessage: (message: string) => void): () => Promise<void>
  /** QUIT, bounded by the deadline, then the socket is dropped: a frozen Redis never holds up a shutdown. */
  close(): Promise<void>
}

/** The connect timeout: a few command deadlines, never under a second, so a slow handshake on a busy host still passes. */
export const connectTimeoutFor = (timeoutMs: number) => Math.max(1000, timeoutMs * 4)

/**
 * Connects to Redis and waits for it at most the connect timeout; when it is not there yet the link starts in an
 * outage and joins in by itself once the connection is made.
 */
export async function openRedis(url: string, { timeoutMs, log }: { timeoutMs: number; log: Log }): Promise<RedisLink> {
  const { Redis } = await import('ioredis')
  const client = new Redis(url, {
    commandTimeout: timeoutMs,
    connectTimeout: connectTimeoutFor(timeoutMs),
    // No offline queue: while the connection is down a command fails at once instead of waiting in a list that
    // grows with every request; the outage logic below keeps callers from asking until Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // The subscriber re-subscribes itself on every 'ready' (see subscribe), including the first.
    autoResubscribe: false,
    retryStrategy: (times) => Math.min(times * 100, 2000),
  })

  let down = false
  let probing = false
  const failed = (err: unknown) => {
    if (down) return
    down = true
    log.warn({ err: describe(err) }, 'Redis is not answering: rate limits count in this process and other instances learn of changes through the change log until it is back')
  }
  const answered = () => {
    if (!down) return
    down = false
    log.info({}, 'Redis answers again: rate limits and cache invalidation are shared again')
  }
  const probe = () => {
    // While the connection is being re-made there is nothing to ask: its 'ready' ends the outage.
    if (probing || client.status !== 'ready') return
    probing = true
    client.ping().then(answered, () => {}).finally(() => { probing = false })
  }
  const watch = (c: Redis) => {
    c.on('error', failed)
    c.on('ready', answered)
  }
  watch(client)

  const ready = await waitForReady(client, connectTimeoutFor(timeoutMs))
  if (!ready) failed(new Error(`no answer within ${connectTimeoutFor(timeoutMs)} ms of connecting`))

  const subscribers = new Set<Redis>()
  return {
    async run(command) {
      if (down) {
        probe()
        throw new RedisUnavailable()
      }
      try {
        const result = await command(client)
        answered()
        return result
      } catch (err) {
        if ((err as Error)?.name !== 'ReplyError') failed(err)
        throw err
      }
    },
    subscribe(channel, onMessage) {
      const subscriber = client.duplicate()
      subscribers.add(subscriber)
      watch(subscriber)
      subscriber.on('message', (_channel: string, message: string) => onMessage(message))
      const join = () => void subscriber.subscribe(channel).catch(failed)
      subscriber.on('ready', join)
      if (subscriber.status === 'ready') join()
      return async () => {
        subscribers.delete(subscriber)
        await quitWithin(subscriber, timeoutMs)
      }
    },
    async close() {
      await Promise.all([...subscribers].map((s) => quitWithin(s, timeoutMs)))
      subscribers.clear()
      await quitWithin(client, timeoutMs)
    },
  }
}

function waitForReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer)
      client.off('ready', onReady)
      resolve(ok)
    }
    const onReady = () => done(true)
    const timer = setTimeout(() => done(false), ms)
    client.on('ready', onReady)
  })
}

async function quitWithin(client: Redis, ms: number): Promise<void> {
  if (client.status !== 'end') {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      client.quit().catch(() => {}),
      new Promise((resolve) => { timer = setTimeout(resolve, ms) }),
    ])
    clearTimeout(timer)
  }
  client.disconnect()
}

/** The message and code only: an outage is one line in the log, not a stack. */
function describe(err: unknown) {
  const e = err as { message?: string; code?: string }
  return { message: e?.message ?? String(err), ...(e?.code ? { code: e.code } : {}) }
}
