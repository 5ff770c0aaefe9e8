// Small builders for test content; each test states only what it cares about.
import type { ArticleInput } from '../../src/content/index.js'
import { saveArticle } from '../../src/content/index.js'
import type { Services } from '../../src/app.js'

let n = 0

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  n++
  return {
    headline: `Council approves budget number ${n}`,
    standfirst: 'The city council voted on the annual budget after a long debate.',
    body: 'First paragraph about the budget.\n\nSecond paragraph with *emphasis* inside.\n\nThird paragraph.\n\nFourth paragraph.',
    section: 'News',
    authors: ['Ada Reporter'],
    publishedAt: new Date('2026-11-25T09:00:00Z'),
    status: 'published',
    ...overrides,
  }
}

export async function createArticle(services: Services, overrides: Partial<ArticleInput> = {}) {
  const input = articleInput(overrides)
  const result = await saveArticle(services, input)
  return { ...result, input }
}
