// Which cached lists show an article's comment count, so a change in that count purges exactly them.
import type { Article } from '../content/index.js'

export function listTagsOf(a: Pick<Article, 'section' | 'topics' | 'tags' | 'authors'>): string[] {
  return [
    `section:${a.section.id}`, ...a.topics.map((t) => `topic:${t.id}`), ...a.tags.map((t) => `tag:${t.id}`),
    ...a.authors.map((t) => `author:${t.id}`), 'home',
  ]
}
