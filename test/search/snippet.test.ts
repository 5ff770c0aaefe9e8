import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { parseQuery, toFts5 } from '../../src/search/query.js'
import { highlight, matcherFor, snippet } from '../../src/search/snippet.js'
import { porterStem } from '../../src/search/stem.js'

const show = (text: string) => text.replace(/\u0002/g, '[').replace(/\u0003/g, ']')
const marks = (query: string, text: string) => show(highlight(matcherFor(parseQuery(query)), text))
const snip = (query: string, text: string) => show(snippet(matcherFor(parseQuery(query)), text))

describe('Porter stems', () => {
  it('stems as the algorithm says', () => {
    const cases: Record<string, string> = {
      caresses: 'caress', ponies: 'poni', cats: 'cat', feed: 'feed', agreed: 'agre', plastered: 'plaster', motoring: 'motor',
      hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat', conditional: 'condit', generalization: 'gener',
      hopeful: 'hope', goodness: 'good', revival: 'reviv', adjustment: 'adjust', controll: 'control', flooding: 'flood',
      floods: 'flood', xylophones: 'xylophon', harbour: 'harbour', at: 'at', sky: 'sky',
    }
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem)
  })
})

describe('highlights and snippets', () => {
  it('marks every form of a word that stems alike, in any case and with or without accents', () => {
    expect(marks('flooding', 'Floods came; the flooded road and flooding fields. Floodlights stayed on.'))
      .toBe('[Floods] came; the [flooded] road and [flooding] fields. Floodlights stayed on.')
    expect(marks('zurich', 'Trains to Zürich and ZURICH.')).toBe('Trains to [Zürich] and [ZURICH].')
    expect(marks('zürich', 'Trains to Zurich.')).toBe('Trains to [Zurich].')
  })

  it('marks phrases only where their words follow each other, and prefixes as word starts', () => {
    expect(marks('"price cap"', 'The price cap, not the cap on price. Price-cap rules.')).toBe('The [price cap], not the cap on price. [Price-cap] rules.')
    expect(marks('zeppel*', 'A zeppelin, two zeppelins, no zep.')).toBe('A [zeppelin], two [zeppelins], no zep.')
    expect(marks('gas -price', 'Gas price')).toBe('[Gas] price')
    expect(marks('tram', 'Tram, antram, trams; 東京tram.')).toBe('[Tram], antram, [trams]; 東京tram.')
  })

  it('shows the opening words with their matches when the first match is near the start', () => {
    expect(snip('scanner', 'Engineers found a <script> inside a cheque scanner.\n\nThe scanner was replaced.'))
      .toBe('Engineers found a <script> inside a cheque [scanner].\n\nThe [scanner] was replaced.')
  })

  it('cuts a long text to about 32 words around the best stretch of matches, on whole words', () => {
    const text = `${'alpha beta gamma delta. '.repeat(40)}The tram depot closes. ${'epsilon zeta. '.repeat(40)}`
    const out = snip('tram depot', text)
    expect(out).toMatch(/^…delta\. alpha beta gamma delta\. The \[tram\] \[depot\] closes\. epsilon zeta/)
    expect(out.endsWith('…')).toBe(true)
    expect(out.replace(/[…[\]]/g, ' ').split(/\W+/).filter(Boolean)).toHaveLength(32)
    // The stretch with both words wins over an earlier one with only one of them.
    const both = snip('tram depot', `A tram. ${'filler words here. '.repeat(30)}The tram depot.`)
    expect(both).toContain('[tram] [depot]')
  })

  it('shows the opening words when nothing matches', () => {
    expect(snip('zzz', 'Short text.')).toBe('Short text.')
    expect(snip('zzz', 'one two three four five six seven eight nine ten '.repeat(5)).split(' ').filter(Boolean)).toHaveLength(32)
  })
})

describe('sqlite: highlights agree with FTS5', () => {
  let t: TestApp
  const text = 'Flooding floods the flooded valley; relational databases relate. Generalization generally hopeful, hopping hops. ' +
    'Zürich café naïve ponies caresses agreed feed skies. Price caps, price cap, capped prices.'
  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'sqlite' })
    await createArticle(t.services, { slug: 'stems', headline: 'Stems', standfirst: text })
  })
  afterAll(() => t.close())

  it('marks the same words in a standfirst as highlight() did', async () => {
    const queries = ['flooding', 'relational', 'general', 'hopeful', 'hop', 'zurich', 'cafe', 'naive', 'pony', 'caress', 'agree',
      'feed', 'skies', '"price cap"', 'price cap', 'cap*', 'databases']
    for (const query of queries) {
      const { rows } = await sql<{ marked: string }>`select highlight(article_fts, 1, char(2), char(3)) as marked from article_fts
        where article_fts match ${toFts5(parseQuery(query))}`.execute(t.services.db)
      expect(rows, query).toHaveLength(1)
      expect(marks(query, text), query).toBe(show(rows[0]!.marked))
    }
  })
})
