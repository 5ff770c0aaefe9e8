// Places the inline "Also read" link after the 2nd to 4th top-level paragraph of an article body.

const block = /<(\/?)(p|blockquote|ul|ol|figure|table|aside|pre)\b[^>]*>/gi

/** A paragraph of the body's top level: where it ends, and whether it introduces what follows ("He said:"). */
interface Paragraph { end: number; leadsIn: boolean }

/** The first `limit` top-level paragraphs in order, ignoring paragraphs inside quotes, lists, figures, tables and asides. */
function topLevelParagraphs(html: string, limit = Infinity): Paragraph[] {
  const found: Paragraph[] = []
  let depth = 0
  let openedAt = -1
  block.lastIndex = 0
  for (let m = block.exec(html); m; m = block.exec(html)) {
    const closing = m[1] === '/'
    const name = m[2]!.toLowerCase()
    if (name !== 'p') depth = closing ? Math.max(0, depth - 1) : depth + 1
    else if (depth === 0 && !closing) openedAt = m.index + m[0].length
    else if (depth === 0 && closing && openedAt >= 0) {
      const text = html.slice(openedAt, m.index).replace(/<[^>]*>/g, '').trim()
      found.push({ end: m.index + m[0].length, leadsIn: /[:–—-]$/.test(text) })
      if (found.length >= limit) break
      openedAt = -1
    }
  }
  return found
}

/** Offsets just after each top-level `</p>`. */
export function topLevelParagraphEnds(html: string): number[] {
  return topLevelParagraphs(html).map((p) => p.end)
}

/**
 * Splits the body where "Also read" goes: after the 3rd top-level paragraph of a long body, the 2nd of a
 * short one, moving to the 2nd–4th that does not lead into a quote or list. Undefined when the body has
 * fewer than two top-level paragraphs, so the link is never the first thing a reader meets.
 * @example splitForAlsoRead('<p>a</p><p>b</p><p>c</p>') // ['<p>a</p><p>b</p>', '<p>c</p>']
 */
export function splitForAlsoRead(html: string): [string, string] | undefined {
  // The article route and its page both ask about the same body, one after the other.
  if (html === lastSplit.html) return lastSplit.split
  const split = splitAt(html)
  lastSplit = { html, split }
  return split
}

let lastSplit: { html: string | undefined; split: [string, string] | undefined } = { html: undefined, split: undefined }

function splitAt(html: string): [string, string] | undefined {
  // Five are enough to choose: every page render calls this, and bodies can be long.
  const paragraphs = topLevelParagraphs(html, 5)
  if (paragraphs.length < 2) return undefined
  const preferred = paragraphs.length >= 5 ? 2 : 1
  const order = [preferred, ...[1, 2, 3].filter((i) => i !== preferred)].filter((i) => i < paragraphs.length)
  const at = (order.map((i) => paragraphs[i]!).find((p) => !p.leadsIn) ?? paragraphs[preferred]!).end
  return [html.slice(0, at), html.slice(at)]
}
