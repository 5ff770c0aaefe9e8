import { describe, expect, it } from 'vitest'
import { parseQuery, toFts5 } from '../../src/search/query.js'

const words = (q: string) => parseQuery(q)

describe('search query parsing', () => {
  it('reads phrases, alternatives, exclusions and prefixes', () => {
    expect(words('"price cap" OR tariff -gas NOT coal zepp*')).toEqual({
      all: [[{ words: ['price', 'cap'], prefix: false }, { words: ['tariff'], prefix: false }], [{ words: ['zepp'], prefix: true }]],
      none: [{ words: ['gas'], prefix: false }, { words: ['coal'], prefix: false }],
    })
  })

  it('turns operator and SQL characters into plain words', () => {
    expect(toFts5(words('NEAR(a b) ^head:line {x}'))).toBe('"near a" AND "b" AND "head line" AND "x"')
    expect(toFts5(words(`'; drop table article; --`))).toBe('"drop" AND "table" AND "article"')
    expect(toFts5(words('a"b'))).toBe('"a b"')
  })

  it('keeps only what can match', () => {
    expect(words('')).toEqual({ all: [], none: [] })
    expect(words('AND OR NOT * -')).toEqual({ all: [], none: [] })
    expect(words('-only -exclusions').all).toEqual([])
  })

  it('bounds the number and length of words', () => {
    expect(words('word '.repeat(100)).all).toHaveLength(16)
    expect(words('x'.repeat(500)).all[0]![0]!.words[0]).toHaveLength(60)
  })

  it('keeps letters of every script, folding compatibility forms', () => {
    expect(words('Łódź 東京 ＡＢＣ हिन्दी').all.map((c) => c[0]!.words[0])).toEqual(['łódź', '東京', 'abc', 'हिन्दी'])
  })
})
