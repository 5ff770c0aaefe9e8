// The related-news scorer: TF-IDF vectors of an article's terms compared by cosine, with gates that prefer nothing to a weak pick.
import { kindBoost, resemblance, termHash, type TermCounts } from './related-text.js'

/** An article's most telling terms, weight normalised so that an article compared with itself scores 1. */
export type TermVector = Map<string, number>

/** Terms kept per article: enough for its names and distinctive words, few enough to compare quickly. */
export const termsKept = 48

/**
 * TF-IDF with a damped term frequency: a name repeated ten times is not ten times the story. `df` gives how many
 * articles in the archive use a term; `total` how many articles there are.
 */
export function termVector(counts: TermCounts, df: (term: string) => number, total: number, keep = termsKept): TermVector {
  const weighted: [string, number][] = []
  for (const [term, tf] of counts) {
    const idf = Math.log(1 + total / Math.max(1, df(term)))
    weighted.push([term, (1 + Math.log(tf)) * idf * kindBoost(term)])
  }
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const top = weighted.slice(0, keep)
  const norm = Math.sqrt(top.reduce((n, [, w]) => n + w * w, 0)) || 1
  return new Map(top.map(([t, w]) => [t, w / norm]))
}

/**
 * An article's vector as it is stored and scored: term hashes (`termHash`), not strings, packed in one Int32Array
 * as `[n, n hashes, n float32 weights, then per name phrase: its index, its word count, its words' hashes]`,
 * strongest term first. Read from the database into typed arrays without parsing, held by a rebuild as is.
 */
export class PackedTerms {
  readonly hashes: Int32Array
  readonly weights: Float32Array

  constructor(readonly words: Int32Array) {
    const n = words[0] ?? 0
    this.hashes = words.subarray(1, 1 + n)
    this.weights = new Float32Array(words.buffer, words.byteOffset + 4 * (1 + n), n)
  }

  /** Each name phrase's hash with its words' hashes: what a shared phrase makes count once. */
  phrases(): Map<number, Int32Array> {
    const out = new Map<number, Int32Array>()
    for (let at = 1 + 2 * this.hashes.length; at + 1 < this.words.length;) {
      const index = this.words[at]!, k = this.words[at + 1]!
      out.set(this.hashes[index]!, this.words.subarray(at + 2, at + 2 + k))
      at += 2 + k
    }
    return out
  }
}

/** Packs a vector, keeping its order (strongest first). */
export function packTerms(vector: TermVector): PackedTerms {
  const entries = [...vector]
  const phrases = entries.flatMap(([t], i) => (t.startsWith('@') && t.includes(' ') ? [[i, ...t.slice(1).split(' ').map((w) => termHash(`@${w}`))]] : []))
  const words = new Int32Array(1 + 2 * entries.length + phrases.reduce((n, p) => n + p.length + 1, 0))
  const weights = new Float32Array(words.buffer)
  words[0] = entries.length
  entries.forEach(([t, w], i) => { words[1 + i] = termHash(t); weights[1 + entries.length + i] = w })
  let at = 1 + 2 * entries.length
  for (const [index, ...parts] of phrases) {
    words[at++] = index!
    words[at++] = parts.length
    for (const h of parts) words[at++] = h
  }
  return new PackedTerms(words)
}

/**
 * Cosine similarity, counting a shared name once: when both articles name "Halvern Museum of Art", the words
 * "Halvern", "Museum" and "Art" add nothing more. A story is several things in common, not one name said four ways.
 * The article's terms are looked up (a shared phrase's words come from the article's own); the candidate's are visited.
 */
export function cosine(article: Pick<Profile, 'lookup' | 'phrases'>, candidate: PackedTerms): number {
  const { hashes, weights } = candidate
  const { lookup, phrases } = article
  let dot = 0
  let covered: Set<number> | undefined
  for (let k = 0; k < hashes.length; k++) {
    const w = lookup.get(hashes[k]!)
    if (w === undefined) continue
    dot += w * weights[k]!
    const parts = phrases.size ? phrases.get(hashes[k]!) : undefined
    if (parts) for (const h of parts) (covered ??= new Set()).add(h)
  }
  if (covered) {
    for (let k = 0; k < hashes.length; k++) {
      const w = covered.has(hashes[k]!) ? lookup.get(hashes[k]!) : undefined
      if (w !== undefined) dot -= w * weights[k]!
    }
  }
  return dot
}

/** What the picker knows about a candidate: its words, wording, date, section and the editors' labels. */
export interface Candidate {
  id: number
  vector: PackedTerms
  signature: Uint32Array
  publishedAt: number
  sectionId: number
  topicIds: readonly number[]
  tagIds: readonly number[]
}

/**
 * An article's term weights by hash, for the ~5,000 look-ups scoring its candidates makes: open addressing over typed
 * arrays, a quarter full (30 µs per article against 85 µs with a Map of integers, in a micro-benchmark of 110
 * candidates). Hashes are never 0 (`termHash`), so 0 marks an empty slot.
 */
export class TermLookup {
  private readonly keys: Int32Array
  private readonly values: Float64Array
  private readonly mask: number

  constructor(terms: PackedTerms) {
    let size = 16
    while (size < terms.hashes.length * 4) size *= 2
    this.keys = new Int32Array(size)
    this.values = new Float64Array(size)
    this.mask = size - 1
    for (let k = 0; k < terms.hashes.length; k++) {
      let i = terms.hashes[k]! & this.mask
      while (this.keys[i] !== 0 && this.keys[i] !== terms.hashes[k]) i = (i + 1) & this.mask
      this.keys[i] = terms.hashes[k]!
      this.values[i] = terms.weights[k]!
    }
  }

  get(hash: number): number | undefined {
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const key = this.keys[i]!
      if (key === hash) return this.values[i]
      if (key === 0) return undefined
    }
  }
}

/** The article being picked for: its own terms are looked up while every candidate's are visited. */
export interface Profile extends Candidate {
  lookup: TermLookup
  phrases: ReadonlyMap<number, Int32Array>
}

/** An article made ready to pick for: its terms by hash, and its name phrases' words. */
export function profileOf(c: Candidate): Profile {
  return { ...c, lookup: new TermLookup(c.vector), phrases: c.vector.phrases() }
}

export interface Overrides {
  /** Articles an editor pinned, in the editor's order: shown first, whatever the words say. */
  pinned: readonly number[]
  /** Articles an editor excluded: never shown. */
  excluded: readonly number[]
}

export interface Picks {
  alsoRead: number | undefined
  /** Best first; never the article itself, nor `alsoRead`, nor a near-duplicate of the article. */
  related: number[]
  /** The newest older article on the same story that is not a copy of this one: what a reader joining late needs. */
  earlier: number | undefined
  /** Near-duplicates found among the candidates (the same copy twice, a story and its update). */
  duplicates: number[]
}

// Thresholds, measured on the labelled set in test/search/related-eval.ts and explained in decision 0016.
export const thresholds = {
  /** Resemblance of wording (estimated Jaccard of four-word shingles) at and above which two articles are one story told twice. */
  duplicate: 0.5,
  /** Cosine a candidate needs to be related news at all. */
  related: 0.16,
  /** Cosine for the inline "Also read", which sits inside the story and so must be the same story. */
  alsoRead: 0.24,
  /** A candidate must also reach this share of the best candidate's similarity: a weak tail is dropped. */
  relativeToBest: 0.4,
  /** Cosine at which two labelled articles sharing no topic or tag are still taken as one story. */
  unlabelledOverride: 0.5,
}

const dayMs = 86_400_000
const shared = (a: readonly number[], b: readonly number[]) => a.reduce((n, x) => n + (b.includes(x) ? 1 : 0), 0)

export interface Scored {
  id: number
  similarity: number
  score: number
  sharedTopics: number
  sharedTags: number
  duplicate: boolean
  publishedAt: number
}

/** Scores every candidate against the article; near-duplicates are marked, not dropped, so callers can tell. */
export function scoreCandidates(article: Profile, candidates: readonly Candidate[]): Scored[] {
  return candidates.filter((c) => c.id !== article.id).map((c) => {
    const similarity = cosine(article, c.vector)
    const sharedTopics = shared(article.topicIds, c.topicIds)
    const sharedTags = shared(article.tagIds, c.tagIds)
    const ageDays = Math.abs(article.publishedAt - c.publishedAt) / dayMs
    const score = similarity + 0.3 * Math.min(sharedTopics, 2) + 0.1 * Math.min(sharedTags, 3) +
      0.06 / (1 + ageDays / 30) + (c.sectionId === article.sectionId ? 0.02 : 0)
    return { id: c.id, similarity, score, sharedTopics, sharedTags, duplicate: resemblance(article.signature, c.signature) >= thresholds.duplicate, publishedAt: c.publishedAt }
  })
}

const labelled = (p: Candidate) => p.topicIds.length > 0 || p.tagIds.length > 0

/**
 * Chooses "Also read", "Related news" and "Earlier coverage" for an article among scored candidates.
 * Words decide for untagged archives; where both articles carry editors' labels, those labels decide first:
 * a shared topic or two shared tags make a story, and labels that share nothing keep two stories apart unless the
 * words are all but the same.
 */
export function choosePicks(article: Profile, scored: readonly Scored[], profiles: ReadonlyMap<number, Candidate>, overrides: Overrides, limit = 6): Picks {
  const excluded = new Set(overrides.excluded)
  const duplicates = scored.filter((s) => s.duplicate).map((s) => s.id)
  const open = scored.filter((s) => !s.duplicate && !excluded.has(s.id))
  const best = Math.max(0, ...open.filter((s) => s.sharedTopics === 0).map((s) => s.similarity))
  const floor = Math.max(thresholds.related, thresholds.relativeToBest * best)
  const passes = (s: Scored): boolean => {
    const other = profiles.get(s.id)
    if (s.sharedTopics > 0 || s.sharedTags >= 2) return true
    if (other && labelled(article) && labelled(other) && s.sharedTags === 0) return s.similarity >= thresholds.unlabelledOverride
    return s.similarity >= floor || (s.sharedTags === 1 && s.similarity >= thresholds.related)
  }
  const ranked = open.filter(passes).sort((a, b) => b.score - a.score || b.publishedAt - a.publishedAt || b.id - a.id)
  const alsoReadOk = (s: Scored) => {
    const other = profiles.get(s.id)
    if (other && labelled(article) && labelled(other)) return s.sharedTopics > 0 || (s.sharedTags >= 2 && s.similarity >= thresholds.related)
    return s.similarity >= thresholds.alsoRead && s.similarity >= 0.6 * best
  }
  const pinned = overrides.pinned.filter((id) => id !== article.id && !excluded.has(id))
  const alsoRead = pinned[0] ?? ranked.find(alsoReadOk)?.id
  const related = [...new Set([...pinned, ...ranked.map((s) => s.id)])].filter((id) => id !== alsoRead).slice(0, limit)
  // "Earlier coverage" names the story's previous article: among the picks, the newest older one that reads at least
  // half as close as the best; the story's own older articles are usually the closest of all.
  const earlier = ranked.filter((s) => s.publishedAt < article.publishedAt && (s.sharedTopics > 0 || s.similarity >= 0.5 * best))
    .sort((a, b) => b.publishedAt - a.publishedAt)[0]?.id
  return { alsoRead, related, earlier, duplicates }
}
