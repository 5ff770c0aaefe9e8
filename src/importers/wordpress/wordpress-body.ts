// WordPress post content to Dateline Markdown: block comments dropped, classic text given paragraphs, shortcodes
// turned into figures, galleries and links, images pointed at the imported media; then the common HTML → Markdown.
import { htmlToText, sanitize, toOneLine } from '../../content/index.js'
import { htmlToMarkdown } from '../html-to-markdown.js'

/** Finds the media an old image address now has (or undefined), and the pictures of a gallery by attachment id. */
export interface MediaLookup {
  urlFor(oldUrl: string): string | undefined
  attachment(id: string): { url: string; alt: string; caption: string } | undefined
}

export interface ConvertedBody {
  markdown: string
  /** The text before `<!--more-->`, for a standfirst when the post has no excerpt. */
  teaser: string | undefined
  unknownShortcodes: string[]
}

const blockTags = 'address|article|aside|blockquote|details|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|thead|tfoot|tr|td|th|ul|caption|style|script'
const startsBlock = new RegExp(`^\\s*<(?:/?)(?:${blockTags})\\b`, 'i')

/**
 * Paragraphs for classic-editor text, where a blank line is a paragraph break and a single newline a line break.
 * Written for Dateline (not WordPress's wpautop): chunks that already start with a block element are left alone.
 */
export function addParagraphs(text: string): string {
  return text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((chunk) => {
    const t = chunk.trim()
    if (!t) return ''
    if (startsBlock.test(t) || /^\[(caption|gallery|embed)\b/.test(t)) return t
    return `<p>${t.replace(/\n/g, '<br>\n')}</p>`
  }).filter(Boolean).join('\n')
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function attrsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/([a-zA-Z_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))/g)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  return out
}

const known = new Set(['caption', 'wp_caption', 'gallery', 'embed', 'video', 'audio'])

/** Shortcodes Dateline understands become HTML; others are kept as text and their names returned for the report. */
function convertShortcodes(html: string, media: MediaLookup, unknown: string[]): string {
  let out = html.replace(/\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_m, _name, attrText: string, inner: string) => {
    const attrs = attrsOf(attrText)
    const img = /<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
    const rest = inner.replace(/<a\b[^>]*>\s*(<img\b[^>]*>)\s*<\/a>/i, '$1').replace(/<img\b[^>]*>/i, '').replace(/<[^>]+>/g, '').trim()
    const caption = attrs.caption ?? rest
    return `\n\n<figure>${img}<figcaption>${escapeText(caption.trim())}</figcaption></figure>\n\n`
  })
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_m, attrText: string) => {
    const ids = (attrsOf(attrText).ids ?? attrsOf(attrText).include ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    const images = ids.map((id) => media.attachment(id)).filter((a) => a !== undefined)
    if (!images.length) return ''
    return `\n\n${images.map((a) => `<figure><img src="${escapeAttr(a.url)}" alt="${escapeAttr(a.alt)}">${a.caption ? `<figcaption>${escapeText(a.caption)}</figcaption>` : ''}</figure>`).join('\n')}\n\n`
  })
  out = out.replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_m, _a, url: string) => link(url.trim()))
  out = out.replace(/\[(video|audio)([^\]]*)\](?:\[\/\1\])?/gi, (_m, _n, attrText: string) => {
    const a = attrsOf(attrText)
    const src = a.src ?? a.mp4 ?? a.mp3 ?? a.url ?? ''
    return src ? link(src) : ''
  })
  // What remains that looks like a shortcode ([name attr=…], or a pair [name]…[/name]) is reported and kept.
  for (const m of out.matchAll(/\[([a-z][a-z0-9_-]*)(\s[^\]]*=[^\]]*)?\]/gi)) {
    const name = m[1]!.toLowerCase()
    if (known.has(name)) continue
    if (m[2] || out.includes(`[/${m[1]}]`) || /[_-]/.test(name)) unknown.push(name)
  }
  return out
}

const link = (url: string) => (/^https?:\/\/\S+$/i.test(url) ? `\n\n<p><a href="${escapeAttr(url)}">${escapeText(url)}</a></p>\n\n` : '')

/** A URL alone on its line is an embed in WordPress; in Dateline it is a link. */
const bareUrls = (html: string) => html.replace(/^[ \t]*(?:<p>)?[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*(?:<\/p>)?[ \t]*$/gim, (_m, url: string) => link(url))

function rewriteMedia(html: string, media: MediaLookup): string {
  return html.replace(/\b(src|href)\s*=\s*(["'])([^"']+)\2/gi, (whole, attr: string, q: string, url: string) => {
    const to = media.urlFor(url)
    return to ? `${attr}=${q}${to}${q}` : whole
  }).replace(/\s(srcset|sizes)\s*=\s*(["'])[^"']*\2/gi, '')
}

/**
 * Dateline Markdown for a post's content.
 * @example convertWordPressBody('One\n\nTwo [gallery ids="4"]', media).markdown
 */
export function convertWordPressBody(content: string, media: MediaLookup): ConvertedBody {
  const unknown: string[] = []
  let html = content
  const blocks = /<!--\s*\/?wp:/.test(html)
  // Block-editor markup is HTML already; its comments carry editor state only.
  html = html.replace(/<!--\s*\/?wp:[\s\S]*?-->/g, '')
  const more = /<!--\s*more\b[^>]*-->/i.exec(html)
  const teaserHtml = more ? html.slice(0, more.index) : undefined
  html = html.replace(/<!--\s*(more|noteaser|nextpage)\b[^>]*-->/gi, '')
  if (!blocks && !/<p[\s>]/i.test(html)) html = addParagraphs(html)
  html = bareUrls(html)
  html = convertShortcodes(html, media, unknown)
  html = rewriteMedia(html, media)
  const teaser = teaserHtml === undefined ? undefined : toOneLine(htmlToText(sanitize(teaserHtml.replace(/\[[^\]]*\]/g, ''))))
  return { markdown: htmlToMarkdown(html), teaser: teaser || undefined, unknownShortcodes: unknown }
}
