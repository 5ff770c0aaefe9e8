// A filter over public articles as data: API surfaces parse their own query languages into it, the store compiles it to SQL.
import { DomainError } from '../platform/errors.js'

/** What a program may filter public articles by. `tag` matches the section, a topic or a tag by slug. */
export type FilterField =
  | 'tag' | 'primary_tag' | 'author' | 'primary_author' | 'slug' | 'id' | 'featured' | 'published_at' | 'updated_at' | 'created_at'

export type FilterOp = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in'

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
  tag: ['=', '!=', 'in', 'not in'],
  primary_tag: ['=', '!=', 'in', 'not in'],
  author: ['=', '!=', 'in', 'not in'],
  primary_author: ['=', '!=', 'in', 'not in'],
  slug: ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in'],
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
}
