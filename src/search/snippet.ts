// Highlights and snippets made in JavaScript from the shown articles' text, matching words the way SQLite's FTS5 tokenizer
// does (unicode61 with diacritics removed, then Porter stems), on both dialects: asking FTS5 (snippet()) or PostgreSQL
// (ts_headline) for them tokenized whole bodies, which cost more than the search itself.
import type { Phrase, SearchQuery } from './query.js'
import { porterStem } from './stem.js'

export const markStart = '\u0002'
export const markEnd = '\u0003'

/** How many words a body snippet shows, as FTS5's snippet() was asked for. */
const snippetWords = 32
/** Words of context before the first match when the snippet cannot start at the beginning. */
const leadWords = 6

interface Term { stem: string; prefix: boolean }

/** The positive phrases of a query as stems, and a pattern that finds every word that could match one. */
export interface Matcher {
  phrases: Term[][]
  candidates: RegExp
}

const tokenChar = /[\p{L}\p{N}\p{M}]/u
/** The rest of a word from a set lastIndex. */
const wordRest = /[\p{L}\p{N}\p{M}]*/uy
/** Words, found with exec() from a set lastIndex. */
const token = /[\p{L}\p{N}\p{M}]+/gu

/** Lowercase without diacritics, as unicode61 with remove_diacritics folds a token. */
function fold(word: string): string {
  const lower = word.toLowerCase()
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '')
}

// Stems of words seen in snippets: the same few thousand words come back in every body.
const stems = new Map<string, string>()
const maxStems = 50_000
function stemOf(word: string): string {
  let s = stems.get(word)
  if (s === undefined) {
    if (stems.size >= maxStems) stems.clear()
    s = porterStem(fold(word))
    stems.set(word, s)
  }
  return s
}

/** The same text with each accented letter replaced by its base letter, one code unit for one, so offsets still agree. */
function foldLetters(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text
  return text.replace(/[^\x00-\x7f]/g, (c) => {
    const base = c.normalize('NFD')[0]!
    return base.length === 1 && base !== c && c.normalize('NFD').slice(1).replace(/\p{M}/gu, '') === '' ? base : c
  })
}

/**
 * What to look for in an article's text for `query`. Porter rewrites only a word's ending, and at most the last letter
 * of what it keeps (happy → happi), so a word that can match starts with its stem less the last letter (rare -bility
 * words aside, which go unmarked); only those words are stemmed and compared.
 */
export function matcherFor(query: SearchQuery): Matcher {
  const phrases = query.all.flat().map((p: Phrase) =>
    p.words.map((w, i): Term => ({ stem: stemOf(w), prefix: p.prefix && i === p.words.length - 1 })))
  const probes = new Set(phrases.flat().map((t) => fold(t.stem.length > 1 ? t.stem.slice(0, -1) : t.stem)).filter(Boolean))
  // Probes hold only letters, digits and marks (the query parser keeps nothing else), so they are safe in a pattern. It has
  // no Unicode classes: each query compiles its own, and those classes cost V8 more to compile than the search to run.
  const candidates = probes.size ? new RegExp(`(?:${[...probes].join('|')})`, 'gi') : /(?!)/g
  return { phrases, candidates }
}

/** Where matched text starts and ends, and which phrases (one bit each, the first 31) matched there. */
interface Span { start: number; end: number; phrases: number }

const matches = (t: Term, stem: string) => (t.prefix ? stem.startsWith(t.stem) : stem === t.stem)

/** Where the query's phrases occur in `text`, in order, overlapping ones merged. */
function phraseSpans(m: Matcher, text: string): Span[] {
  const words: { start: number; end: number; stem: string }[] = []
  const folded = foldLetters(text)
  m.candidates.lastIndex = 0
  for (let hit = m.candidates.exec(folded); hit; hit = m.candidates.exec(folded)) {
    const start = hit.index
    // Only where a word starts, and then the whole word.
    if (start > 0 && tokenChar.test(folded.slice(folded.codePointAt(start - 2)! > 0xffff ? start - 2 : start - 1, start))) continue
    wordRest.lastIndex = start + hit[0].length
    wordRest.exec(folded)
    const end = wordRest.lastIndex
    m.candidates.lastIndex = end
    words.push({ start, end, stem: stemOf(folded.slice(start, end)) })
  }
  const spans: Span[] = []
  for (let i = 0; i < words.length; i++) {
    for (let p = 0; p < m.phrases.length; p++) {
      const phrase = m.phrases[p]!
      if (i + phrase.length > words.length) continue
      let ok = true
      for (let k = 0; k < phrase.length && ok; k++) {
        const w = words[i + k]!
        // Words of a phrase must follow each other: nothing but spaces and punctuation between them.
        ok = matches(phrase[k]!, w.stem) && (k === 0 || !tokenChar.test(text.slice(words[i + k - 1]!.end, w.start)))
      }
      if (ok) spans.push({ start: words[i]!.start, end: words[i + phrase.length - 1]!.end, phrases: 1 << (p % 31) })
    }
  }
  spans.sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const s of spans) {
    const last = merged.at(-1)
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end)
      last.phrases |= s.phrases
    } else merged.push({ ...s })
  }
  return merged
}

/**
 * How often the query's phrases occur in a short text (a headline, a standfirst) and how many words it has, for ranking
 * the newest matches without FTS5's bm25() (see fulltext.ts).
 */
export function phraseHits(m: Matcher, text: string): { hits: number; words: number } {
  // Words counted as runs between spaces: near enough for a length, and no Unicode pattern to run.
  return { hits: phraseSpans(m, text).length, words: text.split(' ').length }
}

/** `text` from `from` to `to` with the spans inside it between \u0002 and \u0003. */
function marked(text: string, spans: Span[], from: number, to: number): string {
  let out = ''
  let at = from
  for (const s of spans) {
    const start = Math.max(s.start, from)
    const end = Math.min(s.end, to)
    if (end <= start) continue
    out += text.slice(at, start) + markStart + text.slice(start, end) + markEnd
    at = end
  }
  return out + text.slice(at, to)
}

/** The whole text with every match marked, as FTS5's highlight() gave it. */
export function highlight(m: Matcher, text: string): string {
  return marked(text, phraseSpans(m, text), 0, text.length)
}

/**
 * About 32 words of `text` around its best stretch of matches, marked, with … where text was left out; the opening
 * words when nothing matches. The best stretch is the one where most different phrases occur close together, the
 * earliest among equals; it starts at the beginning of the text when the first match is near it.
 */
export function snippet(m: Matcher, text: string): string {
  const spans = phraseSpans(m, text)
  let from = 0
  if (spans.length) {
    // The match with the most different phrases within about 32 words (some 200 characters) after it, then the most matches.
    let best = spans[0]!
    let bestScore = -1
    for (let i = 0, j = 0; i < spans.length; i++) {
      if (j < i) j = i
      while (j + 1 < spans.length && spans[j + 1]!.start - spans[i]!.start < 200) j++
      let phrases = 0
      for (let k = i; k <= j; k++) phrases |= spans[k]!.phrases
      let distinct = 0
      for (; phrases; phrases &= phrases - 1) distinct++
      const score = distinct * 1000 + (j - i + 1)
      if (score > bestScore) {
        best = spans[i]!
        bestScore = score
      }
    }
    const offset = Math.max(0, best.start - 400)
    const before: number[] = []
    token.lastIndex = offset
    for (let w = token.exec(text); w && w.index < best.start; w = token.exec(text)) before.push(w.index)
    // The first word found may be cut short by where the search started, unless that is the start of the text.
    if (offset > 0) before.shift()
    if (offset > 0 || before.length > snippetWords - 2 * leadWords) {
      from = before.length ? before[Math.max(0, before.length - leadWords)]! : best.start
    }
  }
  // Then as many words as fit, to the end of the text when it ends within them.
  token.lastIndex = from
  let to = text.length
  for (let n = 0; n < snippetWords; n++) {
    const w = token.exec(text)
    if (!w) break
    if (n === snippetWords - 1 && token.exec(text)) to = w.index + w[0].length
  }
  const start = from
  return (start > 0 ? '…' : '') + marked(text, spans, start, to) + (to < text.length ? '…' : '')
}
