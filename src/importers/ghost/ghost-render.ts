// Ghost's editor formats (Lexical in 5.x–6.x, Mobiledoc in 4.x) to HTML, for posts exported without rendered html.
// Written for Dateline: the common node and card types; anything else keeps its text so nothing silently vanishes.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

interface LexicalNode {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  url?: string
  src?: string
  altText?: string
  alt?: string
  caption?: string
  html?: string
  markdown?: string
  code?: string
  metadata?: { title?: string; url?: string }
  children?: LexicalNode[]
  [key: string]: unknown
}

/** Lexical text format bits: bold 1, italic 2, strikethrough 4, underline 8, code 16. */
function formatText(text: string, format: number): string {
  let out = esc(text)
  if (format & 16) out = `<code>${out}</code>`
  if (format & 1) out = `<strong>${out}</strong>`
  if (format & 2) out = `<em>${out}</em>`
  return out
}

function figure(src: string, alt: string, caption: string): string {
  return src ? `<figure><img src="${esc(src)}" alt="${esc(alt)}">${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>` : ''
}

function lexicalNode(n: LexicalNode, markdown: (md: string) => string): string {
  const kids = () => (n.children ?? []).map((c) => lexicalNode(c, markdown)).join('')
  switch (n.type) {
    case 'root': return kids()
    case 'text': case 'extended-text': return formatText(n.text ?? '', Number(n.format) || 0)
    case 'linebreak': return '<br>'
    case 'paragraph': return `<p>${kids()}</p>`
    case 'heading': case 'extended-heading': return `<${/^h[1-6]$/.test(n.tag ?? '') ? n.tag : 'h2'}>${kids()}</${/^h[1-6]$/.test(n.tag ?? '') ? n.tag : 'h2'}>`
    case 'quote': case 'extended-quote': case 'aside': return `<blockquote>${kids()}</blockquote>`
    case 'list': return n.listType === 'number' ? `<ol>${kids()}</ol>` : `<ul>${kids()}</ul>`
    case 'listitem': return `<li>${kids()}</li>`
    case 'link': case 'autolink': return `<a href="${esc(n.url ?? '')}">${kids()}</a>`
    case 'image': return figure(n.src ?? '', n.altText ?? n.alt ?? '', n.caption ?? '')
    case 'horizontalrule': return '<hr>'
    case 'codeblock': return `<pre><code>${esc(n.code ?? '')}</code></pre>`
    case 'html': return n.html ?? ''
    case 'markdown': return markdown(n.markdown ?? '')
    case 'embed': case 'bookmark': case 'video': case 'audio': case 'file': {
      const url = n.url ?? n.src ?? n.metadata?.url ?? ''
      return url ? `<p><a href="${esc(url)}">${esc(n.metadata?.title ?? url)}</a></p>` : ''
    }
    case 'gallery': {
      const images = (n.images as { src?: string; alt?: string; caption?: string }[] | undefined) ?? []
      return images.map((i) => figure(i.src ?? '', i.alt ?? '', i.caption ?? '')).join('')
    }
    default: return n.children ? kids() : n.text ? esc(n.text) : ''
  }
}

/**
 * HTML for a Lexical document (a JSON string or object).
 * @example renderLexical('{"root":{"type":"root","children":[{"type":"paragraph","children":[{"type":"text","text":"Hi"}]}]}}', md) // '<p>Hi</p>'
 */
export function renderLexical(doc: string | object, markdown: (md: string) => string): string {
  const parsed = (typeof doc === 'string' ? JSON.parse(doc) : doc) as { root?: LexicalNode }
  return parsed.root ? lexicalNode(parsed.root, markdown) : ''
}

type Marker = [number, number[], number, string | number]
interface Mobiledoc {
  atoms?: [string, string, unknown][]
  cards?: [string, Record<string, unknown>][]
  markups?: [string, string[]?][]
  sections?: unknown[][]
}

const allowedMarkup = new Set(['a', 'b', 'strong', 'em', 'i', 'code', 's', 'sub', 'sup', 'u'])

function markers(list: Marker[], doc: Mobiledoc): string {
  let out = ''
  const open: string[] = []
  for (const [kind, opens, closes, value] of list) {
    for (const i of opens) {
      const [tag, attrs = []] = doc.markups?.[i] ?? ['span']
      const t = allowedMarkup.has(tag.toLowerCase()) ? tag.toLowerCase() : 'span'
      const href = t === 'a' ? attrs[attrs.indexOf('href') + 1] : undefined
      out += t === 'a' ? `<a href="${esc(String(href ?? ''))}">` : `<${t}>`
      open.push(t)
    }
    if (kind === 0) out += esc(String(value))
    else {
      const atom = doc.atoms?.[Number(value)]
      if (atom?.[0] === 'soft-return') out += '<br>'
      else if (atom) out += esc(String(atom[1] ?? ''))
    }
    for (let n = 0; n < closes; n++) out += `</${open.pop()}>`
  }
  while (open.length) out += `</${open.pop()}>`
  return out
}

function mobiledocCard(name: string, payload: Record<string, unknown>, markdown: (md: string) => string): string {
  const s = (k: string) => (typeof payload[k] === 'string' ? payload[k] as string : '')
  switch (name) {
    case 'image': return figure(s('src'), s('alt'), s('caption'))
    case 'markdown': case 'card-markdown': return markdown(s('markdown'))
    case 'html': return s('html')
    case 'hr': return '<hr>'
    case 'code': return `<pre><code>${esc(s('code'))}</code></pre>`
    case 'embed': case 'bookmark': {
      const url = s('url')
      return url ? `<p><a href="${esc(url)}">${esc(((payload.metadata as { title?: string } | undefined)?.title) ?? url)}</a></p>` : ''
    }
    case 'gallery': return ((payload.images as { src?: string; alt?: string; caption?: string }[] | undefined) ?? []).map((i) => figure(i.src ?? '', i.alt ?? '', i.caption ?? '')).join('')
    default: return ''
  }
}

/**
 * HTML for a Mobiledoc document (0.3.x): markup, list and image sections and the common cards.
 * @example renderMobiledoc('{"version":"0.3.1","markups":[],"atoms":[],"cards":[],"sections":[[1,"p",[[0,[],0,"Hi"]]]]}', md) // '<p>Hi</p>'
 */
export function renderMobiledoc(doc: string | object, markdown: (md: string) => string): string {
  const d = (typeof doc === 'string' ? JSON.parse(doc) : doc) as Mobiledoc
  return (d.sections ?? []).map((section) => {
    const [kind] = section as [number]
    if (kind === 1) {
      const tag = String(section[1]).toLowerCase()
      const t = /^(p|h[1-6]|blockquote|aside|pull-quote)$/.test(tag) ? (tag === 'aside' || tag === 'pull-quote' ? 'blockquote' : tag) : 'p'
      return `<${t}>${markers(section[2] as Marker[], d)}</${t}>`
    }
    if (kind === 3) {
      const t = String(section[1]).toLowerCase() === 'ol' ? 'ol' : 'ul'
      return `<${t}>${(section[2] as Marker[][]).map((item) => `<li>${markers(item, d)}</li>`).join('')}</${t}>`
    }
    if (kind === 2) return figure(String(section[1] ?? ''), '', '')
    if (kind === 10) {
      const card = d.cards?.[Number(section[1])]
      return card ? mobiledocCard(card[0], card[1] ?? {}, markdown) : ''
    }
    return ''
  }).join('\n')
}
