// Escaping for XML and HTML text, and the date forms feeds and sitemaps use.

/** Characters XML 1.0 forbids even when escaped (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const notXmlChar = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/**
 * Text safe inside an XML element or attribute. Entity-escaping rather than CDATA, so a `]]>` in an article
 * cannot end a section early.
 * @example escapeXml('a < b & "c" ]]>') // 'a &lt; b &amp; &quot;c&quot; ]]&gt;'
 */
export function escapeXml(text: string): string {
  return text.replace(notXmlChar, '').replace(/[&<>"']/g, (c) => entities[c]!)
}

/** HTML text and attribute values need the same five escapes. */
export const escapeHtml = escapeXml

/** W3C Datetime / RFC 3339 in UTC to the second: `2026-11-25T09:00:00Z`. */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** RFC 822 date as RSS 2.0 wants it: `Wed, 25 Nov 2026 09:00:00 GMT`. */
export function rfc822Date(date: Date): string {
  return date.toUTCString()
}

/** An element with escaped text, or nothing when the text is empty. */
export function element(name: string, text: string | undefined, attrs: Record<string, string> = {}): string {
  if (!text) return ''
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`
}

export function attributes(attrs: Record<string, string | undefined>): string {
  return Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeXml(v!)}"`).join('')
}

export const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
