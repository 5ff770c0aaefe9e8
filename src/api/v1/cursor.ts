// Opaque page cursors: base64url JSON a client hands back unchanged; anything else is a clear 400, never a query.
import { DomainError } from '../../platform/errors.js'

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/

const bad = () => new DomainError('VALIDATION', 'cursor is not one this API gave out: pass next_cursor unchanged')

function decode(cursor: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad()
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>
  } catch { /* falls through to the same answer as any other stranger's cursor */ }
  throw bad()
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0

/** Where a newest-first article page ended: its last (published_at, id). */
export const articleCursor = {
  encode: (last: { publishedAt: Date | null; id: number }) => encode({ k: 'a', p: last.publishedAt?.toISOString() ?? '', i: last.id }),
  decode(cursor: string): { publishedAt: string; id: number } {
    const v = decode(cursor)
    if (v.k !== 'a' || typeof v.p !== 'string' || !isoInstant.test(v.p) || !isId(v.i)) throw bad()
    return { publishedAt: v.p, id: v.i }
  },
}

/** Where an oldest-first page of comments ended: its last id. */
export const commentCursor = {
  encode: (lastId: number) => encode({ k: 'c', i: lastId }),
  decode(cursor: string): number {
    const v = decode(cursor)
    if (v.k !== 'c' || !isId(v.i)) throw bad()
    return v.i
  },
}

/** Search ranks by relevance, which has no keyset: its cursor carries how many results came before. */
export const searchCursor = {
  encode: (offset: number) => encode({ k: 's', o: offset }),
  decode(cursor: string): number {
    const v = decode(cursor)
    if (v.k !== 's' || !Number.isSafeInteger(v.o) || (v.o as number) < 0 || (v.o as number) > 10_000) throw bad()
    return v.o as number
  },
}
