// `dateline comments …` against a running server: list, approve from "another process", export and erase.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { createServices, type Services } from '../../src/app.js'
import { commentsCommand } from '../../src/cli/comments.js'
import { saveCommentPolicy } from '../../src/comments/index.js'
import { freshToken, postComment } from './support.js'

describe.each(testDialects())('%s: dateline comments', (dialect) => {
  let t: TestApp
  let cli: Services
  let stopWatching: () => Promise<void>
  const email = 'Cli.Reader@example.org'
  let heldId = 0

  function run(args: string[]) {
    const out: string[] = []
    const err: string[] = []
    return commentsCommand(cli, args, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }))
  }

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
    // The CLI is another process: its own services on the same database, no shared cache or bus.
    cli = await createServices(t.config, { clock: t.clock })
    stopWatching = t.services.bus.watch()
    const a = await createArticle(t.services, { slug: 'cli-story', headline: 'A story for the command line', section: 'News' })
    for (const text of ['First held comment from the CLI reader.', 'A reply in a thread.']) {
      const token = await freshToken(t, '/news/cli-story/')
      const res = await postComment(t, { article: String(a.id), token, name: 'Cli Reader', email, comment: text })
      heldId ||= Number(/#comment-(\d+)/.exec(res.headers.location!)![1])
    }
  })
  afterAll(async () => {
    await stopWatching()
    await cli.close()
    await t.close()
  })

  it('lists pending comments, as text and as JSON without emails', async () => {
    const text = await run(['list', '--status', 'pending'])
    expect(text.code).toBe(0)
    expect(text.out).toContain('2 pending')
    expect(text.out).toContain(`#${heldId}`)
    const json = await run(['list', '--json'])
    const items = JSON.parse(json.out)
    expect(items[0]).toMatchObject({ status: 'pending', name: 'Cli Reader' })
    expect(json.out).not.toContain('@example.org')
  })

  it('approves from the command line and the running server shows it within seconds', async () => {
    expect((await t.app.inject('/news/cli-story/')).body).not.toContain('First held comment')
    expect((await t.app.inject('/news/cli-story/')).headers['x-cache']).toBe('HIT')
    const res = await run(['approve', String(heldId)])
    expect(res.code).toBe(0)
    expect(res.out).toContain(`#${heldId}: approved`)
    await vi.waitFor(async () => {
      expect((await t.app.inject('/news/cli-story/')).body).toContain('First held comment from the CLI reader.')
    }, { timeout: 5000, interval: 100 })
  })

  it('refuses a bad id or action with a message and a non-zero code', async () => {
    expect((await run(['approve', 'abc'])).code).toBe(2)
    const twice = await run(['approve', String(heldId)])
    expect(twice.code).toBe(1)
    expect(twice.err).toContain('cannot approve a comment that is approved')
    expect((await run(['list', '--status', 'bogus'])).code).toBe(2)
  })

  it('exports a commenter\'s data as JSON and erases it by anonymising', async () => {
    const exported = JSON.parse((await run(['export', '--email', email.toLowerCase()])).out)
    expect(exported.comments).toHaveLength(2)
    expect(exported.comments[0]).toMatchObject({ name: 'Cli Reader', text: 'First held comment from the CLI reader.' })
    const erased = await run(['erase', '--email', email, '--mode', 'anonymise'])
    expect(erased.out).toContain('anonymised 2')
    expect(JSON.parse((await run(['export', '--email', email])).out).comments).toHaveLength(0)
    await vi.waitFor(async () => {
      const page = (await t.app.inject('/news/cli-story/')).body
      expect(page).toContain('Anonymous')
      expect(page).not.toContain('Cli Reader')
    }, { timeout: 5000, interval: 100 })
  })
})
