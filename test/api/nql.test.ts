// The NQL parser: Ghost's filter syntax into a tree, and a clear error (never a crash) for anything else.
import { describe, expect, it } from 'vitest'
import { NqlError, parseNql } from '../../src/api/ghost/nql.js'
import { likePattern, textMatches } from '../../src/content/index.js'

const now = new Date('2026-11-25T12:00:00Z')
const parse = (s: string) => parseNql(s, now)

describe('NQL', () => {
  it('reads comparisons with every operator', () => {
    expect(parse('tag:energy')).toEqual({ kind: 'compare', field: 'tag', op: '=', values: [{ kind: 'text', text: 'energy', quoted: false }] })
    expect(parse('tag:-energy')).toMatchObject({ op: '!=' })
    expect(parse('published_at:>2026-01-01')).toMatchObject({ op: '>' })
    expect(parse('published_at:>=2026-01-01')).toMatchObject({ op: '>=' })
    expect(parse('published_at:<2026-01-01')).toMatchObject({ op: '<' })
    expect(parse('published_at:<=2026-01-01')).toMatchObject({ op: '<=' })
    expect(parse('slug:[a,b, c]')).toMatchObject({ op: 'in', values: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] })
    expect(parse('slug:-[a,b]')).toMatchObject({ op: 'not in' })
    expect(parse("title:~'energy'")).toMatchObject({ op: 'contains', values: [{ text: 'energy' }] })
    expect(parse('slug:~^en')).toMatchObject({ op: 'starts with', values: [{ text: 'en' }] })
    expect(parse('slug:~$gy')).toMatchObject({ op: 'ends with', values: [{ text: 'gy' }] })
    expect(parse('slug:-~en')).toMatchObject({ op: 'not contains' })
    expect(parse('slug:-~^en')).toMatchObject({ op: 'not starts with' })
    expect(parse("slug:-~$'%_'")).toMatchObject({ op: 'not ends with', values: [{ text: '%_' }] })
    // '^' and '$' belong to the operator only right after '~'; elsewhere they are part of a bare value.
    expect(parse('slug:~~^x')).toMatchObject({ op: 'contains', values: [{ text: '~^x' }] })
  })

  it('reads quoted values, literals and relative dates', () => {
    expect(parse("published_at:>'2017-06-03 23:43:12'")).toMatchObject({ values: [{ kind: 'text', text: '2017-06-03 23:43:12', quoted: true }] })
    expect(parse("title:'it\\'s, (odd) + [x]'")).toMatchObject({ values: [{ text: "it's, (odd) + [x]" }] })
    expect(parse('featured:true')).toMatchObject({ values: [{ kind: 'bool', value: true }] })
    expect(parse('feature_image:null')).toMatchObject({ values: [{ kind: 'null' }] })
    expect(parse('count:5')).toMatchObject({ values: [{ kind: 'number', value: 5 }] })
    expect(parse('published_at:>now-30d')).toMatchObject({ values: [{ kind: 'date', value: new Date('2026-10-26T12:00:00Z') }] })
    // '+' means "and", so only past relative dates exist, as in Ghost: now+1w is now, then a broken comparison.
    expect(() => parse('published_at:<now+1w')).toThrow(NqlError)
    expect(parse('published_at:<now-2M')).toMatchObject({ values: [{ kind: 'date', value: new Date('2026-09-25T12:00:00Z') }] })
  })

  it('gives + precedence over , and honours parentheses', () => {
    expect(parse('a:1,b:2+c:3')).toMatchObject({ kind: 'or', nodes: [{ field: 'a' }, { kind: 'and', nodes: [{ field: 'b' }, { field: 'c' }] }] })
    expect(parse('(a:1,b:2)+c:3')).toMatchObject({ kind: 'and', nodes: [{ kind: 'or' }, { field: 'c' }] })
    expect(parse('tags.slug:x+authors.slug:y')).toMatchObject({ kind: 'and', nodes: [{ field: 'tags.slug' }, { field: 'authors.slug' }] })
  })

  it('refuses what it cannot read, saying where', () => {
    for (const bad of ['', 'tag', 'tag:', ':x', 'tag:(', 'tag:a+', 'tag:a,,b:c', '(tag:a', 'tag:a)', "tag:'open", 'tag:[a,b', 'tag:>[a]',
      'tag:a b:c', 'tag:>~x', 'tag:~[a]', 'tag:-~[a,b]', 'tag:~', '1tag:x', 'tag:a;drop table article', '((((((((((((((a:1))))))))))))))', `slug:${'x'.repeat(600)}`,
      Array.from({ length: 120 }, (_, i) => `a:${i}`).join('+'), 'x'.repeat(3000)]) {
      expect(() => parse(bad), bad.slice(0, 40)).toThrow(NqlError)
    }
  })
})

describe('text matching', () => {
  it('makes LIKE patterns in which the value’s own %, _ and \\ match themselves', () => {
    expect(likePattern('contains', 'grid')).toEqual({ pattern: '%grid%', negated: false })
    expect(likePattern('starts with', '50%_off')).toEqual({ pattern: '50\\%\\_off%', negated: false })
    expect(likePattern('not ends with', 'a\\b')).toEqual({ pattern: '%a\\\\b', negated: true })
    expect(likePattern('contains', "' or 1=1 --")).toEqual({ pattern: "%' or 1=1 --%", negated: false })
  })

  it('matches in memory the same way, ignoring case', () => {
    expect(textMatches('Energy Crisis', 'contains', 'CRISIS')).toBe(true)
    expect(textMatches('energy-crisis', 'starts with', 'en')).toBe(true)
    expect(textMatches('energy-crisis', 'not starts with', 'en')).toBe(false)
    expect(textMatches('energy-crisis', 'ends with', '%')).toBe(false)
    expect(textMatches('energy-crisis', 'not contains', '_')).toBe(true)
  })
})
