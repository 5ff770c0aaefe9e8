// `BASELINE_DIST=/path/to/other/checkout/dist DATABASE=bench/.work/bench.db node bench/related-render.mjs`: the CPU one
// findRelated call costs a render on this checkout against another build (e.g. main) on the same database (after
// `npm run bench` has left one with picks), memo misses (an article's first render) and hits, in alternating halves.
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const baselineDist = resolve(process.env.BASELINE_DIST ?? '')
const file = resolve(process.env.DATABASE ?? join(root, 'bench/.work/bench.db'))
const mine = await import(join(root, 'dist/search/related.js'))
const theirs = await import(join(baselineDist, 'search/related.js'))
const { createDb } = await import(join(root, 'dist/platform/db/index.js'))
const { findArticleById } = await import(join(root, 'dist/content/index.js'))
const { systemClock } = await import(join(root, 'dist/platform/clock.js'))
const a = await createDb(`sqlite:${file}`)
const b = await createDb(`sqlite:${file}`)
const ids = (await a.db.selectFrom('article').select('id').orderBy('id').execute()).map((r) => r.id).filter((_, i) => i % 5 === 0).slice(0, 1500)
const articles = []
for (const id of ids) articles.push(await findArticleById(a.db, id))
const run = async (impl, h, list) => {
  const c = process.cpuUsage()
  for (const x of list) await impl.findRelated({ db: h.db, dialect: 'sqlite', clock: systemClock }, x)
  const d = process.cpuUsage(c)
  return (d.user + d.system) / list.length
}
const half = Math.floor(articles.length / 2)
const main = [await run(theirs, b, articles.slice(0, half))]
const branch = [await run(mine, a, articles.slice(0, half))]
branch.push(await run(mine, a, articles.slice(half)))
main.push(await run(theirs, b, articles.slice(half)))
const avg = (xs) => Math.round(xs.reduce((n, x) => n + x, 0) / xs.length)
console.log(`findRelated, first render of ${articles.length} articles (memo misses), CPU µs each: baseline ${avg(main)}, this checkout ${avg(branch)} (${(avg(branch) / avg(main) * 100).toFixed(0)}% of baseline)`)
const hits = { branch: await run(mine, a, articles.slice(0, 300)), main: await run(theirs, b, articles.slice(0, 300)) }
console.log(`findRelated, repeat render (memo hits), CPU µs each: baseline ${Math.round(hits.main)}, this checkout ${Math.round(hits.branch)}`)
await a.close()
await b.close()
