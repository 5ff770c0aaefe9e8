// An answer assembled from remembered parts gets its ETag from the parts' digests: the same parts, the same tag.
import { describe, expect, it } from 'vitest'
import { partsEtag } from '../../src/platform/http/index.js'

describe('partsEtag', () => {
  it('is a strong tag that changes with any part, their order, the tail or the kind', () => {
    const tag = partsEtag('list', ['a', 'b'], '}')
    expect(tag).toMatch(/^"[\w-]{27}"$/)
    expect(partsEtag('list', ['a', 'b'], '}')).toBe(tag)
    for (const other of [partsEtag('list', ['b', 'a'], '}'), partsEtag('list', ['a', 'c'], '}'), partsEtag('list', ['a', 'b'], ']}'),
      partsEtag('other', ['a', 'b'], '}')]) expect(other).not.toBe(tag)
  })
})
