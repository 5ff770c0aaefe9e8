// What an article is about, read from its words: weighted terms (names above common words) and a MinHash signature of its wording.
import { porterStem } from './stem.js'

export interface ArticleText {
  headline: string
  standfirst: string
  /** Plain text of the body (block ends are newlines). */
  bodyText: string
}

/**
 * Term frequencies, weighted by where they occur (headline 3, standfirst 2, body 1). Terms are prefixed by kind:
 * `@name` (a capitalised word inside a name), `@first second` (a name of two to four words), `#40 megawatt`
 * (a number with its unit), or a plain Porter stem for any other significant word.
 */
export type TermCounts = Map<string, number>

const stopWords = new Set((
  'a about above after again against all almost also although am among an and another any anyone are around as at away ' +
  'back be became because become been before being below between both but by can cannot could did do does doing done ' +
  'down during each either else enough even ever every few for from further get gets getting given go goes going gone got ' +
  'had has have having he her here hers herself him himself his how however i if in into is it its itself just last least ' +
  'less like made make makes many may me might more most much must my near need needs neither never new next no nor not ' +
  'now of off often on once one only onto or other others our ours out over own per put rather really said same say says ' +
  'see seen several she should since so some such than that the their them themselves then there these they this those ' +
  'though three through thus to too two under until up upon us very was we well were what whatever when where whether ' +
  'which while who whom whose why will with within without would yet you your yours ' +
  'mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks year years ' +
  'month months day days time times first second third four five six seven eight nine ten hundred thousand people'
).split(' '))

// Words that join a name's parts: "Bank of England", "Court of Arbitration for Sport", "Vincent van Gogh".
const nameJoiners = new Set(['of', 'for', 'de', 'del', 'der', 'la', 'le', 'van', 'von', 'da', 'di', 'du', 'and'])

const monthNames = new Set('january february march april may june july august september october november december'.split(' '))

// A word, a number (3, 3.1, 60,000), with inner apostrophes or hyphens kept: "O'Neill", "long-haul".
const tokenPattern = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|[.!?;:]/gu
const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase()
const isNumber = (t: string) => /^\p{N}/u.test(t)
const sentenceEnd = (t: string) => t === '.' || t === '!' || t === '?' || t === ';' || t === ':'

/** Units a number is read with; any other following word is kept when it is a significant noun ("212 passengers"). */
const unitWords = new Set(['per', 'cent', 'percent', 'million', 'billion', 'bn', 'm', 'km', 'kg', 'mm', 'mw', 'gw', 'tonnes', 'metres', 'miles'])

// Stems of words seen, kept while the process runs (bounded): news reuses its words, and stemming is most of the cost.
const stems = new Map<string, string | null>()

function plainTerm(word: string): string | undefined {
  const known = stems.get(word)
  if (known !== undefined) return known ?? undefined
  const w = word.toLowerCase().replace(/[’']s$/, '').replace(/[’']/g, '')
  const stem = w.length < 3 || stopWords.has(w) || monthNames.has(w) || isNumber(w) ? null : porterStem(w.replace(/-/g, ''))
  if (stems.size >= 200_000) stems.clear()
  stems.set(word, stem)
  return stem ?? undefined
}

interface Token { text: string; start: boolean }

/** Tokens with whether each opens a sentence (or a paragraph, or the text). */
function tokens(text: string): Token[] {
  const out: Token[] = []
  let start = true
  for (const line of text.split('\n')) {
    start = true
    for (const m of line.matchAll(tokenPattern)) {
      const t = m[0]
      if (sentenceEnd(t)) {
        start = true
        continue
      }
      out.push({ text: t, start })
      start = false
    }
  }
  return out
}

const capitalised = (t: string) => isUpper(t[0]!) && !isNumber(t)

/**
 * Words seen capitalised where a sentence does not force it: the article's own evidence of what is a name.
 * A word also seen in lower case in the article ("Police said…" and "the police") is not a name.
 */
function nameWords(all: Token[]): Set<string> {
  const capital = new Set<string>()
  const lower = new Set<string>()
  for (const t of all) {
    const key = t.text.toLowerCase()
    if (!capitalised(t.text)) lower.add(key)
    else if (!t.start) capital.add(key)
  }
  for (const w of lower) capital.delete(w)
  for (const w of stopWords) capital.delete(w)
  return capital
}

function add(counts: TermCounts, term: string, weight: number): void {
  counts.set(term, (counts.get(term) ?? 0) + weight)
}

/** Adds one field's terms to `counts`; `names` says which capitalised words are names in this article. */
function countField(counts: TermCounts, list: Token[], names: Set<string>, weight: number): void {
  let run: string[] = []
  const flush = () => {
    while (run.length && nameJoiners.has(run.at(-1)!)) run.pop()
    const words = run.filter((w) => !nameJoiners.has(w))
    if (words.length === 1) add(counts, `@${words[0]}`, weight)
    else if (words.length > 1) {
      if (run.length <= 4) add(counts, `@${run.join(' ')}`, weight)
      for (const w of words) add(counts, `@${w}`, weight)
    }
    run = []
  }
  for (let i = 0; i < list.length; i++) {
    const t = list[i]!
    const key = t.text.toLowerCase().replace(/[’']s$/, '')
    if (isNumber(t.text)) {
      flush()
      const next = list[i + 1]
      const unit = next && !isNumber(next.text) && !next.start ? next.text.toLowerCase() : undefined
      // A year or a bare number says little; a number with what it counts ("212 passengers", "38 per cent") says more.
      if (unit && (unitWords.has(unit) || plainTerm(unit))) add(counts, `#${t.text.replace(/,/g, '')} ${unitWords.has(unit) ? unit : plainTerm(unit)}`, weight)
      continue
    }
    const isName = capitalised(t.text) && names.has(key)
    if (isName) {
      run.push(key)
      continue
    }
    if (run.length && nameJoiners.has(key) && !t.start) {
      run.push(key)
      continue
    }
    flush()
    const term = plainTerm(t.text)
    if (term) add(counts, term, weight)
  }
  flush()
}

/** The weighted terms of an article: what a reader would say it is about, names first. */
export function articleTerms(a: ArticleText): TermCounts {
  const headline = tokens(a.headline)
  const standfirst = tokens(a.standfirst)
  const body = tokens(a.bodyText)
  // Names are learnt from the standfirst and body, where sentence case tells them apart; a headline in Title Case
  // would make every word look like one, so its capitalised words count as names only when the text agrees.
  const names = nameWords([...standfirst, ...body])
  const counts: TermCounts = new Map()
  countField(counts, headline, names, 3)
  countField(counts, standfirst, names, 2)
  countField(counts, body, names, 1)
  return counts
}

/** How much more a kind of term says about a story than a common word: names and quantities are what stories share. */
export function kindBoost(term: string): number {
  if (term.startsWith('@')) return term.includes(' ') ? 2.4 : 2
  if (term.startsWith('#')) return 1.5
  return 1
}

// ── A bottom-k MinHash sketch of word shingles: the same text, give or take an edit, gives nearly the same sketch ─

/** Shingle hashes kept per article: the smallest ones, which are a uniform sample of its shingles. */
export const signatureSize = 64
const shingleWords = 4

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** A final mix so that shingles differing in one word land far apart (murmur3's finaliser). */
function mix(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * The `signatureSize` smallest hashes of the article's four-word shingles (headline, standfirst and body), sorted.
 * One hash per shingle, so it costs little more than reading the words.
 */
export function minhash(a: ArticleText): Uint32Array {
  const words = `${a.headline}\n${a.standfirst}\n${a.bodyText}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  if (words.length === 0) return new Uint32Array(0)
  const hashes = new Uint32Array(words.length)
  for (let i = 0; i < words.length; i++) hashes[i] = fnv1a(words[i]!)
  const n = Math.max(1, words.length - shingleWords + 1)
  const shingles = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let h = 0x9e3779b9
    for (let k = i; k < i + shingleWords && k < words.length; k++) h = Math.imul(h ^ hashes[k]!, 0x01000193)
    shingles[i] = mix(h)
  }
  shingles.sort()
  const out: number[] = []
  for (let i = 0; i < shingles.length && out.length < signatureSize; i++) if (i === 0 || shingles[i] !== shingles[i - 1]) out.push(shingles[i]!)
  return Uint32Array.from(out)
}

/** Estimated Jaccard similarity of two texts' shingle sets, from the smallest hashes of their union. */
export function resemblance(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  const k = Math.min(signatureSize, Math.max(a.length, b.length))
  let i = 0, j = 0, seen = 0, both = 0
  while (seen < k && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity
    const y = j < b.length ? b[j]! : Infinity
    if (x === y) { both++; i++; j++ } else if (x < y) i++
    else j++
    seen++
  }
  return seen ? both / seen : 0
}

export const encodeSignature = (sig: Uint32Array): string => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64')
export function decodeSignature(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64')
  const out = new Uint32Array(Math.floor(bytes.length / 4))
  for (let i = 0; i < out.length; i++) out[i] = bytes.readUInt32LE(i * 4)
  return out
}

/** A term's key in the database: its 32-bit FNV-1a hash as a signed integer, never 0 (0 keeps the article count). */
export function termHash(term: string): number {
  return fnv1a(term) | 0 || 1
}

export const encodeHashes = (hashes: readonly number[]): string => Buffer.from(Int32Array.from(hashes).buffer).toString('base64')
export function decodeHashes(text: string): number[] {
  const bytes = Buffer.from(text, 'base64')
  const out: number[] = []
  for (let i = 0; i + 4 <= bytes.length; i += 4) out.push(bytes.readInt32LE(i))
  return out
}
