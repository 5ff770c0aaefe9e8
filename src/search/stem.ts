// The Porter stemmer as SQLite's FTS5 "porter" tokenizer applies it, so snippets made in JavaScript mark the words FTS5 matched.

const isVowelAt = (w: string, i: number): boolean => {
  const c = w[i]
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return true
  // "y" is a vowel after a consonant ("syzygy"), a consonant at the start or after a vowel ("yes", "toy").
  return c === 'y' && i > 0 && !isVowelAt(w, i - 1)
}

/** Porter's m: how many vowel-consonant sequences the first `n` letters hold. */
function measure(w: string, n: number): number {
  let m = 0
  let i = 0
  while (i < n && !isVowelAt(w, i)) i++
  while (i < n) {
    while (i < n && isVowelAt(w, i)) i++
    if (i >= n) break
    m++
    while (i < n && !isVowelAt(w, i)) i++
  }
  return m
}

const hasVowel = (w: string, n: number) => {
  for (let i = 0; i < n; i++) if (isVowelAt(w, i)) return true
  return false
}

/** Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
const endsCvc = (w: string, n: number) =>
  n >= 3 && !isVowelAt(w, n - 1) && isVowelAt(w, n - 2) && !isVowelAt(w, n - 3) && !'wxy'.includes(w[n - 1]!)

const endsDouble = (w: string, n: number) => n >= 2 && w[n - 1] === w[n - 2] && !isVowelAt(w, n - 1)

/** Replaces the longest listed suffix when the rest has measure above `min`; a failed condition ends the step. */
function replaceSuffix(w: string, rules: readonly (readonly [string, string])[], min: number): string {
  for (const [suffix, replacement] of rules) {
    if (w.endsWith(suffix)) return measure(w, w.length - suffix.length) > min ? w.slice(0, w.length - suffix.length) + replacement : w
  }
  return w
}

// Longest first within each step, as the algorithm asks.
const step2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['ization', 'ize'], ['tional', 'tion'],
  ['biliti', 'ble'], ['entli', 'ent'], ['ousli', 'ous'], ['alism', 'al'], ['ation', 'ate'], ['aliti', 'al'], ['iviti', 'ive'],
  ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['alli', 'al'], ['ator', 'ate'], ['logi', 'log'], ['bli', 'ble'], ['eli', 'e'],
]
const step3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ness', ''], ['ful', ''],
]
const step4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ion', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'al', 'er', 'ic', 'ou']

/** The Porter stem of a lowercased word; words shorter than three letters or longer than 64 bytes stay as they are. */
export function porterStem(word: string): string {
  if (word.length < 3 || Buffer.byteLength(word) > 64) return word
  let w = word
  // Step 1a: plurals.
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies')) w = w.slice(0, -2)
  else if (!w.endsWith('ss') && w.endsWith('s')) w = w.slice(0, -1)
  // Step 1b: -ed and -ing.
  if (w.endsWith('eed')) {
    if (measure(w, w.length - 3) > 0) w = w.slice(0, -1)
  } else {
    const cut = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0
    if (cut && hasVowel(w, w.length - cut)) {
      w = w.slice(0, -cut)
      if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e'
      else if (endsDouble(w, w.length) && !'lsz'.includes(w.at(-1)!)) w = w.slice(0, -1)
      else if (measure(w, w.length) === 1 && endsCvc(w, w.length)) w += 'e'
    }
  }
  // Step 1c: a final y after a vowel-bearing stem becomes i.
  if (w.endsWith('y') && hasVowel(w, w.length - 1)) w = `${w.slice(0, -1)}i`
  // Steps 2 and 3: suffixes that become shorter ones.
  w = replaceSuffix(w, step2, 0)
  w = replaceSuffix(w, step3, 0)
  // Step 4: suffixes that go when enough remains; -ion only after s or t.
  for (const suffix of step4) {
    if (!w.endsWith(suffix)) continue
    const n = w.length - suffix.length
    if (measure(w, n) > 1 && (suffix !== 'ion' || w[n - 1] === 's' || w[n - 1] === 't')) w = w.slice(0, n)
    break
  }
  // Step 5: a final e, and a final double l.
  if (w.endsWith('e')) {
    const m = measure(w, w.length - 1)
    if (m > 1 || (m === 1 && !endsCvc(w, w.length - 1))) w = w.slice(0, -1)
  }
  if (w.endsWith('ll') && measure(w, w.length) > 1) w = w.slice(0, -1)
  return w
}
