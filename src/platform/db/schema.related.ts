// Table types for related news worked out from the words of articles; filled in by migration 0010-related-picks.

/** What the related-news engine read from one published article: its weighted terms and a signature of its wording. */
export interface RelatedProfileTable {
  article_id: number
  /**
   * The article's most telling terms, weights normalised to length 1, packed (migration 0014): term hashes and float32
   * weights strongest first, then each name phrase's words' hashes. Read and written by related.store.ts.
   */
  terms: Buffer
  /** MinHash signature of its four-word shingles, base64: near-duplicates have nearly the same one. */
  signature: string
  /** Hashes (32-bit, base64 of an Int32Array) of every distinct term, so its share of the term counts can be taken back. */
  term_hashes: string
  /** Copied from the article so scoring candidates never reads article rows (on SQLite they sit after the bodies). */
  published_at: string
  section_id: number
  computed_at: string
}

/** Inverted index over the profiles' strongest terms: which articles a term says most about. */
export interface RelatedPostingTable {
  term_hash: number
  article_id: number
  weight: number
}

/** In how many profiled articles each term (by hash) occurs: the inverse document frequency comes from here. */
export interface RelatedTermTable {
  term_hash: number
  df: number
}

export type RelatedPickKind = 'also_read' | 'related' | 'earlier'

/** The picks an article page shows, worked out when content changes; a render reads them by article id. */
export interface RelatedPickTable {
  article_id: number
  kind: RelatedPickKind
  position: number
  related_id: number
}

export type RelatedOverrideMode = 'pin' | 'exclude'

/** An editor's word on one pair: always show it (pin) or never (exclude). Recomputation keeps these. */
export interface RelatedOverrideTable {
  article_id: number
  related_id: number
  mode: RelatedOverrideMode
  created_by: number | null
  created_at: string
}

/** Articles whose picks must be worked out again; the refresh job drains it, so a burst of changes is one run. */
export interface RelatedPendingTable {
  article_id: number
  /** 0: read its words; 1: words read, choose its picks. */
  stage: number
  queued_at: string
}

export interface RelatedTables {
  related_profile: RelatedProfileTable
  related_posting: RelatedPostingTable
  related_term: RelatedTermTable
  related_pick: RelatedPickTable
  related_override: RelatedOverrideTable
  related_pending: RelatedPendingTable
}
