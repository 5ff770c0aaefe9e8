// Backup and restore as an operator uses them to keep a paper safe, and to move it from SQLite to PostgreSQL and back.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildApp, createServices } from '../../src/app.js'
import { loadConfig, type Config } from '../../src/config/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import { createDb } from '../../src/platform/db/index.js'
import { seedDemo } from '../../src/content/seed-demo.js'
import { getSettings, saveSettings } from '../../src/content/index.js'
import { backupCommand, restoreCommand } from '../../src/cli/backup.js'
import { buildTestApp, testNow, type TestApp } from '../support/app.js'
import { freshDatabase, testDialects, type TestDialect } from '../support/db.js'
import { createStaff, signInAs } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { freshToken, postComment, reader } from '../comments/support.js'

const dir = mkdtempSync(join(tmpdir(), 'dateline-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Quiet the commands' report lines; the assertions read the database and the pages instead.
beforeAll(() => {
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
})

const env = (url: string, media: string) => ({
  DATABASE_URL: url, MEDIA_DIR: media, SITE_URL: 'https://news.example.test', SECRET: 'test-secret-test-secret-test-secret-0123',
})

/** Every row of every table the site keeps, in key order, for comparing two databases of either dialect. */
async function contents(url: string): Promise<Record<string, unknown[]>> {
  const handle = await createDb(url)
  try {
    const tables = ['section', 'topic', 'tag', 'author', 'article', 'article_topic', 'article_tag', 'article_author', 'correction',
      'staff_user', 'comment', 'slug_redirect', 'media', 'revision']
    const out: Record<string, unknown[]> = {}
    for (const t of tables) {
      const rows = await handle.db.selectFrom(t as 'article').selectAll().execute()
      out[t] = rows.map((r) => {
        // PostgreSQL's generated search columns are the database's own, rebuilt from the rows; SQLite has none.
        return Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !k.startsWith('search_'))
          .map(([k, v]) => [k, typeof v === 'boolean' ? Number(v) : v]))
      }).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    }
    return out
  } finally {
    await handle.close()
  }
}

/** A paper with everything a restore must keep: demo articles and pictures, staff, comments, a renamed section, settings. */
async function makePaper(dialect: TestDialect): Promise<TestApp> {
  const t = await buildTestApp({ dialect })
  await seedDemo(t.services)
  const editor = await createStaff(t.services, { role: 'editor', email: 'ed@newsroom.test' })
  const session = await signInAs(t, editor)
  expect(session.cookie).toBeTruthy()
  const article = (await t.services.db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
    .select(['article.id', 'article.slug', 'section.slug as section']).where('article.status', '=', 'published').orderBy('article.id').executeTakeFirstOrThrow())
  const path = `/${article.section}/${article.slug}/`
  const token = await freshToken(t, path)
  const posted = await postComment(t, { ...reader({ email: 'private.reader@example.org' }), token, article: String(article.id) })
  expect(posted.statusCode).toBeLessThan(400)
  await saveSettings(t.services, null, { ...(await getSettings(t.services.db)), name: 'The Restored Courier' })
  return t
}

// Search is left out across dialects: FTS5 and tsvector rank and cut snippets each their own way.
const pages = ['/', '/feed/', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt', '/topic/energy-crisis/', '/politics/']

async function render(config: Config, extra: string[]): Promise<Map<string, { status: number; body: string }>> {
  const services = await createServices(config, { clock: fixedClock(testNow) })
  const app = await buildApp(services)
  try {
    const out = new Map<string, { status: number; body: string }>()
    for (const url of [...pages, ...extra]) {
      const res = await app.inject({ url })
      out.set(url, { status: res.statusCode, body: res.body })
    }
    return out
  } finally {
    await app.close()
    await services.close()
  }
}

const directions: [TestDialect, TestDialect][] = testDialects().includes('postgres')
  ? [['sqlite', 'postgres'], ['postgres', 'sqlite']]
  : [['sqlite', 'sqlite']]

describe.each(directions)('backup on %s, restore into %s', (from, to) => {
  it('gives the same site: articles, comments, staff, settings, redirects, media, pages byte for byte', async () => {
    const source = await makePaper(from)
    const file = join(dir, `${from}-${to}.backup`)
    try {
      expect(await backupCommand(source.config, [file], () => new Date(testNow))).toBe(0)
      const target = await freshDatabase(to)
      const targetConfig = loadConfig(env(target.url, join(dir, `${from}-${to}-media`)))
      try {
        expect(await restoreCommand(targetConfig, [file])).toBe(0)
        expect(await contents(target.url)).toEqual(await contents(source.config.databaseUrl))

        const handle = await createDb(source.config.databaseUrl)
        const articles = await handle.db.selectFrom('article').innerJoin('section', 'section.id', 'article.section_id')
          .select(['article.slug', 'section.slug as section', 'article.image_url']).where('status', '=', 'published').orderBy('article.id').limit(3).execute()
        await handle.close()
        const extra = articles.map((a) => `/${a.section}/${a.slug}/`)
        const picture = articles.find((a) => a.image_url)?.image_url
        if (picture) extra.push(picture)
        const before = await render(source.config, extra)
        const after = await render(targetConfig, extra)
        for (const [url, page] of before) {
          expect(page.status, url).toBe(200)
          expect(after.get(url)?.body === page.body, `${url} differs after the restore`).toBe(true)
          expect(page.body).not.toContain('private.reader@example.org')
        }
        expect(before.get('/')!.body).toContain('The Restored Courier')

        // The restored paper goes on working: new rows get new ids, staff sign in with their old passwords.
        const again = await createServices(targetConfig, { clock: fixedClock(testNow) })
        try {
          const session = await signInAs({ services: again, config: targetConfig }, (await again.db.selectFrom('staff_user').selectAll().where('email', '=', 'ed@newsroom.test').executeTakeFirstOrThrow()) as never)
          expect(session.cookie).toBeTruthy()
          const next = await again.db.insertInto('section').values({ slug: 'new-desk', name: 'New desk', description: '', position: 99, created_at: testNow }).returning('id').executeTakeFirstOrThrow()
          expect(next.id).toBeGreaterThan(7)
        } finally {
          await again.close()
        }
      } finally {
        await target.drop()
      }
    } finally {
      await source.close()
    }
  }, 180_000)
})

describe.each(testDialects())('%s: restore refuses what would lose data', (dialect) => {
  let source: TestApp
  let file: string
  beforeAll(async () => {
    source = await buildTestApp({ dialect: 'sqlite' })
    await seedDemo(source.services)
    file = join(dir, `refuse-${dialect}.backup`)
    expect(await backupCommand(source.config, [file])).toBe(0)
  }, 120_000)
  afterAll(() => source.close())

  it('will not write into a database that already has a paper in it', async () => {
    const other = await buildTestApp({ dialect })
    try {
      await createArticle(other.services, { headline: 'Already here' })
      const before = await contents(other.config.databaseUrl)
      expect(await restoreCommand(other.config, [file])).toBe(1)
      expect(await contents(other.config.databaseUrl)).toEqual(before)
    } finally {
      await other.close()
    }
  })

  it('writes nothing from a backup cut off in the middle', async () => {
    const whole = gunzipSync(readFileSync(file)).toString('utf8').split('\n')
    const cut = join(dir, `cut-${dialect}.backup`)
    writeFileSync(cut, gzipSync(whole.slice(0, Math.floor(whole.length / 2)).join('\n')))
    const target = await freshDatabase(dialect)
    try {
      const config = loadConfig(env(target.url, join(dir, `cut-${dialect}-media`)))
      expect(await restoreCommand(config, [cut])).toBe(1)
      const handle = await createDb(target.url)
      try {
        expect(await handle.db.selectFrom('article').selectAll().execute()).toEqual([])
      } finally {
        await handle.close()
      }
    } finally {
      await target.drop()
    }
  })

  it('says so, without a stack trace, for a file that is not a backup', async () => {
    const junk = join(dir, `junk-${dialect}.backup`)
    writeFileSync(junk, 'not a backup at all')
    const target = await freshDatabase(dialect)
    try {
      expect(await restoreCommand(loadConfig(env(target.url, join(dir, 'junk-media'))), [junk])).toBe(1)
    } finally {
      await target.drop()
    }
  })
})

describe('the backup and restore commands', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const run = (args: string[], url: string, media: string) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(PORT|HOST|DATABASE_URL|REDIS_URL|SITE_[A-Z]+|SECRET|MEDIA_DIR)$/.test(k)))
    const r = spawnSync(process.execPath, ['bin/dateline.js', ...args], { cwd: root, env: { ...clean, DATABASE_URL: url, MEDIA_DIR: media }, encoding: 'utf8', timeout: 120_000 })
    return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() }
  }
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`)
  }, 240_000)

  it('report what they did in one line, and refuse wrong usage with exit code 2', () => {
    const a = `sqlite:${join(dir, 'cmd-a.db')}`
    const b = `sqlite:${join(dir, 'cmd-b.db')}`
    expect(run(['seed', '--demo'], a, join(dir, 'cmd-a-media')).code).toBe(0)
    const file = join(dir, 'cmd.backup')
    const backup = run(['backup', file], a, join(dir, 'cmd-a-media'))
    expect(backup).toMatchObject({ code: 0, stderr: '' })
    expect(backup.stdout).toMatch(/^Backed up [\d,]+ rows and \d+ media files to .*cmd\.backup\.$/)
    const restore = run(['restore', file], b, join(dir, 'cmd-b-media'))
    expect(restore.code).toBe(0)
    expect(restore.stdout).toMatch(/^Restored [\d,]+ rows and \d+ media files from /)
    expect(run(['restore', file], b, join(dir, 'cmd-b-media'))).toMatchObject({ code: 1, stderr: expect.stringMatching(/^Restore refused: restore needs an empty database, but \w+ has rows\.$/) })
    expect(run(['backup'], a, join(dir, 'cmd-a-media')).code).toBe(2)
    expect(run(['restore', join(dir, 'missing.backup')], b, join(dir, 'cmd-b-media'))).toMatchObject({ code: 2 })
  }, 180_000)
})
