import { Readable } from 'node:stream'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { formPost, signInAs } from '../support/auth.js'
import { deleteArticle, findArticleBySlug, importArticles, saveArticle, type ArticleInput } from '../../src/content/index.js'
import { findRelated, rebuildRelated } from '../../src/search/index.js'
import { relatedCommand } from '../../src/cli/related.js'
import { evalArticles, evalStart, type EvalArticle } from './related-eval.js'

const day = 86_400_000
const stories = new Set(['ferry', 'spill', 'mayor', 'decoy-festival', 'decoy-shoplifting'])
const chosen = evalArticles.filter((a) => stories.has(a.story))
const later = ['ferry-6', 'ferry-7']
const input = (a: EvalArticle): ArticleInput => ({
  slug: a.slug, headline: a.headline, standfirst: a.standfirst, body: a.body, section: a.section, status: 'published',
  publishedAt: new Date(evalStart + a.day * day + evalArticles.indexOf(a) * 60_000),
})
const jsonLines = (list: EvalArticle[]) => Readable.from(list.map((a) => `${JSON.stringify({ ...input(a), publishedAt: input(a).publishedAt!.toISOString() })}\n`))

async function runJobs(t: TestApp): Promise<void> {
  for (let i = 0; i < 20; i++) if ((await t.services.jobs.tick()).done === 0) return
}

describe.each(testDialects())('%s: related news worked out when content changes', (dialect) => {
  let t: TestApp
  const shown = async (slug: string) => {
    const r = await findRelated(t.services, (await findArticleBySlug(t.services.db, slug))!)
    return [r.alsoRead?.slug, ...r.related.map((s) => s.slug)].filter(Boolean) as string[]
  }

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    t.clock.set(new Date(evalStart + 400 * day))
    await importArticles(t.services, jsonLines(chosen.filter((a) => !later.includes(a.slug))))
  }, 60_000)
  afterAll(() => t.close())

  it('queues one job for a whole import, however many articles it brings', async () => {
    const jobs = await t.services.db.selectFrom('job').select(['kind', 'status', 'run_at']).where('kind', '=', 'related-refresh').execute()
    expect(jobs).toHaveLength(1)
    expect(jobs[0]!.status).toBe('queued')
    expect(Date.parse(jobs[0]!.run_at)).toBeLessThanOrEqual(t.clock.now().getTime())
    const pending = await t.services.db.selectFrom('related_pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
    expect(Number(pending?.n)).toBe(chosen.length - later.length)
    await runJobs(t)
    expect(await shown('ferry-3')).toContain('ferry-4')
  })

  it('shows a new article of a running story on the older ones once the job has run', async () => {
    await saveArticle(t.services, input(evalArticles.find((a) => a.slug === 'ferry-6')!))
    // Stored picks are what a page shows: until the job runs, the older articles do not know of it.
    expect(await shown('ferry-3')).not.toContain('ferry-6')
    // The page read now is remembered with the picks it came with; the job's new picks must replace them.
    expect((await t.app.inject('/news/ferry-3/')).body).not.toContain('/ferry-6/')
    const job = await t.services.db.selectFrom('job').select('run_at').where('kind', '=', 'related-refresh').where('status', '=', 'queued').executeTakeFirstOrThrow()
    expect(Date.parse(job.run_at) - t.clock.now().getTime()).toBeLessThan(60_000)
    await runJobs(t)
    for (const older of ['ferry-3', 'ferry-4', 'ferry-5']) expect(await shown(older), older).toContain('ferry-6')
    expect((await t.app.inject('/news/ferry-3/')).body).toContain('/ferry-6/')
    expect(await shown('decoy-festival-1')).not.toContain('ferry-6')
  })

  it('takes an unpublished article off every page that showed it, and out of the index', async () => {
    const before = await t.services.db.selectFrom('related_pick').select('article_id').where('related_id', '=',
      (await findArticleBySlug(t.services.db, 'ferry-6'))!.id).execute()
    expect(before.length).toBeGreaterThan(0)
    await saveArticle(t.services, { ...input(evalArticles.find((a) => a.slug === 'ferry-6')!), status: 'unpublished' })
    await runJobs(t)
    const id = (await t.services.db.selectFrom('article').select('id').where('slug', '=', 'ferry-6').executeTakeFirstOrThrow()).id
    expect(await t.services.db.selectFrom('related_pick').select('article_id').where('related_id', '=', id).execute()).toHaveLength(0)
    expect(await t.services.db.selectFrom('related_profile').select('article_id').where('article_id', '=', id).execute()).toHaveLength(0)
    // Still three or more on the story's other pages.
    expect((await shown('ferry-3')).length).toBeGreaterThanOrEqual(3)
  })

  it('forgets a deleted article: its postings go and no page keeps it', async () => {
    const editor = await signInAs(t, 'editor')
    const id = (await findArticleBySlug(t.services.db, 'mayor-6'))!.id
    expect(await shown('mayor-5')).toContain('mayor-6')
    await deleteArticle(t.services, editor.user, id)
    await runJobs(t)
    expect(await t.services.db.selectFrom('related_posting').select('article_id').where('article_id', '=', id).execute()).toHaveLength(0)
    expect(await shown('mayor-5')).not.toContain('mayor-6')
    expect((await shown('mayor-5')).length).toBeGreaterThanOrEqual(3)
  })

  it('never shows the same agency copy imported twice as related, and names earlier coverage on the article page', async () => {
    expect(await shown('ferry-1')).not.toContain('ferry-2')
    expect(await shown('ferry-2')).not.toContain('ferry-1')
    expect(await shown('spill-3')).not.toContain('spill-1')
    const page = await t.app.inject('/news/ferry-4/')
    expect(page.statusCode).toBe(200)
    const earlier = /class="earlier-coverage"><strong>Earlier coverage:<\/strong> <a href="([^"]+)"/.exec(page.body)
    expect(earlier?.[1]).toBe('/news/ferry-3/')
    // The update of the spill story does not name the story it repeats as its earlier coverage.
    const update = await t.app.inject('/environment/spill-3/')
    expect(update.body).not.toContain('href="/environment/spill-1/"')
  })

  it('lets an editor pin and exclude related articles; both survive the job and a rebuild', async () => {
    const editor = await signInAs(t, 'editor')
    const ferry3 = (await findArticleBySlug(t.services.db, 'ferry-3'))!
    const editorPage = await t.app.inject({ url: `/newsroom/articles/${ferry3.id}`, headers: { cookie: editor.cookie } })
    expect(editorPage.body).toContain('id="related-heading"')
    expect(editorPage.body).toContain('Chosen from the words')
    const pin = await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: '/culture/decoy-festival-1/', mode: 'pin' }))
    expect(pin.statusCode).toBe(303)
    const exclude = await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: 'ferry-4', mode: 'exclude' }))
    expect(exclude.statusCode).toBe(303)
    const check = async () => {
      const list = await shown('ferry-3')
      expect(list[0]).toBe('decoy-festival-1')
      expect(list).not.toContain('ferry-4')
    }
    await check()
    const page = await t.app.inject('/news/ferry-3/')
    expect(page.body).toContain('/culture/decoy-festival-1/')
    // An edit of the article queues it again; the job keeps the editor's choices.
    await saveArticle(t.services, { ...input(evalArticles.find((a) => a.slug === 'ferry-3')!), standfirst: 'Inspectors board the stranded ferry.' })
    await runJobs(t)
    await check()
    await rebuildRelated(t.services)
    await check()
    // Released, the pin goes.
    await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: '/culture/decoy-festival-1/', mode: 'release' }))
    expect(await shown('ferry-3')).not.toContain('decoy-festival-1')
    expect((await t.app.inject('/news/ferry-3/')).body).not.toContain('/culture/decoy-festival-1/')
  })

  it('refuses a pin without the CSRF token, from a contributor, or to an address that is no article', async () => {
    const ferry3 = (await findArticleBySlug(t.services.db, 'ferry-3'))!
    const editor = await signInAs(t, 'editor')
    const noToken = await t.app.inject({ ...formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: 'ferry-5', mode: 'pin' }), payload: 'related=ferry-5&mode=pin' })
    expect(noToken.statusCode).toBe(403)
    const contributor = await signInAs(t, 'contributor')
    const refused = await t.app.inject(formPost(contributor, `/newsroom/articles/${ferry3.id}/related`, { related: 'ferry-5', mode: 'pin' }))
    expect(refused.statusCode).toBe(403)
    const missing = await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: '/news/no-such-article/', mode: 'pin' }))
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('No article has that address')
    const itself = await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: 'ferry-3', mode: 'exclude' }))
    expect(itself.statusCode).toBe(400)
    const tooLong = await t.app.inject(formPost(editor, `/newsroom/articles/${ferry3.id}/related`, { related: 'x'.repeat(301), mode: 'pin' }))
    expect(tooLong.statusCode).toBe(400)
  })

  it('rebuilds from the command line with a progress bar on a terminal and plain lines elsewhere', async () => {
    const tty: string[] = []
    expect(await relatedCommand(t.services, ['rebuild'], { isTTY: true, write: (s: string) => tty.push(s) })).toBe(0)
    expect(tty.join('')).toMatch(/\r[^\n]*█[^\n]*100%/)
    const plain: string[] = []
    expect(await relatedCommand(t.services, ['rebuild'], { isTTY: false, write: (s: string) => plain.push(s) })).toBe(0)
    expect(plain.join('')).not.toContain('\r')
    expect(plain.join('')).toMatch(/Choosing related news: \d+ of \d+/)
    expect(plain.at(-1)).toMatch(/Related news worked out for \d+ articles/)
    expect(await relatedCommand(t.services, ['nonsense'], { write: () => {} })).toBe(2)
  })
})

describe.each(testDialects())('%s: related news before the job has read an article', (dialect) => {
  let t: TestApp
  const shown = async (slug: string) => {
    const r = await findRelated(t.services, (await findArticleBySlug(t.services.db, slug))!)
    return [r.alsoRead?.slug, ...r.related.map((s) => s.slug)].filter(Boolean) as string[]
  }
  const ferry = evalArticles.filter((a) => a.story === 'ferry')
  beforeEach(async () => { t = await buildTestApp({ dialect }); t.clock.set(new Date(evalStart + 400 * day)) })
  afterEach(() => t.close())

  it('works out provisional picks for a story published a moment ago', async () => {
    await importArticles(t.services, jsonLines(ferry))
    const picks = await shown('ferry-3')
    expect(picks.length).toBeGreaterThan(0)
    expect(picks.every((slug) => slug.startsWith('ferry-'))).toBe(true)
  })

  it('waits for the job rather than reading a whole imported archive on every view', async () => {
    const filler = Array.from({ length: 201 }, (_, i) => `${JSON.stringify({
      slug: `filler-${i}`, headline: `Council notice ${i}`, standfirst: 'Routine business.', body: `Item ${i} of the agenda was agreed.`,
      section: 'News', status: 'published', publishedAt: new Date(evalStart + i * 60_000).toISOString(),
    })}\n`)
    await importArticles(t.services, Readable.from([...filler, ...ferry.map((a) => `${JSON.stringify({ ...input(a), publishedAt: input(a).publishedAt!.toISOString() })}\n`)]))
    expect(await shown('ferry-3')).toEqual([])
    await runJobs(t)
    expect((await shown('ferry-3')).filter((slug) => slug.startsWith('ferry-')).length).toBeGreaterThan(0)
  }, 60_000)
})
