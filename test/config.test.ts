// Configuration: defaults for a first start, and one clear line naming the variable when a value is wrong.
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config/index.js'

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as Error).message
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`)
}

describe('configuration', () => {
  it('starts with sensible defaults on an empty environment', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      host: '127.0.0.1', port: 3000, databaseUrl: 'sqlite:./data/dateline.db', redisUrl: undefined,
      siteUrl: 'http://localhost:3000', siteTimezone: 'UTC', siteLanguage: 'en', pageCache: true, pageCacheMb: 64, trustProxy: false,
      redisTimeoutMs: 500,
    })
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('reads every value it is given', () => {
    const config = loadConfig({
      PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://u@db/news', REDIS_URL: 'redis://cache:6379', SITE_URL: 'https://news.example.org/',
      SITE_TIMEZONE: 'Europe/Lisbon', PAGE_CACHE: 'off', PAGE_CACHE_MB: '16', SQLITE_MMAP_MB: '256', TRUST_PROXY: 'yes', SITE_NAME: 'The Harbour Post',
    })
    expect(config).toMatchObject({
      port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://u@db/news', redisUrl: 'redis://cache:6379', siteUrl: 'https://news.example.org',
      siteTimezone: 'Europe/Lisbon', pageCache: false, pageCacheMb: 16, sqliteMmapMb: 256, trustProxy: true, siteName: 'The Harbour Post',
    })
  })

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number between 0 and 65535, got "abc"$/],
    [{ PORT: '70000' }, /^PORT .*"70000"/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with sqlite: or postgres:\/\/, got "mysql:\/\/x"$/],
    [{ SITE_TIMEZONE: 'Mars/Base' }, /^SITE_TIMEZONE must be an IANA time zone .*"Mars\/Base"$/],
    [{ SITE_URL: 'news.example.org' }, /^SITE_URL must be a URL/],
    [{ SITE_URL: 'ftp://news.example.org' }, /^SITE_URL must start with http:\/\/ or https:\/\//],
    [{ REDIS_URL: 'http://cache' }, /^REDIS_URL must start with redis:/],
    [{ PAGE_CACHE_MB: '0' }, /^PAGE_CACHE_MB must be a whole number between 1 and 4096, got "0"$/],
    [{ SQLITE_MMAP_MB: '-1' }, /^SQLITE_MMAP_MB must be a whole number between 0 and 65536, got "-1"$/],
    [{ REDIS_TIMEOUT_MS: '5000' }, /^REDIS_TIMEOUT_MS must be a whole number between 10 and 500, got "5000"$/],
    [{ PAGE_CACHE: 'maybe' }, /^PAGE_CACHE must be on or off/],
    [{ SECRET: 'short' }, /^SECRET must be at least 32 characters/],
  ])('refuses %j with one line naming the variable', (env, message) => {
    const text = refusal(env)
    expect(text).toMatch(message)
    expect(text).not.toContain('\n')
  })
})
