// Places the inline "Also read" link after the 2nd to 4th top-level paragraph of an article body.


/** Offsets just after each top-level `</p>`, ignoring paragraphs inside quotes, lists and figures. */
export function topLevelParagraphEnds(html: string): number[] {
  const ends: number[] = []
  const token = /<\/?(p|blockquote|ul|ol|figure|table|aside|pre)\b[^>]*>/gi
  let depth = 0
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const tag = m[0].toLowerCase()
    const name = m[1]!.toLowerCase()
    if (name === 'p') {
      if (tag.startsWith('</') && depth === 0) ends.push(m.index + m[0].length)
    } else if (tag.startsWith('</')) depth = Math.max(0, depth - 1)
    else depth++
  }
  return ends
}

/**
 * Splits the body where "Also read" goes: after the 3rd paragraph, or the 2nd when the body is short.
 * Returns the body whole (and no split) when it has fewer than three paragraphs.
 */
export function splitForAlsoRead(html: string): [string, string] | undefined {
  const ends = topLevelParagraphEnds(html)
  if (ends.length < 3) return undefined
  const at = ends[ends.length >= 5 ? 2 : 1]!
  return [html.slice(0, at), html.slice(at)]
}
