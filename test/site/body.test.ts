import { describe, expect, it } from 'vitest'
import { splitForAlsoRead, topLevelParagraphEnds } from '../../src/site/body.js'
import { renderMarkdown } from '../../src/content/index.js'

const p = (n: number) => Array.from({ length: n }, (_, i) => `<p>P${i + 1}</p>`).join('\n')
const before = (html: string) => splitForAlsoRead(html)?.[0]

describe('"Also read" placement', () => {
  it('goes after the 3rd paragraph of a long body and the 2nd of a short one', () => {
    expect(before(p(6))).toBe('<p>P1</p>\n<p>P2</p>\n<p>P3</p>')
    expect(before(p(5))).toBe('<p>P1</p>\n<p>P2</p>\n<p>P3</p>')
    expect(before(p(4))).toBe('<p>P1</p>\n<p>P2</p>')
    expect(before(p(3))).toBe('<p>P1</p>\n<p>P2</p>')
  })

  it('keeps the rest of the body whole after the link', () => {
    const [head, tail] = splitForAlsoRead(p(6))!
    expect(head + tail).toBe(p(6))
    expect(tail).toBe('\n<p>P4</p>\n<p>P5</p>\n<p>P6</p>')
  })

  it('is not placed in a body of fewer than two paragraphs', () => {
    expect(splitForAlsoRead('')).toBeUndefined()
    expect(splitForAlsoRead('<p>Only one.</p>')).toBeUndefined()
    expect(splitForAlsoRead('<p>One.</p><blockquote><p>Q1</p><p>Q2</p><p>Q3</p></blockquote>')).toBeUndefined()
  })

  it('never lands inside a blockquote, list, figure or table', () => {
    const html = '<p>P1</p><blockquote><p>Q1</p><p>Q2</p></blockquote><ul><li><p>L1</p></li><li><p>L2</p></li></ul>' +
      '<figure><p>F</p></figure><table><tr><td><p>T</p></td></tr></table><aside class="pullquote"><p>A</p></aside><p>P2</p><p>P3</p>'
    expect(topLevelParagraphEnds(html)).toHaveLength(3)
    expect(before(html)!.endsWith('<p>P2</p>')).toBe(true)
    const nested = '<p>P1</p><blockquote><blockquote><p>deep</p></blockquote><p>Q</p></blockquote><p>P2</p><p>P3</p>'
    expect(before(nested)!.endsWith('<p>P2</p>')).toBe(true)
  })

  it('does not separate a paragraph from the quote or list it introduces', () => {
    const html = '<p>P1</p><p>The minister said:</p><blockquote><p>“A fair deal.”</p></blockquote><p>P3</p><p>P4</p>'
    expect(before(html)!.endsWith('<p>P3</p>')).toBe(true)
  })

  it('handles paragraphs with attributes and inline markup, and ignores tags that only start with p', () => {
    const html = '<p class="x">One <em>two</em></p><pre><code>&lt;/p&gt;</code></pre><p>Three</p><p>Four</p>'
    expect(before(html)).toBe('<p class="x">One <em>two</em></p><pre><code>&lt;/p&gt;</code></pre><p>Three</p>')
  })

  it('works on bodies rendered from Markdown', () => {
    const html = renderMarkdown('First.\n\nSecond:\n\n- a\n- b\n\n> Quote\n>\n> more\n\nThird.\n\nFourth.\n\nFifth.\n\n![alt](https://x.test/i.jpg "Caption")')
    expect(topLevelParagraphEnds(html)).toHaveLength(5)
    expect(before(html)!.endsWith('<p>Third.</p>')).toBe(true)
  })
})
