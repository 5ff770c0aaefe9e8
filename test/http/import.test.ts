// Importing articles from JSON Lines: good lines land, bad ones are reported by number, re-imports update, nothing stored is lost.
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findArticleBySlug, importArticles } from '../../src/content/index.js'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'

const line = (fields: Record<string, unknown>) => JSON.stringify({
  standfirst: 'A short summary of the story.',
  body: 'First paragraph.\n\nSecond paragraph.',
  section: 'Politics',
  publishedAt: '2026-11-24T08:30:00Z',
  ...fields,
})

const jsonl = (...lines: string[]) => Readable.from([lines.join('\n') + '\n'])

describe.each(testDialects())('%s: import from JSON Lines', (dialect) => {
  let t: TestApp
  const run = (source: Readable, batchSize?: number) => importArticles(t.services, source, batchSize)
  const count = async (table: 'article' | 'section' | 'topic' | 'tag' | 'author') =>
    Number((await t.services.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
  })
  afterAll(() => t.close())

  it('imports the good lines and reports each bad one with its line number', async () => {
    const before = await t.app.inject('/')
    expect(before.body).not.toContain('Harbour tolls frozen')
    const report = await run(jsonl(
      line({
        slug: 'harbour-tolls-frozen', headline: 'Harbour tolls frozen for another year', topics: ['Port Finances'], tags: ['harbour', 'tolls'],
        authors: ['Mira Holm', 'Ade Okafor'], dateline: 'SALTMERE', agency: 'Vellmark Press Agency',
        image: { url: 'https://images.example.test/harbour.jpg', alt: 'Fishing boats moored in Saltmere harbour', caption: 'Saltmere harbour at dawn.', credit: 'Photo: Mira Holm' },
      }),
      '{"headline": "Broken line", ',
      line({ slug: 'no-headline' }),
      line({ headline: 'Impossible date', publishedAt: '2026-02-30T10:00:00Z' }),
      line({ headline: 'Unknown status', status: 'live' }),
      line({ headline: 'Tags as text', tags: 'harbour' }),
      line({ headline: 'Reserved section', section: 'Search' }),
      '',
      line({ headline: 'Ferry timetable changes from Monday', section: 'News' }),
      line({ headline: 'Date without a zone', publishedAt: '2026-11-24T08:30:00' }),
      line({ headline: 42 }),
    ))

    expect(report.created).toBe(2)
    expect(report.updated).toBe(0)
    expect(report.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5, 6, 7, 10, 11])
    const message = (n: number) => report.skipped.find((s) => s.line === n)?.message
    expect(message(2)).toBe('not valid JSON')
    expect(message(3)).toBe('headline is required')
    expect(message(4)).toMatch(/publishedAt must be an ISO 8601 date and time/)
    expect(message(5)).toMatch(/status must be one of draft, scheduled, published, unpublished/)
    expect(message(6)).toBe('tags must be a list')
    expect(message(7)).toMatch(/section "Search" clashes with a reserved address/)
    expect(message(10)).toMatch(/publishedAt needs a time zone/)
    expect(message(11)).toMatch(/headline must be text/)

    const article = await findArticleBySlug(t.services.db, 'harbour-tolls-frozen')
    expect(article).toMatchObject({
      headline: 'Harbour tolls frozen for another year', dateline: 'SALTMERE', agency: 'Vellmark Press Agency', status: 'published',
      section: { slug: 'politics', name: 'Politics' }, path: '/politics/harbour-tolls-frozen/',
      image: { url: 'https://images.example.test/harbour.jpg', alt: 'Fishing boats moored in Saltmere harbour', caption: 'Saltmere harbour at dawn.', credit: 'Photo: Mira Holm' },
    })
    expect(article!.publishedAt!.toISOString()).toBe('2026-11-24T08:30:00.000Z')
    expect(article!.authors.map((a) => a.name)).toEqual(['Mira Holm', 'Ade Okafor'])
    expect(article!.topics.map((x) => x.name)).toEqual(['Port Finances'])
    expect(article!.tags.map((x) => x.slug).sort()).toEqual(['harbour', 'tolls'])
    expect(await findArticleBySlug(t.services.db, 'ferry-timetable-changes-from-monday')).toMatchObject({ section: { slug: 'news' } })

    // Readers see the new stories at once: the import purges the cached front page.
    const page = await t.app.inject('/politics/harbour-tolls-frozen/')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('alt="Fishing boats moored in Saltmere harbour"')
    expect(page.body).toContain('With information from Vellmark Press Agency.')
    expect((await t.app.inject('/')).body).toContain('Harbour tolls frozen')
  })

  it('updates an article when the same slug is imported again instead of duplicating it', async () => {
    const first = await run(jsonl(line({ slug: 'budget-vote-delayed', headline: 'Budget vote delayed', tags: ['budget'] })))
    expect(first).toMatchObject({ created: 1, updated: 0 })
    const articles = await count('article')

    const again = await run(jsonl(line({ slug: 'budget-vote-delayed', headline: 'Budget vote delayed to Thursday', section: 'Business', tags: ['budget', 'council'] })))
    expect(again).toMatchObject({ created: 0, updated: 1, skipped: [] })
    expect(await count('article')).toBe(articles)
    const article = await findArticleBySlug(t.services.db, 'budget-vote-delayed')
    expect(article).toMatchObject({ headline: 'Budget vote delayed to Thursday', section: { slug: 'business' } })
    expect(article!.tags.map((x) => x.slug).sort()).toEqual(['budget', 'council'])
    // The old address still leads readers to the story.
    const moved = await t.app.inject('/politics/budget-vote-delayed/')
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/business/budget-vote-delayed/')
  })

  it('creates missing sections, topics and authors and reuses existing ones by name or slug', async () => {
    await run(jsonl(line({ slug: 'taxonomy-seed', headline: 'Taxonomy seed', section: 'Culture', topics: ['Film Festival'], authors: ['Lena Berg'] })))
    const [sections, topics, authors] = [await count('section'), await count('topic'), await count('author')]

    const report = await run(jsonl(
      line({ slug: 'by-slug', headline: 'Named by slug', section: 'culture', topics: ['film-festival'], authors: ['lena-berg'] }),
      line({ slug: 'by-name', headline: 'Named by name', section: 'Culture', topics: ['Film Festival'], authors: ['Lena Berg'] }),
    ))
    expect(report).toMatchObject({ created: 2, skipped: [] })
    expect([await count('section'), await count('topic'), await count('author')]).toEqual([sections, topics, authors])
    const bySlug = await findArticleBySlug(t.services.db, 'by-slug')
    // An existing row keeps its name: a lowercase slug in the file does not rename the section.
    expect(bySlug).toMatchObject({ section: { name: 'Culture' }, topic: { name: 'Film Festival' }, authors: [{ name: 'Lena Berg' }] })

    await run(jsonl(line({ slug: 'new-names', headline: 'New names', section: 'Weather', topics: ['Storm Season'], authors: ['Ivo Lund'] })))
    expect([await count('section'), await count('topic'), await count('author')]).toEqual([sections + 1, topics + 1, authors + 1])
    expect((await t.app.inject('/weather/')).statusCode).toBe(200)
  })

  it('never loses stored articles when a batch fails: the batch is saved line by line and the culprit reported', async () => {
    await run(jsonl(line({ slug: 'already-here', headline: 'Already here' })))
    const articles = await count('article')
    const report = await run(jsonl(
      line({ slug: 'batch-a', headline: 'Batch A' }),
      line({ slug: 'batch-b', headline: 'Batch B' }),
      line({ headline: 'Batch C' }),
      // Passes the line checks but cannot be saved: no slug, and a headline with no letter or digit to make one from.
      line({ headline: '¿?' }),
      line({ slug: 'already-here', headline: 'Already here, updated' }),
    ), 2)
    expect(report.created).toBe(3)
    expect(report.updated).toBe(1)
    expect(report.skipped).toEqual([{ line: 4, message: 'headline needs at least one letter or digit' }])
    expect(await count('article')).toBe(articles + 3)
    for (const slug of ['batch-a', 'batch-b', 'batch-c']) expect(await findArticleBySlug(t.services.db, slug)).toBeDefined()
    expect(await findArticleBySlug(t.services.db, 'already-here')).toMatchObject({ headline: 'Already here, updated' })
  })

  it('reads a file saved with a byte-order mark and Windows line endings', async () => {
    const report = await run(Readable.from(['\uFEFF' + line({ slug: 'bom-first', headline: 'First line after a BOM' }) + '\r\n' + line({ slug: 'crlf-second', headline: 'Second line' }) + '\r\n']))
    expect(report).toMatchObject({ created: 2, skipped: [] })
  })
})
