// The query parameters of Ghost's Content API (include, fields, formats, limit, page, order, filter), read strictly:
// anything that cannot be understood is a GhostQueryError (400), never a guess and never SQL.
import type { ArticleFilterNode, ArticleOrder, FilterField, FilterOp, FilterValue, OrderField } from '../../content/index.js'
import { isTextMatchOp, orderFields, textMatches } from '../../content/index.js'
import { literalText, NqlError, parseNql, type NqlLiteral, type NqlNode } from './nql.js'
import { parseGhostId, type GhostKind } from './ghost-ids.js'

export class GhostQueryError extends Error {
  override name = 'GhostQueryError'
  constructor(message: string, readonly context: string | null = null) {
    super(message)
  }
}

export const ghostLimits = { defaultLimit: 15, maxLimit: 100, maxPage: 100_000 } as const

export interface GhostQuery {
  include: Set<string>
  /** Keys to keep in each object; undefined keeps all. */
  fields: Set<string> | undefined
  formats: Set<'html' | 'plaintext'>
  limit: number
  page: number
  order: { field: string; direction: 'asc' | 'desc' }[]
  filter: NqlNode | undefined
}

/** One value of a query parameter: Fastify hands a repeated parameter over as an array; Ghost reads the first. */
function one(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)

function whole(name: string, raw: string, max: number): number {
  if (!/^\d{1,9}$/.test(raw.trim()) || Number(raw) < 1) throw new GhostQueryError(`Validation error, cannot read ${name}.`, `${name} must be a whole number of at least 1`)
  return Math.min(Number(raw), max)
}

export function readGhostQuery(query: Record<string, unknown>, now: Date): GhostQuery {
  const limitRaw = one(query.limit)
  const pageRaw = one(query.page)
  const filterRaw = one(query.filter)
  const order = list(one(query.order)).slice(0, 5).map((part) => {
    const [field = '', direction = 'asc', extra] = part.split(/\s+/)
    const dir = direction.toLowerCase()
    if (extra !== undefined || (dir !== 'asc' && dir !== 'desc') || !/^[a-z_.]{1,40}$/.test(field)) {
      throw new GhostQueryError('Validation error, cannot read order.', 'order takes "<property> asc|desc", separated by commas')
    }
    return { field, direction: dir as 'asc' | 'desc' }
  })
  const formats = new Set(list(one(query.formats)).filter((f): f is 'html' | 'plaintext' => f === 'html' || f === 'plaintext'))
  let filter: NqlNode | undefined
  if (filterRaw !== undefined && filterRaw.trim() !== '') {
    try {
      filter = parseNql(filterRaw, now)
    } catch (err) {
      if (err instanceof NqlError) throw new GhostQueryError('Error parsing filter', err.message)
      throw err
    }
  }
  const fields = list(one(query.fields)).filter((f) => /^[a-z_]{1,40}$/.test(f))
  return {
    include: new Set(list(one(query.include)).slice(0, 10)),
    fields: fields.length ? new Set(fields) : undefined,
    formats: formats.size ? formats : new Set(['html']),
    limit: limitRaw === undefined || limitRaw === '' ? ghostLimits.defaultLimit
      : limitRaw === 'all' ? ghostLimits.maxLimit : whole('limit', limitRaw, ghostLimits.maxLimit),
    page: pageRaw === undefined || pageRaw === '' ? 1 : whole('page', pageRaw, ghostLimits.maxPage),
    order,
    filter,
  }
}

// ── Posts: NQL over Ghost's post properties becomes the content capability's filter tree ──

const postFields: Record<string, FilterField | 'visibility' | 'status' | 'type'> = {
  tag: 'tag', tags: 'tag', 'tags.slug': 'tag', primary_tag: 'primary_tag', 'primary_tag.slug': 'primary_tag',
  author: 'author', authors: 'author', 'authors.slug': 'author', primary_author: 'primary_author', 'primary_author.slug': 'primary_author',
  slug: 'slug', title: 'title', id: 'id', featured: 'featured', published_at: 'published_at', updated_at: 'updated_at', created_at: 'created_at',
  visibility: 'visibility', status: 'status', type: 'type',
}

/** What `~`, `~^` and `~$` (and their negations) work on: slugs, and titles. */
const textFields = new Set<string>(['tag', 'primary_tag', 'author', 'primary_author', 'slug', 'title'])

/** Ghost writes dates as '2024-05-01 10:00:00' (UTC) or ISO 8601; relative ones (now-30d) arrive as dates already. */
function dateOf(literal: NqlLiteral, field: string): Date | null {
  if (literal.kind === 'date') return literal.value
  if (literal.kind === 'null') return null
  const text = literalText(literal) ?? ''
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(text)
  const date = m ? new Date(`${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? 'Z'}`) : undefined
  if (!date || Number.isNaN(date.getTime())) throw new GhostQueryError('Error parsing filter', `${field} takes a date such as '2024-05-01 10:00:00' or now-30d`)
  return date
}

function boolOf(literal: NqlLiteral, field: string): boolean {
  if (literal.kind === 'bool') return literal.value
  const text = literalText(literal)
  if (text === 'true' || text === 'false') return text === 'true'
  throw new GhostQueryError('Error parsing filter', `${field} takes true or false`)
}

/** What every post is: public, published, a post (or a page, for the pages resource). */
function constantMatch(node: Extract<NqlNode, { kind: 'compare' }>, value: string): ArticleFilterNode {
  if (!['=', '!=', 'in', 'not in'].includes(node.op)) throw new GhostQueryError('Error parsing filter', `${node.field} takes : or :-`)
  const matches = node.values.some((v) => literalText(v) === value)
  const negated = node.op === '!=' || node.op === 'not in'
  return { kind: 'const', value: matches !== negated }
}

export function postFilter(node: NqlNode, kind: GhostKind = 'post'): ArticleFilterNode {
  if (node.kind !== 'compare') return { kind: node.kind, nodes: node.nodes.map((n) => postFilter(n, kind)) }
  const field = postFields[node.field]
  if (!field) throw new GhostQueryError('Error parsing filter', `unknown property ${node.field}`)
  if (isTextMatchOp(node.op)) {
    if (!textFields.has(field)) throw new GhostQueryError('Error parsing filter', `${node.field} cannot be matched with ~, ~^ or ~$ (only text: slugs and titles)`)
    const text = literalText(node.values[0]!)
    if (text === null) throw new GhostQueryError('Error parsing filter', `${node.field} cannot be matched with null`)
    return { kind: 'compare', field: field as FilterField, op: node.op, values: [text] }
  }
  if (field === 'visibility') return constantMatch(node, 'public')
  if (field === 'status') return constantMatch(node, 'published')
  if (field === 'type') return constantMatch(node, kind)
  const ordered = node.op === '>' || node.op === '>=' || node.op === '<' || node.op === '<='
  let values: FilterValue[]
  switch (field) {
    case 'published_at': case 'updated_at': case 'created_at':
      values = node.values.map((v) => dateOf(v, node.field))
      break
    case 'featured':
      values = node.values.map((v) => boolOf(v, node.field))
      break
    case 'id':
      // An id that is not one of this resource's matches nothing (-1), as an unknown id would in Ghost.
      values = node.values.map((v) => {
        const parsed = parseGhostId(literalText(v) ?? '')
        return parsed?.kind === kind ? parsed.id : -1
      })
      break
    default:
      if (ordered && field !== 'slug') throw new GhostQueryError('Error parsing filter', `${node.field} takes : or :- (no > or <)`)
      values = node.values.map((v) => literalText(v))
  }
  return { kind: 'compare', field, op: node.op, values }
}

const postOrder: Record<string, OrderField> = {
  published_at: 'published_at', updated_at: 'updated_at', created_at: 'created_at', title: 'title', slug: 'slug', id: 'id',
}

export function postOrderOf(order: GhostQuery['order']): ArticleOrder[] {
  return order.map((o) => {
    const field = postOrder[o.field]
    if (!field || !orderFields.includes(field)) throw new GhostQueryError('Validation error, cannot read order.', `posts cannot be ordered by ${o.field}`)
    return { field, direction: o.direction }
  })
}

// ── Pages: a handful, so filtered, ordered and paged in memory, over the same properties as posts ──

export interface PageRecord {
  id: number
  slug: string
  title: string
  createdAt: Date
  modifiedAt: Date
}

function compareValues(actual: string | number, op: FilterOp, values: (string | number | null)[]): boolean {
  switch (op) {
    case '=': return values[0] === actual
    case '!=': return values[0] !== actual
    case 'in': return values.includes(actual)
    case 'not in': return !values.includes(actual)
    default: {
      const v = values[0]
      if (v === null || v === undefined) throw new GhostQueryError('Error parsing filter', 'a property cannot be compared with null that way')
      const c = typeof actual === 'number' && typeof v === 'number' ? actual - v : actual < String(v) ? -1 : actual > String(v) ? 1 : 0
      return op === '>' ? c > 0 : op === '>=' ? c >= 0 : op === '<' ? c < 0 : c <= 0
    }
  }
}

function evaluatePage(node: ArticleFilterNode, page: PageRecord): boolean {
  if (node.kind === 'const') return node.value
  if (node.kind !== 'compare') return node.kind === 'and' ? node.nodes.every((n) => evaluatePage(n, page)) : node.nodes.some((n) => evaluatePage(n, page))
  const { field, op, values } = node
  if (isTextMatchOp(op)) {
    const value = String(values[0])
    // A page has no tags and no byline: no slug of theirs matches, so only the negation holds.
    return field === 'slug' || field === 'title' ? textMatches(page[field], op, value) : op.startsWith('not ')
  }
  const negated = op === '!=' || op === 'not in'
  switch (field) {
    // A page has no tags, no byline and is never featured: a membership test is false, its negation true.
    case 'tag': case 'primary_tag': case 'author': case 'primary_author':
      return values.includes(null) !== negated
    case 'featured':
      return values.includes(false) !== negated
    case 'id':
      return compareValues(page.id, op, values.map((v) => (typeof v === 'number' ? v : null)))
    case 'slug': case 'title':
      return compareValues(page[field], op, values.map((v) => (v === null ? null : String(v))))
    default: {
      const actual = (field === 'updated_at' ? page.modifiedAt : page.createdAt).toISOString()
      return compareValues(actual, op, values.map((v) => (v instanceof Date ? v.toISOString() : null)))
    }
  }
}

/** The pages a filter keeps: the same properties and errors as for posts (tags and authors match no page). */
export function filterPages<T extends PageRecord>(pages: readonly T[], node: NqlNode | undefined): T[] {
  if (!node) return [...pages]
  const filter = postFilter(node, 'page')
  return pages.filter((p) => evaluatePage(filter, p))
}

const pageOrderValue: Record<OrderField, (p: PageRecord) => string | number> = {
  published_at: (p) => p.createdAt.getTime(), created_at: (p) => p.createdAt.getTime(), updated_at: (p) => p.modifiedAt.getTime(),
  title: (p) => p.title, slug: (p) => p.slug, id: (p) => p.id,
}

/** Newest first unless asked otherwise, as Ghost lists pages; the id breaks ties. */
export function sortPages<T extends PageRecord>(pages: T[], order: GhostQuery['order']): T[] {
  const keys = [...(order.length ? postOrderOf(order) : [{ field: 'published_at' as const, direction: 'desc' as const }]), { field: 'id' as const, direction: 'desc' as const }]
  return pages.sort((a, b) => {
    for (const k of keys) {
      const x = pageOrderValue[k.field](a)
      const y = pageOrderValue[k.field](b)
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
      if (c) return k.direction === 'asc' ? c : -c
    }
    return 0
  })
}

// ── Tags and authors: few enough to filter and order in memory, with the same language ──

export interface TermRecord {
  id: string
  slug: string
  name: string
  visibility: string
  'count.posts': number
}

function compareText(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
}

/** Whether a tag or author matches; properties beyond slug, name, id and visibility are refused. */
export function termMatches(node: NqlNode, record: TermRecord): boolean {
  if (node.kind !== 'compare') return node.kind === 'and' ? node.nodes.every((n) => termMatches(n, record)) : node.nodes.some((n) => termMatches(n, record))
  const key = node.field === 'count.posts' ? 'count.posts' : node.field
  if (!['slug', 'name', 'id', 'visibility', 'count.posts'].includes(key)) throw new GhostQueryError('Error parsing filter', `unknown property ${node.field}`)
  const actual = record[key as keyof TermRecord]
  if (isTextMatchOp(node.op)) {
    const text = literalText(node.values[0]!)
    if ((key !== 'slug' && key !== 'name') || text === null) throw new GhostQueryError('Error parsing filter', `${node.field} cannot be matched with ~, ~^ or ~$`)
    return textMatches(String(actual), node.op, text)
  }
  const values = node.values.map((v) => (key === 'count.posts' ? Number(literalText(v)) : literalText(v)))
  switch (node.op) {
    case '=': return values[0] === actual
    case '!=': return values[0] !== actual
    case 'in': return values.includes(actual)
    case 'not in': return !values.includes(actual)
    default: {
      const v = values[0]
      if (v === null || v === undefined) throw new GhostQueryError('Error parsing filter', `${node.field} cannot be compared with null that way`)
      const c = compareText(actual, v)
      return node.op === '>' ? c > 0 : node.op === '>=' ? c >= 0 : node.op === '<' ? c < 0 : c <= 0
    }
  }
}

export function sortTerms<T extends TermRecord>(records: T[], order: GhostQuery['order']): T[] {
  if (!order.length) return records
  for (const o of order) {
    if (!['slug', 'name', 'id', 'count.posts'].includes(o.field)) throw new GhostQueryError('Validation error, cannot read order.', `cannot order by ${o.field}`)
  }
  return [...records].sort((a, b) => {
    for (const o of order) {
      const c = compareText(a[o.field as keyof TermRecord], b[o.field as keyof TermRecord])
      if (c) return o.direction === 'asc' ? c : -c
    }
    return 0
  })
}
