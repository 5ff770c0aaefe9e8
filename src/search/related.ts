// Related articles: the one function that decides what "Also read" and "Related news" show.
import type { Db } from '../platform/db/index.js'
import { listArticleSummaries, type Article, type ArticleSummary } from '../content/index.js'

export interface Related {
  /** The single most related article, linked inline in the body; absent when none is close enough. */
  alsoRead: ArticleSummary | undefined
  /** 0 to `limit` articles, best first; fewer rather than an unrelated one. */
  related: ArticleSummary[]
}

const stopWords = new Set(('a an and are as at be by for from has have he her his in is it its of on or she that the their ' +
  'they this to was were will with after over new says said not but into about more than up out who what when').split(' '))

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3 && !stopWords.has(w)))
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0
  for (const w of a) if (b.has(w)) shared++
  return shared / Math.max(1, Math.min(a.size, b.size))
}

interface Candidate { id: number; sharedTopics: number; sharedTags: number }

/**
 * Scores published articles that share a topic or tag with this one, by what they share, how alike their
 * headlines read and how recent they are. Section alone never qualifies an article.
 */
export async function findRelated(db: Db, article: Article, limit = 6): Promise<Related> {
  const topicIds = article.topics.map((t) => t.id)
  const tagIds = article.tags.map((t) => t.id)
  const scores = new Map<number, Candidate>()
  const bump = (id: number, key: 'sharedTopics' | 'sharedTags', n: number) => {
    const c = scores.get(id) ?? { id, sharedTopics: 0, sharedTags: 0 }
    c[key] += n
    scores.set(id, c)
  }
  const published = (q: any) => q.innerJoin('article', 'article.id', 'article_id')
    .where('article.status', '=', 'published').where('article.id', '!=', article.id)
  if (topicIds.length) {
    const rows: { article_id: number; n: number }[] = await published(db.selectFrom('article_topic'))
      .where('topic_id', 'in', topicIds).select(['article_id', (eb: any) => eb.fn.countAll().as('n')])
      .groupBy('article_id').orderBy((eb: any) => eb.fn.max('article.published_at'), 'desc').limit(60).execute()
    for (const r of rows) bump(r.article_id, 'sharedTopics', Number(r.n))
  }
  if (tagIds.length) {
    const rows: { article_id: number; n: number }[] = await published(db.selectFrom('article_tag'))
      .where('tag_id', 'in', tagIds).select(['article_id', (eb: any) => eb.fn.countAll().as('n')])
      .groupBy('article_id').orderBy((eb: any) => eb.fn.max('article.published_at'), 'desc').limit(60).execute()
    for (const r of rows) bump(r.article_id, 'sharedTags', Number(r.n))
  }
  if (scores.size === 0) return { alsoRead: undefined, related: [] }
  const candidates = await listArticleSummaries(db, { ids: [...scores.keys()], status: 'published' }, 120)
  const mine = words(`${article.headline} ${article.standfirst}`)
  const reference = article.publishedAt?.getTime() ?? Date.now()
  const ranked = candidates.map((c) => {
    const s = scores.get(c.id)!
    const similarity = overlap(mine, words(`${c.headline} ${c.standfirst}`))
    const ageDays = Math.abs(reference - (c.publishedAt?.getTime() ?? 0)) / 86_400_000
    const score = 4 * s.sharedTopics + 1.5 * s.sharedTags + 3 * similarity +
      (c.section.id === article.section.id ? 0.5 : 0) + 1 / (1 + ageDays / 7)
    return { c, s, score }
  })
    // One shared tag and nothing else is too weak a link to show.
    .filter((r) => r.s.sharedTopics > 0 || r.s.sharedTags > 1 || r.score >= 3)
    .sort((a, b) => b.score - a.score)
  const strong = ranked.find((r) => r.s.sharedTopics > 0 || r.s.sharedTags > 1)
  return { alsoRead: strong?.c, related: ranked.slice(0, limit).map((r) => r.c) }
}
