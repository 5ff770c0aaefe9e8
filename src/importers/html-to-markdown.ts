// HTML from another platform to the Markdown Dateline stores: sanitised first (the same allow-list as every body), then
// converted, so what an import stores is what an editor could have typed and renders through the same pipeline.
import TurndownService from 'turndown'
import { sanitize } from '../content/index.js'

const turndown = new TurndownService({
  headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*', strongDelimiter: '**', hr: '---',
})

// Tables have no CommonMark form; Dateline's Markdown accepts the allow-listed HTML, so they are kept as HTML.
turndown.keep(['table'])

/** A figure is an image paragraph whose title is the caption: how Dateline's Markdown writes a figure. */
turndown.addRule('figure', {
  filter: (node) => node.nodeName === 'FIGURE' && node.querySelector('img') !== null,
  replacement: (_content, node) => {
    const el = node as HTMLElement
    const imgs = Array.from(el.querySelectorAll('img'))
    const caption = el.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    const images = imgs.map((img, i) => imageMarkdown(img.getAttribute('src') ?? '', img.getAttribute('alt') ?? '', i === imgs.length - 1 ? caption : ''))
    return `\n\n${images.join('\n\n')}\n\n`
  },
})

turndown.addRule('image', {
  filter: 'img',
  replacement: (_content, node) => {
    const img = node as HTMLElement
    return imageMarkdown(img.getAttribute('src') ?? '', img.getAttribute('alt') ?? '', '')
  },
})

function imageMarkdown(src: string, alt: string, caption: string): string {
  if (!src) return ''
  const text = alt.replace(/\s+/g, ' ').replace(/([\\\[\]])/g, '\\$1').trim()
  const title = caption ? ` "${caption.replace(/(["\\])/g, '\\$1')}"` : ''
  return `![${text}](<${src.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>${title})`
}

/** Control characters other than tab and newline: invisible, and NUL is refused by every text check. */
export const stripControls = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')

/**
 * Markdown for a fragment of HTML: scripts, iframes, styles and event handlers never survive (the allow-list drops them
 * before conversion); headings, lists, quotes, links, emphasis, tables and images do.
 * @example htmlToMarkdown('<p>Hello <em>there</em></p><script>x()</script>') // 'Hello *there*'
 */
export function htmlToMarkdown(html: string): string {
  const clean = sanitize(stripControls(html))
  if (!clean.trim()) return ''
  return turndown.turndown(clean).replace(/\n{3,}/g, '\n\n').trim()
}
