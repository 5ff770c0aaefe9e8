// Ghost's filter language (NQL), parsed by hand: a small recursive descent into a tree of comparisons. No library
// parses NQL outside Ghost's own (which pulls in its query builder), and the grammar fits on a page.
//
//   filter     := or
//   or         := and (',' and)*
//   and        := atom ('+' atom)*
//   atom       := '(' or ')' | comparison
//   comparison := field ':' op? value
//   op         := '-'? ('~' | '~^' | '~$') | '-' | '>' | '>=' | '<' | '<='
//                 ('-' negates; ':' alone is equality; '~' contains, '~^' starts with, '~$' ends with)
//   value      := '[' literal (',' literal)* ']' | literal
//   literal    := 'quoted' | "quoted" | null | true | false | number | now | now-N(s|m|h|d|w|M|y) | bare-word
//   ('+' is "and", so relative dates look back only, as in Ghost.)

export type NqlOp =
  | '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in'
  | 'contains' | 'starts with' | 'ends with' | 'not contains' | 'not starts with' | 'not ends with'

export type NqlLiteral =
  | { kind: 'text'; text: string; quoted: boolean }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: Date }

export type NqlNode =
  | { kind: 'and' | 'or'; nodes: NqlNode[] }
  | { kind: 'compare'; field: string; op: NqlOp; values: NqlLiteral[] }

export class NqlError extends Error {
  override name = 'NqlError'
}

export const nqlLimits = { length: 2000, depth: 12, comparisons: 100, listValues: 100, valueLength: 500 } as const

const units: Record<string, (d: Date, n: number) => void> = {
  s: (d, n) => d.setUTCSeconds(d.getUTCSeconds() + n),
  m: (d, n) => d.setUTCMinutes(d.getUTCMinutes() + n),
  h: (d, n) => d.setUTCHours(d.getUTCHours() + n),
  d: (d, n) => d.setUTCDate(d.getUTCDate() + n),
  w: (d, n) => d.setUTCDate(d.getUTCDate() + 7 * n),
  M: (d, n) => d.setUTCMonth(d.getUTCMonth() + n),
  y: (d, n) => d.setUTCFullYear(d.getUTCFullYear() + n),
}

const bareStop = /[\s+,()[\]'"]/
const fieldPattern = /^[A-Za-z_][A-Za-z0-9_.]*/

/**
 * Parses an NQL filter against a fixed `now` (for relative dates); throws NqlError with a position on anything else.
 * @example parseNql("tag:energy+published_at:>now-30d", now) // { kind: 'and', nodes: [ {…'tag' '=' energy}, {…'published_at' '>' date} ] }
 */
export function parseNql(source: string, now: Date): NqlNode {
  if (source.length > nqlLimits.length) throw new NqlError(`the filter is longer than ${nqlLimits.length} characters`)
  let pos = 0
  let comparisons = 0

  const fail = (what: string): never => {
    throw new NqlError(`${what} at character ${pos + 1}`)
  }
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++
  }
  const peek = () => {
    skipSpace()
    return source[pos]
  }

  function parseOr(depth: number): NqlNode {
    if (depth > nqlLimits.depth) fail('too many nested parentheses')
    const nodes = [parseAnd(depth)]
    while (peek() === ',') {
      pos++
      nodes.push(parseAnd(depth))
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes }
  }

  function parseAnd(depth: number): NqlNode {
    const nodes = [parseAtom(depth)]
    while (peek() === '+') {
      pos++
      nodes.push(parseAtom(depth))
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes }
  }

  function parseAtom(depth: number): NqlNode {
    if (peek() === '(') {
      pos++
      const inner = parseOr(depth + 1)
      if (peek() !== ')') fail('expected )')
      pos++
      return inner
    }
    return parseComparison()
  }

  function parseComparison(): NqlNode {
    skipSpace()
    const field = fieldPattern.exec(source.slice(pos, pos + 100))?.[0]
    if (!field) return fail('expected a property name')
    pos += field.length
    if (source[pos] !== ':') fail(`expected : after ${field}`)
    pos++
    let op: NqlOp = '='
    if (source.startsWith('>=', pos)) { op = '>='; pos += 2 }
    else if (source.startsWith('<=', pos)) { op = '<='; pos += 2 }
    else if (source[pos] === '>') { op = '>'; pos++ }
    else if (source[pos] === '<') { op = '<'; pos++ }
    else if (source[pos] === '-') { op = '!='; pos++ }
    if (source[pos] === '~') {
      if (op !== '=' && op !== '!=') fail('~ follows : or :-')
      pos++
      const match = source[pos] === '^' ? 'starts with' : source[pos] === '$' ? 'ends with' : 'contains'
      if (match !== 'contains') pos++
      op = op === '!=' ? `not ${match}` : match
    }
    if (++comparisons > nqlLimits.comparisons) fail(`more than ${nqlLimits.comparisons} comparisons`)
    if (source[pos] === '[') {
      if (op !== '=' && op !== '!=') fail('a list of values takes : or :-')
      pos++
      const values: NqlLiteral[] = [parseLiteral()]
      while (peek() === ',') {
        pos++
        values.push(parseLiteral())
        if (values.length > nqlLimits.listValues) fail(`more than ${nqlLimits.listValues} values in a list`)
      }
      if (peek() !== ']') fail('expected ]')
      pos++
      return { kind: 'compare', field, op: op === '=' ? 'in' : 'not in', values }
    }
    return { kind: 'compare', field, op, values: [parseLiteral()] }
  }

  function parseLiteral(): NqlLiteral {
    const quote = peek()
    if (quote === "'" || quote === '"') {
      pos++
      let text = ''
      while (pos < source.length && source[pos] !== quote) {
        if (source[pos] === '\\' && pos + 1 < source.length) pos++
        text += source[pos]
        pos++
      }
      if (source[pos] !== quote) fail('unterminated quoted value')
      pos++
      if (text.length > nqlLimits.valueLength) fail(`a value longer than ${nqlLimits.valueLength} characters`)
      return { kind: 'text', text, quoted: true }
    }
    const start = pos
    while (pos < source.length && !bareStop.test(source[pos]!)) pos++
    const word = source.slice(start, pos)
    if (!word) return fail('expected a value')
    if (word.length > nqlLimits.valueLength) fail(`a value longer than ${nqlLimits.valueLength} characters`)
    if (word === 'null') return { kind: 'null' }
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' }
    if (/^-?\d{1,15}(\.\d{1,6})?$/.test(word)) return { kind: 'number', value: Number(word), text: word }
    const relative = /^now(?:(-)(\d{1,4})([smhdwMy]))?$/.exec(word)
    if (relative) {
      const date = new Date(now.getTime())
      if (relative[1]) units[relative[3]!]!(date, -Number(relative[2]))
      return { kind: 'date', value: date }
    }
    return { kind: 'text', text: word, quoted: false }
  }

  const tree = parseOr(0)
  if (peek() !== undefined) fail(`unexpected "${source[pos]}"`)
  return tree
}

/** The text of a literal as a string property compares it ('null' and booleans as their words). */
export function literalText(literal: NqlLiteral): string | null {
  switch (literal.kind) {
    case 'text': return literal.text
    case 'number': return literal.text
    case 'bool': return String(literal.value)
    case 'null': return null
    case 'date': return literal.value.toISOString()
  }
}
