// A reader's search box input parsed into a small query model that either dialect can render safely.

/** Words that must appear next to each other, in order; `prefix` lets the last one match as a word start. */
export interface Phrase {
  words: string[]
  prefix: boolean
}

/**
 * What a reader asked for: every clause must match (a clause is one phrase or several joined by OR), and no
 * excluded phrase may. Words hold only letters, digits and combining marks, so no input can reach the
 * database as syntax.
 */
export interface SearchQuery {
  all: Phrase[][]
  none: Phrase[]
}

export const maxQueryLength = 200
const maxWords = 16
const maxWordLength = 60

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.slice(0, maxWordLength))
}

/**
 * Understands what people type into news search boxes: "quoted phrases", OR between alternatives,
 * -word or NOT word to exclude, and word* for a prefix. Everything else (AND, NEAR, ^, :, brackets, SQL)
 * is treated as the words it contains.
 * @example parseQuery('"price cap" OR tariff -gas') // { all: [[price cap, tariff]], none: [gas] }
 */
export function parseQuery(input: string): SearchQuery {
  const text = input.normalize('NFKC').slice(0, maxQueryLength)
  const all: Phrase[][] = []
  const none: Phrase[] = []
  let budget = maxWords
  let orNext = false
  let notNext = false
  const token = /"([^"]*)"?|(\S+)/g
  for (let m = token.exec(text); m && budget > 0; m = token.exec(text)) {
    const quoted = m[1] !== undefined
    let raw = quoted ? m[1]! : m[2]!
    if (!quoted) {
      if (raw === 'OR' || raw === '|' || raw === '||') { orNext = all.length > 0; continue }
      if (raw === 'NOT') { notNext = true; continue }
      if (raw === 'AND' || raw === '&' || raw === '&&' || raw === '+') continue
    }
    let exclude = notNext
    if (!quoted && raw.startsWith('-') && /^-[\p{L}\p{N}"]/u.test(raw)) {
      exclude = true
      raw = raw.slice(1)
    }
    const words = wordsOf(raw).slice(0, budget)
    if (words.length === 0) continue
    budget -= words.length
    const phrase: Phrase = { words, prefix: !quoted && /[\p{L}\p{N}\p{M}]\*+$/u.test(raw) && words.at(-1)!.length >= 2 }
    if (exclude) none.push(phrase)
    else if (orNext) all.at(-1)!.push(phrase)
    else all.push([phrase])
    orNext = false
    notNext = false
  }
  return { all, none }
}

/** True when the query can match something: at least one word that must be present. */
export function isSearchable(q: SearchQuery): boolean {
  return q.all.length > 0
}

/**
 * The FTS5 MATCH expression; every phrase is double-quoted and holds only word characters, so FTS5 reads
 * reader input as words and never as operators.
 */
export function toFts5(q: SearchQuery): string {
  const phrase = (p: Phrase) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`
  const clause = (c: Phrase[]) => (c.length === 1 ? phrase(c[0]!) : `(${c.map(phrase).join(' OR ')})`)
  const positive = q.all.map(clause).join(' AND ')
  return q.none.length ? `(${positive})${q.none.map((p) => ` NOT ${phrase(p)}`).join('')}` : positive
}
