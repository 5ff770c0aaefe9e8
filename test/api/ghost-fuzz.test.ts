// Every query parameter of the Ghost Content API fed long, nested, Unicode, operator, SQL and NQL-injection values:
// never a 500, never anything but Ghost's envelopes, never a row that is not public.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createArticle } from '../support/factories.js'
import { createApiKey } from '../../src/identity/index.js'
import { testDialects } from '../support/db.js'

/** A small seeded generator, so a failure names a case that can be run again. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const pieces = [
  'tag', 'tags.slug', 'primary_tag', 'author', 'authors.slug', 'slug', 'id', 'featured', 'published_at', 'updated_at', 'status', 'visibility',
  'secret', 'title', 'html', 'body_md', ':', ':-', ':>', ':>=', ':<', ':<=', ':~', '+', ',', '(', ')', '[', ']', "'", '"', '\\', 'now-30d',
  'now+1y', 'null', 'true', 'false', '-1', '0', '9999999999999999999999', 'secret-draft', 'scheduled-later', 'withdrawn-one', 'news',
  "' OR 1=1 --", '"; DROP TABLE article; --', ') OR (1=1', 'status:draft', 'status:scheduled', '%', '_', '*', '\u0000', 'ü', '記事', '🙂',
  '\u202e', ' ', '\n', '$', '{{', '}}', '2026-11-25 12:00:00', '00000001000000000000000c', 'x'.repeat(300),
]

describe.each(testDialects())('%s: Ghost Content API under fuzzing', (dialect) => {
  let t: TestApp
  let key: string
  const hidden = ['secret-draft', 'scheduled-later', 'withdrawn-one', 'Secret draft', 'Scheduled story', 'Withdrawn story', 'DRAFT-BODY']

  beforeAll(async () => {
    t = await buildTestApp({ dialect })
    key = (await createApiKey(t.services, null, { name: 'fuzz', kind: 'content' })).secret
    for (let i = 1; i <= 4; i++) await createArticle(t.services, { headline: `Public ${i}`, slug: `public-${i}`, tags: ['News tag'] })
    await createArticle(t.services, { headline: 'Secret draft', slug: 'secret-draft', status: 'draft', publishedAt: undefined, body: 'DRAFT-BODY', tags: ['News tag'] })
    await createArticle(t.services, { headline: 'Scheduled story', slug: 'scheduled-later', status: 'scheduled', publishedAt: new Date('2026-12-01T09:00:00Z'), body: 'DRAFT-BODY' })
    await createArticle(t.services, { headline: 'Withdrawn story', slug: 'withdrawn-one', status: 'unpublished', publishedAt: new Date('2026-11-01T09:00:00Z'), body: 'DRAFT-BODY' })
  })
  afterAll(async () => t?.close())

  async function expectSafe(path: string) {
    const res = await t.app.inject({ method: 'GET', url: path })
    expect(res.statusCode, path).toBeLessThan(500)
    expect(res.headers['content-type'], path).toMatch(/^application\/json/)
    const body = res.json() as Record<string, unknown>
    if (res.statusCode >= 400) expect(body.errors, path).toBeInstanceOf(Array)
    for (const word of hidden) expect(res.body, path).not.toContain(word)
    return res.statusCode
  }

  it('survives random filters, orders and parameters on every resource', async () => {
    const next = random(12)
    const pick = () => pieces[Math.floor(next() * pieces.length)]!
    const statuses = new Map<number, number>()
    const params = ['filter', 'order', 'include', 'fields', 'formats', 'limit', 'page']
    const resources = ['posts/', 'pages/', 'tags/', 'authors/', 'posts/slug/public-1/', 'settings/']
    for (let i = 0; i < 300; i++) {
      const q = new URLSearchParams({ key })
      for (const p of params) if (next() < 0.5) q.append(p, Array.from({ length: 1 + Math.floor(next() * 8) }, pick).join(''))
      if (next() < 0.1) q.append('filter', pick())
      const code = await expectSafe(`/ghost/api/content/${resources[i % resources.length]}?${q.toString()}`)
      statuses.set(code, (statuses.get(code) ?? 0) + 1)
    }
    // The mix must exercise both answers and refusals.
    expect(statuses.get(200)).toBeGreaterThan(10)
    expect(statuses.get(400)).toBeGreaterThan(10)
  })

  it('never lets a filter reach drafts, scheduled or withdrawn articles', async () => {
    const attempts = [
      'slug:secret-draft', 'slug:-public-1', 'status:draft', 'status:-published', 'slug:[secret-draft,scheduled-later,withdrawn-one]',
      'published_at:>now', 'published_at:null', 'published_at:-null', 'id:-00000001000000000000ffff', 'tag:news-tag,slug:secret-draft',
      "slug:'secret-draft' OR 1=1", "slug:'x'')) OR ((1=1'", "slug:\"secret-draft\"", 'slug:>a', 'slug:<zzzz', 'updated_at:>2000-01-01',
      'featured:false', '(slug:secret-draft,slug:scheduled-later),(slug:withdrawn-one)',
    ]
    for (const filter of attempts) {
      await expectSafe(`/ghost/api/content/posts/?key=${key}&limit=all&filter=${encodeURIComponent(filter)}`)
    }
    for (const slug of ['secret-draft', 'scheduled-later', 'withdrawn-one', "x' OR '1'='1", '%25', '..%2F..%2Fetc']) {
      expect(await expectSafe(`/ghost/api/content/posts/slug/${slug}/?key=${key}`)).toBe(404)
    }
  })

  it('refuses odd keys, limits and pages with a 4xx', async () => {
    for (const path of [
      `/ghost/api/content/posts/?key=${key}&limit=0`, `/ghost/api/content/posts/?key=${key}&limit=-5`, `/ghost/api/content/posts/?key=${key}&limit=1e3`,
      `/ghost/api/content/posts/?key=${key}&page=0`, `/ghost/api/content/posts/?key=${key}&page=abc`, `/ghost/api/content/posts/?key=${key}&order=title%20sideways`,
      `/ghost/api/content/posts/?key=${key}&filter=${'x'.repeat(3000)}`, '/ghost/api/content/posts/?key=%27%20OR%201%3D1', '/ghost/api/content/posts/?key[]=x',
      `/ghost/api/content/posts/?key=${key}&key=nope`, `/ghost/api/content/nothing/?key=${key}`, `/ghost/api/content/posts/?key=${'a'.repeat(5000)}`,
    ]) {
      const code = await expectSafe(path)
      expect(code, path).toBeGreaterThanOrEqual(200)
    }
    expect(await expectSafe(`/ghost/api/content/posts/?key=${key}&page=99999`)).toBe(200)
  })
})
