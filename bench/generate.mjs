// Writes N deterministic, varied articles as JSON Lines for the benchmark (same seed, same file, every run).
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** A small seeded PRNG (mulberry32): the same articles on every machine, without a dependency. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const sections = ['Politics', 'Business', 'Science', 'Culture', 'Sport', 'Health', 'Environment', 'Technology', 'Education', 'Local']

// Each section has its own words so that topics, search and related news have something real to work with.
const vocabulary = {
  Politics: 'parliament minister coalition vote budget council mayor election opposition reform bill senate policy campaign treaty',
  Business: 'market shares profit merger factory exports inflation wages bank investors retail supply contract revenue tariff',
  Science: 'researchers laboratory telescope genome experiment particle climate fossil satellite species data physics study orbit',
  Culture: 'festival museum gallery novel theatre orchestra film premiere exhibition poet painter archive opera audience critic',
  Sport: 'league match striker coach season tournament goal stadium championship referee transfer injury victory final squad',
  Health: 'hospital nurses vaccine clinic patients surgery doctors waiting treatment pharmacy outbreak ward screening diet therapy',
  Environment: 'river flooding forest drought emissions wildlife wetland pollution recycling reservoir glacier storm coastline solar wind',
  Technology: 'software startup network robots chips encryption broadband platform algorithm battery drones privacy cloud servers app',
  Education: 'school teachers pupils university exams curriculum students campus tuition classroom literacy scholarship library degree lecture',
  Local: 'bridge ferry market square harbour library tram bakery neighbours parish allotment roadworks bus depot valley',
}
const common = ('the a of in on and to with for from after over as by said says would could will new year week ' +
  'residents officials report plans people local city town region national government country first last month ' +
  'spokesperson figures announced expected following earlier later statement questions decision support critics').split(' ')

/**
 * Words for searches that match: each section's own words, and the common words that are not stop words (the search
 * drops those). A topical word with a common one matches a few percent of the articles; `bench/run.mjs` and
 * `bench/scale.mjs` make their never-repeating queries from them.
 */
export const searchWords = {
  topical: Object.values(vocabulary).map((words) => words.split(' ')),
  common: common.slice(common.indexOf('residents')).filter((w) => !['first', 'last'].includes(w)),
}

const places = ['Halvern', 'Ossmouth', 'Brackley Ford', 'Kelso Point', 'Marren', 'Upper Oss', 'Dunmere', 'Tollbridge', 'Westfen', 'Carrow']
const firstNames = ['Ana', 'Tomás', 'Ingrid', 'Kofi', 'Mei', 'Rafael', 'Zofia', 'Idris', 'Lena', 'Oskar', 'Priya', 'Mateo', 'Aoife', 'Yusuf', 'Hana']
const lastNames = ['Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Nakamura', 'Brennan', 'Haddad', 'Kowalski', 'Ferreira', 'Osei']
const agencies = ['', '', '', 'Valley Press Agency', 'Northern Wire']

const capital = (s) => s[0].toUpperCase() + s.slice(1)

/**
 * `count` generated articles, newest first. `words` bounds a body's length (400–900 by default, about 4.7 KB);
 * `hoursApart` spaces their publication times back from 1 November 2026.
 */
export function* articles(count, { seed = 20261125, words: [fewest, most] = [400, 900], hoursApart = 1.75 } = {}) {
  const rnd = random(seed)
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const authors = Array.from({ length: 40 }, (_, i) => `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`)
  // Topics are running stories inside a section; tags cut across sections.
  const topics = sections.flatMap((s) => vocabulary[s].split(' ').slice(0, 5).map((w) => ({ section: s, name: `${capital(w)} ${pick(['Watch', 'Inquiry', 'Debate', 'Crisis', 'Plan'])}` })))
  const tags = [...new Set(Object.values(vocabulary).flatMap((v) => v.split(' ')))].map(capital)
  const end = Date.parse('2026-11-01T06:00:00Z')
  for (let i = 0; i < count; i++) {
    const section = sections[i % sections.length]
    const own = vocabulary[section].split(' ')
    const word = () => (rnd() < 0.3 ? pick(own) : pick(common))
    const sentence = (min, max, emphasis = true) => {
      const n = min + Math.floor(rnd() * (max - min))
      const words = Array.from({ length: n }, word)
      if (emphasis && rnd() < 0.25) words[Math.floor(rnd() * n)] = `*${pick(own)}*`
      return `${capital(words.join(' '))}.`
    }
    const target = fewest + Math.floor(rnd() * (most - fewest))
    const blocks = []
    let words = 0
    while (words < target) {
      const roll = rnd()
      if (blocks.length > 2 && roll < 0.08) {
        blocks.push(`## ${capital(pick(own))} and ${pick(own)}`)
        words += 3
      } else if (blocks.length > 2 && roll < 0.14) {
        const s = sentence(10, 20)
        blocks.push(`> ${s}`)
        words += s.split(' ').length
      } else {
        const p = Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => sentence(10, 22)).join(' ')
        blocks.push(p)
        words += p.split(' ').length
      }
    }
    const headline = `${capital(pick(own))} ${pick(['plan', 'row', 'vote', 'report', 'deal', 'warning', 'boost', 'review'])} ${pick(['divides', 'lifts', 'worries', 'surprises', 'splits', 'reaches'])} ${pick(places)} ${pick(own)}`
    const sectionTopics = topics.filter((t) => t.section === section)
    const article = {
      slug: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${i + 1}`,
      headline,
      standfirst: sentence(14, 26, false),
      body: blocks.join('\n\n'),
      section,
      topics: rnd() < 0.7 ? [pick(sectionTopics).name] : [],
      tags: [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => capital(pick(rnd() < 0.8 ? own : tags))))],
      authors: [...new Set(Array.from({ length: rnd() < 0.8 ? 1 : 2 }, () => pick(authors)))],
      dateline: pick(places).toUpperCase(),
      agency: pick(agencies) || undefined,
      publishedAt: new Date(end - i * hoursApart * 3_600_000).toISOString(),
      ...(rnd() < 0.5 ? { image: { url: `/media/bench-${(i % 50) + 1}.svg`, alt: `${capital(pick(own))} in ${pick(places)}`, caption: sentence(6, 12, false), credit: `Photo: ${pick(authors)}` } } : {}),
    }
    yield article
  }
}

/** Writes the file and resolves with the paths of every article, in order; `options` as for `articles`. */
export async function writeArticles(file, count, options) {
  const out = createWriteStream(file)
  const paths = []
  for (const a of articles(count, options)) {
    paths.push(`/${a.section.toLowerCase()}/${a.slug}/`)
    if (!out.write(`${JSON.stringify(a)}\n`)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  return paths
}
