// Streams a WordPress export (WXR 1.0–1.2): never the whole file in memory, one item's small tree at a time.
import { createReadStream } from 'node:fs'
import { SaxesParser } from 'saxes'
import { ImportError } from '../import-report.js'

/** An element of an item or channel entry, with its text (CDATA halves joined) and children. */
export interface XmlNode {
  name: string
  attrs: Record<string, string>
  text: string
  children: XmlNode[]
}

/** What the reader yields: a top-level channel entry (author, category, tag, term, site link) or an item, with its line. */
export interface WxrEntry {
  node: XmlNode
  line: number
}

/** The namespaces WXR uses, by what their URI says, whatever prefix (or http/https spelling) the file binds them to. */
function canonicalPrefix(uri: string): string | undefined {
  if (/wordpress\.org\/export\/[\d.]+\/excerpt/i.test(uri)) return 'excerpt'
  if (/wordpress\.org\/export\//i.test(uri)) return 'wp'
  if (/purl\.org\/rss\/1\.0\/modules\/content/i.test(uri)) return 'content'
  if (/purl\.org\/dc\/elements/i.test(uri)) return 'dc'
  if (/wellformedweb\.org/i.test(uri)) return 'wfw'
  return undefined
}

/** Channel-level entries worth keeping; everything else outside items is skipped. */
const channelEntries = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'wp:base_site_url', 'wp:base_blog_url', 'link', 'title'])

/**
 * Yields the channel's entries and items of a WXR file in order. A malformed file stops with an ImportError naming
 * the line and column and what the parser expected; entries yielded before that were complete.
 * @example for await (const { node, line } of readWxr('export.xml')) if (node.name === 'item') …
 */
export async function* readWxr(file: string): AsyncGenerator<WxrEntry> {
  const parser = new SaxesParser({ position: true })
  const prefixes = new Map<string, string>()
  const ready: WxrEntry[] = []
  const stack: XmlNode[] = []
  let depth = 0
  let capture: { root: XmlNode; line: number; depth: number } | undefined
  let sawRss = false

  const nameOf = (raw: string) => {
    const colon = raw.indexOf(':')
    if (colon < 0) return raw
    const prefix = raw.slice(0, colon)
    return `${prefixes.get(prefix) ?? prefix}:${raw.slice(colon + 1)}`
  }

  parser.on('opentag', (tag) => {
    depth++
    if (depth === 1) {
      sawRss = tag.name === 'rss'
      for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) {
        if (k.startsWith('xmlns:')) {
          const canonical = canonicalPrefix(v)
          if (canonical) prefixes.set(k.slice(6), canonical)
        }
      }
    }
    const name = nameOf(tag.name)
    if (!capture) {
      // rss > channel > entry: depth 3
      if (depth === 3 && (name === 'item' || channelEntries.has(name))) {
        const root: XmlNode = { name, attrs: tag.attributes as Record<string, string>, text: '', children: [] }
        capture = { root, line: parser.line, depth }
        stack.length = 0
        stack.push(root)
      }
      return
    }
    const node: XmlNode = { name, attrs: tag.attributes as Record<string, string>, text: '', children: [] }
    stack[stack.length - 1]!.children.push(node)
    stack.push(node)
  })
  const onText = (text: string) => {
    if (capture && stack.length) stack[stack.length - 1]!.text += text
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('closetag', () => {
    if (capture) {
      stack.pop()
      if (depth === capture.depth) {
        ready.push({ node: capture.root, line: capture.line })
        capture = undefined
      }
    }
    depth--
  })

  const fail = (err: unknown): never => {
    const message = err instanceof Error ? err.message : String(err)
    // saxes reports "file:line:column: message"; say it the way a person reads it.
    const m = /(\d+):(\d+): (.*)$/s.exec(message)
    throw new ImportError(m ? `The file is not well-formed XML at line ${m[1]}, column ${Number(m[2]) + 1}: ${m[3]}` : `The file is not well-formed XML: ${message}`)
  }

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  let first = true
  try {
    for await (let chunk of stream as AsyncIterable<string>) {
      if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1)
      first = false
      try {
        parser.write(chunk)
      } catch (err) {
        fail(err)
      }
      if (depth >= 1 && !sawRss) throw new ImportError('This is XML but not a WordPress export: its root element is not <rss>')
      while (ready.length) yield ready.shift()!
    }
    try {
      parser.close()
    } catch (err) {
      fail(err)
    }
    while (ready.length) yield ready.shift()!
  } finally {
    stream.destroy()
  }
}

/** The text of the first child with this name, or ''. */
export function childText(node: XmlNode, name: string): string {
  for (const c of node.children) if (c.name === name) return c.text
  return ''
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name)
}
