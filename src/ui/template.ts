// Markup rendered once and afterwards filled in: for a large subtree that differs between requests in a few values.
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

// The same escaping preact-render-to-string applies (it always double-quotes attributes), so a filled template is
// byte-for-byte the markup a full render would give.
const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '"': '&quot;' }
const escapeHtml = (text: string) => text.replace(/["&<]/g, (c) => escapes[c]!)

/**
 * Renders `build` once with markers standing for the named slots, then answers each call by joining the saved
 * markup with the slot values, escaped for text and attribute positions alike. Only for slots used as plain text
 * or attribute values: a slot cannot decide whether an element or attribute appears.
 * @example const hello = htmlTemplate(['name'], (s) => <p title={s.name}>Hello {s.name}</p>); hello({ name: 'Ada' })
 */
export function htmlTemplate<K extends string>(slots: readonly K[], build: (markers: Record<K, string>) => VNode): (values: Record<K, string>) => string {
  let parts: string[] | undefined
  let order: K[] = []
  return (values) => {
    if (!parts) {
      const markers = Object.fromEntries(slots.map((name, i) => [name, `\u0001${i}\u0001`])) as Record<K, string>
      const pieces = renderToString(build(markers)).split(/\u0001(\d+)\u0001/)
      parts = pieces.filter((_, i) => i % 2 === 0)
      order = pieces.filter((_, i) => i % 2 === 1).map((i) => slots[Number(i)]!)
    }
    let html = parts[0]!
    for (let i = 0; i < order.length; i++) html += escapeHtml(values[order[i]!]) + parts[i + 1]!
    return html
  }
}
