// The front page's section blocks and running stories, which are loaded with their own batched queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'

/** The HTML of one front-page section block. */
function block(html: string, slug: string): string {
  const start = html.indexOf(`aria-labelledby="section-${slug}"`)
  expect(start).toBeGreaterThan(-1)
  return html.slice(start, html.indexOf('</section>', start))
}

describe.each(testDialects())('%s: front page', (dialect) => {
  let t: TestApp
  let html: string
  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    const at = (hour: string) => new Date(`2026-11-25T${hour}:00:00Z`)
    for (const [n, hour] of [[1, '09'], [2, '08'], [3, '07'], [4, '06'], [5, '05'], [6, '04']] as const) {
      await createArticle(t.services, { headline: `Politics story ${n}`, section: 'Politics', publishedAt: at(hour) })
    }
    await createArticle(t.services, { headline: 'Sport story new', section: 'Sport', topics: ['Cup Run'], publishedAt: new Date('2026-11-25T08:30:00Z') })
    await createArticle(t.services, {
      headline: 'Sport story old', section: 'Sport', topics: ['Cup Run'], authors: ['Bea Writer', 'Cy Writer'], publishedAt: at('03'),
    })
    // Published, but for a time still to come (the clock reads 12:00): nowhere on the page yet.
    await createArticle(t.services, { headline: 'Sport story tomorrow', section: 'Sport', topics: ['Future Final'], publishedAt: new Date('2026-11-26T09:00:00Z') })
    html = (await t.app.inject('/')).body
  })
  afterAll(() => t.close())

  it('fills each section block with its newest stories not already shown as lead or top stories', () => {
    const politics = block(html, 'politics')
    expect(politics).toContain('Politics story 5')
    expect(politics).toContain('Politics story 6')
    for (const n of [1, 2, 3, 4]) expect(politics).not.toContain(`Politics story ${n}<`)
    const sport = block(html, 'sport')
    expect(sport).toContain('Sport story old')
    expect(sport).not.toContain('Sport story new')
  })

  it('shows each teaser with its running story and its authors in order', () => {
    const sport = block(html, 'sport')
    expect(sport).toContain('<span class="teaser__topic">Cup Run<')
    expect(sport).toContain('<span class="teaser__authors">Bea Writer, Cy Writer</span>')
  })

  it('lists the running stories of recent articles and nothing scheduled for later', () => {
    const topics = html.slice(html.indexOf('class="topics__list"'))
    expect(topics).toContain('href="/topic/cup-run/"')
    expect(html).not.toContain('Future Final')
    expect(html).not.toContain('Sport story tomorrow')
  })
})
