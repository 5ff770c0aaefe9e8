// Markdown to sanitised HTML (allow-list) and to plain text that keeps word boundaries; run when an article is saved.
import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import { decodeHTML } from 'entities'

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true })

// A paragraph holding only an image becomes a figure; the image title is its caption.
markdown.renderer.rules.paragraph_open = (tokens, idx, options, env, self) => {
  const inline = tokens[idx + 1]
  if (inline?.children?.length === 1 && inline.children[0]?.type === 'image') return '<figure>'
  return self.renderToken(tokens, idx, options)
}
markdown.renderer.rules.paragraph_close = (tokens, idx, options, env, self) => {
  const inline = tokens[idx - 1]
  const only = inline?.children?.length === 1 ? inline.children[0] : undefined
  if (only?.type === 'image') {
    const caption = only.attrGet('title')
    return caption ? `<figcaption>${markdown.utils.escapeHtml(String(caption))}</figcaption></figure>\n` : '</figure>\n'
  }
  return self.renderToken(tokens, idx, options)
}

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'em', 'strong', 'b', 'i', 'a', 'br', 'hr',
    'code', 'pre', 'figure', 'figcaption', 'img', 'cite', 'q', 'sup', 'sub', 'small', 'abbr', 'table',
    'thead', 'tbody', 'tr', 'th', 'td', 'aside',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    abbr: ['title'],
    blockquote: ['class'],
    aside: ['class'],
    th: ['scope'],
  },
  allowedClasses: { blockquote: ['pullquote'], aside: ['pullquote'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  transformTags: {
    h1: 'h2',
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy', decoding: 'async' } }),
  },
}
// sanitize-html drops attributes it added itself unless they are allowed too.
;(allowList.allowedAttributes as Record<string, string[]>).img!.push('loading', 'decoding')

export function sanitize(html: string): string {
  return sanitizeHtml(html, allowList)
}

export function renderMarkdown(md: string): string {
  return sanitize(markdown.render(md))
}

const blockBoundary = /<\/?(p|div|h[1-6]|blockquote|ul|ol|li|figure|figcaption|table|tr|td|th|pre|aside|section|article|header|footer|hr|br)\b[^>]*>/gi

/**
 * Plain text of an HTML fragment: block ends become breaks, inline tags vanish without gluing words.
 * @example htmlToText('<p>missiles</p><p>like</p>') // 'missiles\nlike'
 */
export function htmlToText(html: string): string {
  return decodeHTML(html.replace(blockBoundary, '\n').replace(/<[^>]*>/g, ''))
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim()
}

/** One line of plain text, for excerpts and descriptions. */
export function toOneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

export function excerpt(text: string, max = 200): string {
  const line = toOneLine(text)
  if (line.length <= max) return line
  const cut = line.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : line.slice(0, max)).replace(/[\s,;:.-]+$/, '')}…`
}
