// Reads the environment once into a frozen, typed Config; a bad value stops start-up with one line naming it.

export interface Config {
  readonly host: string
  readonly port: number
  readonly databaseUrl: string
  readonly redisUrl: string | undefined
  /** Deadline for each Redis command, in ms; a Redis that stops answering costs a request at most this long. */
  readonly redisTimeoutMs: number
  /** Absolute base for every public link; never taken from the request's Host header. */
  readonly siteUrl: string
  readonly siteName: string
  readonly siteDescription: string
  readonly siteLanguage: string
  readonly siteTimezone: string
  /** Signs form tokens and cookies; when unset a random one is kept in the database. */
  readonly secret: string | undefined
  readonly pageCache: boolean
  /** Megabytes of rendered pages each process keeps (PAGE_CACHE_MB); a CDN in front holds the long tail. */
  readonly pageCacheMb: number
  readonly logLevel: string
  readonly mediaDir: string
  /** `s3://<bucket>?endpoint=<url>&region=<r>` keeps media in an S3-compatible object store instead of `mediaDir`. */
  readonly mediaStore: string | undefined
  /** Largest upload the media library accepts, in bytes. */
  readonly mediaMaxBytes: number
  readonly smtpUrl: string | undefined
  readonly mailFrom: string
  readonly trustProxy: boolean
  /** Megabytes of a SQLite database read through a memory map (SQLITE_MMAP_MB, default 0); mapped pages count as RSS. */
  readonly sqliteMmapMb: number
  /** SQLite searches on a second thread (SEARCH_THREAD, default on). */
  readonly searchThread: boolean
  /** Most connections each process opens to PostgreSQL (PG_POOL_MAX); see the README's sizing note. */
  readonly pgPoolMax: number
  /** Deadline of each PostgreSQL statement a request runs (PG_QUERY_TIMEOUT_MS); jobs and commands have none. */
  readonly pgQueryTimeoutMs: number
  /** Named prepared statements on PostgreSQL (PG_PREPARED_STATEMENTS); off only behind a pooler that cannot keep them. */
  readonly pgPreparedStatements: boolean
  /** App instances sharing the database (DATELINE_INSTANCES): `dateline doctor` checks their pools fit the server. */
  readonly instances: number
  /** Requests a minute one client may make to the read API (uncached); 0 turns the limit off. */
  readonly apiRateLimit: number
  /** Requests a minute a client sending a live API key may make to the read API (uncached), counted per key. */
  readonly apiKeyRateLimit: number
  /** Lets webhooks reach loopback and private addresses: for tests and closed networks only. */
  readonly webhookAllowPrivate: boolean
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

type Env = Record<string, string | undefined>

function text(env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim()
  return value ? value : fallback
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`)
  }
  return value
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase()
  if (!raw) return fallback
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  throw new ConfigError(`${name} must be on or off, got "${raw}"`)
}

function url(env: Env, name: string, fallback: string | undefined, protocols: string[]): string | undefined {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(`${name} must be a URL, got "${raw}"`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}, got "${raw}"`)
  }
  return raw
}

function databaseUrl(env: Env): string {
  const raw = text(env, 'DATABASE_URL', 'sqlite:./data/dateline.db')
  if (raw.startsWith('sqlite:') || raw.startsWith('postgres://') || raw.startsWith('postgresql://')) return raw
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${raw}"`)
}

function mediaStore(env: Env): string | undefined {
  const raw = env.MEDIA_STORE?.trim()
  if (!raw || raw === 'disk') return undefined
  let parsed: URL
  try {
    parsed = new URL(raw)
  } catch {
    throw new ConfigError(`MEDIA_STORE must be disk or s3://<bucket>?endpoint=<url>&region=<region>, got "${raw}"`)
  }
  if (parsed.protocol !== 's3:' || !parsed.hostname) throw new ConfigError(`MEDIA_STORE must be disk or s3://<bucket>?endpoint=<url>&region=<region>, got "${raw}"`)
  const endpoint = parsed.searchParams.get('endpoint')
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new ConfigError(`MEDIA_STORE's endpoint must be an http:// or https:// URL, got "${endpoint}"`)
  return raw
}

function timezone(env: Env): string {
  const zone = text(env, 'SITE_TIMEZONE', 'UTC')
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
  } catch {
    throw new ConfigError(`SITE_TIMEZONE must be an IANA time zone such as Europe/Lisbon, got "${zone}"`)
  }
  return zone
}

export function loadConfig(env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const host = text(env, 'HOST', '127.0.0.1')
  const siteUrl = url(env, 'SITE_URL', `http://localhost:${port}`, ['http:', 'https:'])!.replace(/\/+$/, '')
  const secret = env.SECRET?.trim() || undefined
  if (secret !== undefined && secret.length < 32) throw new ConfigError('SECRET must be at least 32 characters long')
  return Object.freeze({
    host,
    port,
    databaseUrl: databaseUrl(env),
    redisUrl: url(env, 'REDIS_URL', undefined, ['redis:', 'rediss:']),
    redisTimeoutMs: integer(env, 'REDIS_TIMEOUT_MS', 500, 10, 500),
    siteUrl,
    siteName: text(env, 'SITE_NAME', 'The Dateline Courier'),
    siteDescription: text(env, 'SITE_DESCRIPTION', 'Independent news from Halvern and the Oss valley.'),
    siteLanguage: text(env, 'SITE_LANGUAGE', 'en'),
    siteTimezone: timezone(env),
    secret,
    pageCache: flag(env, 'PAGE_CACHE', true),
    pageCacheMb: integer(env, 'PAGE_CACHE_MB', 64, 1, 4096),
    logLevel: text(env, 'LOG_LEVEL', 'info'),
    mediaDir: text(env, 'MEDIA_DIR', './data/media'),
    mediaStore: mediaStore(env),
    mediaMaxBytes: integer(env, 'MEDIA_MAX_BYTES', 15 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    smtpUrl: url(env, 'SMTP_URL', undefined, ['smtp:', 'smtps:']),
    mailFrom: text(env, 'MAIL_FROM', 'Dateline <no-reply@localhost>'),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    sqliteMmapMb: integer(env, 'SQLITE_MMAP_MB', 0, 0, 65536),
    searchThread: flag(env, 'SEARCH_THREAD', true),
    pgPoolMax: integer(env, 'PG_POOL_MAX', 10, 1, 1000),
    pgQueryTimeoutMs: integer(env, 'PG_QUERY_TIMEOUT_MS', 5000, 100, 600_000),
    pgPreparedStatements: flag(env, 'PG_PREPARED_STATEMENTS', true),
    instances: integer(env, 'DATELINE_INSTANCES', 1, 1, 1000),
    apiRateLimit: integer(env, 'API_RATE_LIMIT', 600, 0, 1_000_000),
    apiKeyRateLimit: integer(env, 'API_KEY_RATE_LIMIT', 6000, 1, 10_000_000),
    webhookAllowPrivate: flag(env, 'WEBHOOK_ALLOW_PRIVATE', false),
  })
}
