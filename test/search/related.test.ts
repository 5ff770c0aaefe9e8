import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { seedDemo } from '../../src/content/seed-demo.js'
import { findArticleBySlug, saveArticle, type PublicArticle } from '../../src/content/index.js'
import { findRelated, type Related } from '../../src/search/index.js'
import { demoArticles } from '../../src/content/demo/demo-content.js'

const isDefenceOrPolitics = (a: { section: { slug: string }; tags?: { slug: string }[] }) =>
  a.section.slug === 'politics' || (a.tags ?? []).some((t) => /defence|military/.test(t.slug))

async function runJobs(t: TestApp): Promise<void> {
  for (let i = 0; i < 20; i++) if ((await t.services.jobs.tick()).done === 0) return
}

describe.each(testDialects())('%s: related articles on the demo newspaper', (dialect) => {
  let t: TestApp
  const picks = new Map<string, { article: PublicArticle; related: Related; full: PublicArticle[] }>()

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    await seedDemo(t.services)
    // Picks are worked out by the job the seed queued, as the server's runner would within seconds.
    await runJobs(t)
    for (const { slug } of demoArticles) {
      const article = (await findArticleBySlug(t.services.db, slug))!
      const related = await findRelated(t.services, article)
      const shown = [...(related.alsoRead ? [related.alsoRead] : []), ...related.related]
      const full = await Promise.all(shown.map(async (s) => (await findArticleBySlug(t.services.db, s.slug))!))
      picks.set(slug, { article, related, full })
    }
  }, 120_000)
  afterAll(() => t.close())

  const shares = (a: PublicArticle, b: PublicArticle) => ({
    topics: a.topics.filter((x) => b.topics.some((y) => y.id === x.id)).length,
    tags: a.tags.filter((x) => b.tags.some((y) => y.id === x.id)).length,
  })

  it('links "Also read" only to an article on the same story', () => {
    let withAlsoRead = 0
    for (const { article, related, full } of picks.values()) {
      if (!related.alsoRead) continue
      withAlsoRead++
      const other = full.find((f) => f.id === related.alsoRead!.id)!
      const s = shares(article, other)
      expect(s.topics > 0 || s.tags >= 2, `${article.slug} → ${other.slug}`).toBe(true)
    }
    // Every article in a running story has a sibling to point to.
    expect(withAlsoRead).toBeGreaterThanOrEqual(demoArticles.filter((a) => a.topics.length > 0).length)
  })

  it('never links sport to politics or defence, either way', () => {
    for (const { article, full } of picks.values()) {
      for (const other of full) {
        if (article.section.slug === 'sport') expect(isDefenceOrPolitics(other), `${article.slug} → ${other.slug}`).toBe(false)
        if (isDefenceOrPolitics(article)) expect(other.section.slug, `${article.slug} → ${other.slug}`).not.toBe('sport')
      }
    }
  })

  it('shows three to six related articles for a running story, each sharing something, without repeats or itself', () => {
    for (const { article, related, full } of picks.values()) {
      const ids = related.related.map((r) => r.id)
      expect(new Set(ids).size, article.slug).toBe(ids.length)
      expect(ids, article.slug).not.toContain(article.id)
      if (related.alsoRead) expect(ids, article.slug).not.toContain(related.alsoRead.id)
      expect(ids.length, article.slug).toBeLessThanOrEqual(6)
      if (article.topics.length) expect(ids.length, article.slug).toBeGreaterThanOrEqual(3)
      for (const other of full) {
        const s = shares(article, other)
        expect(s.topics > 0 || s.tags > 0, `${article.slug} → ${other.slug}`).toBe(true)
        expect(other.status).toBe('published')
      }
    }
  })

  it('gives articles outside any running story few related items, never random ones', () => {
    const loose = [...picks.values()].filter((p) => p.article.topics.length === 0)
    expect(loose.length).toBeGreaterThan(5)
    for (const { article, related, full } of loose) {
      expect(related.related.length + (related.alsoRead ? 1 : 0), article.slug).toBeLessThanOrEqual(2)
      for (const other of full) expect(shares(article, other).tags, `${article.slug} → ${other.slug}`).toBeGreaterThan(0)
    }
  })

  it('drops a withdrawn article at once and picks up a new one on the same story', async () => {
    const slug = 'assembly-passes-winter-cap-on-household-gas-bills-after-all-night-sitting'
    const article = (await findArticleBySlug(t.services.db, slug))!
    const before = await findRelated(t.services, article)
    const victim = before.related[0]!
    // As unpublishArticle does: change the row, then announce it.
    await t.services.db.updateTable('article').set({ status: 'unpublished' }).where('id', '=', victim.id).execute()
    await t.services.events.emit({ type: 'article.unpublished', articleId: victim.id, tags: ['site'] })
    const after = await findRelated(t.services, article)
    expect([after.alsoRead?.id, ...after.related.map((r) => r.id)]).not.toContain(victim.id)
    await createArticle(t.services, {
      slug: 'households-queue-for-winter-gas-bill-support', headline: 'Households queue for winter gas bill support',
      standfirst: 'The new cap on household gas bills takes effect.', section: 'News', topics: ['Energy Crisis'],
      tags: ['energy prices', 'household bills', 'price cap'], publishedAt: new Date(t.clock.now().getTime() - 60_000),
    })
    await runJobs(t)
    const fresh = await findRelated(t.services, article)
    expect([fresh.alsoRead?.slug, ...fresh.related.map((r) => r.slug)]).toContain('households-queue-for-winter-gas-bill-support')
  })

  it('places "Also read" in the body of the article page, and moves it to related news when the body is too short', async () => {
    const page = await t.app.inject('/politics/assembly-passes-winter-cap-on-household-gas-bills-after-all-night-sitting/')
    const body = page.body.slice(page.body.indexOf('class="article__body"'), page.body.indexOf('class="related"'))
    const before = body.slice(0, body.indexOf('class="also-read"'))
    expect(before.match(/<\/p>/g)?.length).toBeGreaterThanOrEqual(2)
    expect(before.match(/<blockquote/g)?.length ?? 0).toBe((before.match(/<\/blockquote>/g) ?? []).length)
    await createArticle(t.services, {
      slug: 'one-line-tram-note', headline: 'Line 4 tram test run delayed', standfirst: 'A short note on the Line 4 tram.',
      body: 'The test run moves to Friday.', section: 'News', topics: ['Halvern Tram Line'], tags: ['line 4', 'public transport'],
    })
    const short = await t.app.inject('/news/one-line-tram-note/')
    expect(short.body).not.toContain('class="also-read"')
    const related = short.body.slice(short.body.indexOf('class="related"'))
    expect(related.match(/class="teaser /g)?.length).toBe(5)
  })

  it('hides an article scheduled for later', async () => {
    await saveArticle(t.services, {
      slug: 'later-gas-story', headline: 'Gas bills cap review due', standfirst: 'Household gas bills again.', body: 'Soon.',
      section: 'News', topics: ['Energy Crisis'], tags: ['energy prices', 'household bills', 'price cap'],
      publishedAt: new Date(t.clock.now().getTime() + 3_600_000),
    })
    const article = (await findArticleBySlug(t.services.db, 'nordvell-power-profits-triple-as-gas-prices-soar-reviving-windfall-tax-calls'))!
    const r = await findRelated(t.services, article)
    expect([r.alsoRead?.slug, ...r.related.map((x) => x.slug)]).not.toContain('later-gas-story')
  })
})
