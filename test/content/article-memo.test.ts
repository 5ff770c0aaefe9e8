// Articles are remembered between renders the page cache does not answer; readers must still see every change at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findArticleBySlug } from '../../src/content/index.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'

describe.each(testDialects())('%s: remembered articles', (dialect) => {
  let t: TestApp
  // A reader who has commented carries a cookie, so the page cache never answers them: every view is rendered.
  const view = (path: string) => t.app.inject({ url: path, cookies: { dl_commenter: 'someone' } })

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await createArticle(t.services, { slug: 'weir-repairs', headline: 'Weir repairs begin', section: 'News', publishedAt: new Date('2026-11-24T10:00:00Z') })
  })
  afterAll(() => t.close())

  it('answers a repeat from memory while nothing has changed', async () => {
    const first = await findArticleBySlug(t.services.db, 'weir-repairs')
    expect(first?.headline).toBe('Weir repairs begin')
    expect(await findArticleBySlug(t.services.db, 'weir-repairs')).toBe(first)
    expect(await findArticleBySlug(t.services.db, 'no-such-story')).toBeUndefined()
  })

  it('shows an edited headline on the next view', async () => {
    expect((await view('/news/weir-repairs/')).body).toContain('Weir repairs begin')
    await createArticle(t.services, { slug: 'weir-repairs', headline: 'Weir repairs finish early', section: 'News', publishedAt: new Date('2026-11-24T10:00:00Z') })
    const page = await view('/news/weir-repairs/')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Weir repairs finish early')
    expect(page.body).not.toContain('Weir repairs begin')
  })

  it('sees a change another process wrote, through the shared change log', async () => {
    expect((await view('/news/weir-repairs/')).body).toContain('Weir repairs finish early')
    // As the CLI or a second instance does: change the row, then append to the change log (no event in this process).
    await t.services.db.updateTable('article').set({ headline: 'Weir reopens to boats' }).where('slug', '=', 'weir-repairs').execute()
    await t.services.db.insertInto('change_log').values({ tags: 'site', created_at: new Date().toISOString() }).execute()
    expect((await view('/news/weir-repairs/')).body).toContain('Weir reopens to boats')
  })

  it('withdraws an unpublished article at once', async () => {
    const { id } = await t.services.db.selectFrom('article').select('id').where('slug', '=', 'weir-repairs').executeTakeFirstOrThrow()
    await t.services.db.updateTable('article').set({ status: 'unpublished' }).where('id', '=', id).execute()
    await t.services.events.emit({ type: 'article.unpublished', articleId: id, tags: ['site'] })
    expect((await view('/news/weir-repairs/')).statusCode).toBe(410)
  })
})
