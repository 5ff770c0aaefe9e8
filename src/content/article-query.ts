// A filter over public articles as data: API surfaces parse their own query languages into it, the store compiles it to SQL.
import { DomainError } from '../platform/errors.js'

/** What a program may filter public articles by. `tag` matches the section, a topic or a tag by slug. */
export type FilterField =
  | 'tag' | 'primary_tag' | 'author' | 'primary_author' | 'slug' | 'title' | 'id' | 'featured' | 'published_at' | 'updated_at' | 'created_at'

/** Text matching, case-insensitive: Ghost's `~` (contains), `~^` (starts with), `~$` (ends with) and their negations. */
export type TextMatchOp = 'contains' | 'starts with' | 'ends with' | 'not contains' | 'not starts with' | 'not ends with'

export type FilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | TextMatchOp

export const textMatchOps: readonly TextMatchOp[] = ['contains', 'starts with', 'ends with', 'not contains', 'not starts with', 'not ends with']

export const isTextMatchOp = (op: FilterOp): op is TextMatchOp => (textMatchOps as readonly string[]).includes(op)

/**
 * A text match as a LIKE pattern with `\` as the escape character: the value's own `%`, `_` and `\` match themselves,
 * never as wildcards. Compare it with `lower(column) LIKE lower(pattern) ESCAPE '\'`.
 * @example likePattern('starts with', '50%_off') // { pattern: '50\\%\\_off%', negated: false }
 */
export function likePattern(op: TextMatchOp, value: string): { pattern: string; negated: boolean } {
  const escaped = value.replace(/[\\%_]/g, '\\$&')
  const negated = op.startsWith('not ')
  const kind = negated ? op.slice(4) : op
  return { pattern: kind === 'contains' ? `%${escaped}%` : kind === 'starts with' ? `${escaped}%` : `%${escaped}`, negated }
}

/** The same match in memory, for lists small enough to filter there (tags, authors, pages). */
export function textMatches(actual: string, op: TextMatchOp, value: string): boolean {
  const a = actual.toLowerCase()
  const v = value.toLowerCase()
  const negated = op.startsWith('not ')
  const kind = negated ? op.slice(4) : op
  const found = kind === 'contains' ? a.includes(v) : kind === 'starts with' ? a.startsWith(v) : a.endsWith(v)
  return found !== negated
}

export type FilterValue = string | number | boolean | Date | null

export type ArticleFilterNode =
  | { kind: 'and' | 'or'; nodes: ArticleFilterNode[] }
  | { kind: 'const'; value: boolean }
  | { kind: 'compare'; field: FilterField; op: FilterOp; values: FilterValue[] }

export type OrderField = 'published_at' | 'updated_at' | 'created_at' | 'title' | 'slug' | 'id'

export interface ArticleOrder {
  field: OrderField
  direction: 'asc' | 'desc'
}

export interface PublicArticleQuery {
  filter?: ArticleFilterNode | undefined
  /** Newest first when empty; the article id always breaks ties so pages never overlap. */
  order?: readonly ArticleOrder[] | undefined
  limit: number
  offset: number
  /** Nothing published after this instant is shown. */
  now: Date
}

export const orderFields: readonly OrderField[] = ['published_at', 'updated_at', 'created_at', 'title', 'slug', 'id']

/** Which operators each field understands; the store refuses anything else, so a surface's mistake is a 400, never SQL. */
export const fieldOps: Record<FilterField, readonly FilterOp[]> = {
  tag: ['=', '!=', 'in', 'not in', ...textMatchOps],
  primary_tag: ['=', '!=', 'in', 'not in', ...textMatchOps],
  author: ['=', '!=', 'in', 'not in', ...textMatchOps],
  primary_author: ['=', '!=', 'in', 'not in', ...textMatchOps],
  slug: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', ...textMatchOps],
  title: ['=', '!=', 'in', 'not in', ...textMatchOps],
  id: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in'],
  featured: ['=', '!=', 'in', 'not in'],
  published_at: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in'],
  updated_at: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in'],
  created_at: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in'],
}

/** Refuses a node the store could not compile; called before any query is built. */
export function checkArticleFilter(node: ArticleFilterNode, depth = 0): void {
  if (depth > 20) throw new DomainError('VALIDATION', 'The filter is nested too deeply')
  if (node.kind === 'const') return
  if (node.kind !== 'compare') {
    for (const child of node.nodes) checkArticleFilter(child, depth + 1)
    return
  }
  if (!fieldOps[node.field]?.includes(node.op)) throw new DomainError('VALIDATION', `${node.field} cannot be compared with ${node.op}`)
  if (node.values.length === 0 || node.values.length > 100) throw new DomainError('VALIDATION', 'A filter value list holds 1 to 100 values')
  if (isTextMatchOp(node.op) && (node.values.length !== 1 || typeof node.values[0] !== 'string')) {
    throw new DomainError('VALIDATION', `${node.field} ${node.op} takes one text value`)
  }
}
