// Hostile input on every query parameter and path of the read API: never a 500, never a row readers may not see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { addComment } from './support.js'

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url')

/** Values that have broken query layers elsewhere: SQL, operators, search syntax, odd Unicode, sizes, shapes. */
const hostile: string[] = [
  '', ' ', 'a'.repeat(5000), '%00', '%FF%FE', '\u0000', '😀'.repeat(50), 'مرحبا', 'e\u0301', '\u202Egnp.exe', '\uFFFF',
  "' OR 1=1 --", '" OR ""="', "'; DROP TABLE article; --", '1; select * from staff_user', 'published\' OR status=\'draft',
  '%', '_', '*', '\\', '"', '(', ')', 'NEAR(a b)', 'title:secret', '{headline}:secret', 'a OR', 'NOT', '-', '--', '"unterminated',
  'secret*', '0', '-1', '1e309', 'NaN', 'Infinity', '9'.repeat(40), '0x10', 'true', 'null', '[]', '{}', '{"$ne":null}',
  '2026-13-45T99:99:99Z', '2026-02-30T00:00:00Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z',
  b64({ k: 'a', p: "' OR 1=1 --", i: 1 }), b64({ k: 'a', p: '2026-11-25T09:00:00.000Z', i: 1e20 }), b64({ k: 'c', i: -1 }),
  b64({ k: 's', o: 1e9 }), b64('[1,2]'), b64('not json'), b64({ k: 'a', p: '2099-01-01T00:00:00.000Z', i: 99999 }),
]

/** Query strings written by hand: repeated, nested and bracketed keys. */
const shapes = (param: string) => [
  `${param}=a&${param}=b`, `${param}[]=a`, `${param}[$ne]=x`, `${param}[0][1]=x`, `${param}.x=1`, `${param}`, `${param}=&${param}=`,
  `${param}=${encodeURIComponent('secret draft')}&${param}=${'x'.repeat(300)}`,
]

const routes: { path: string; params: string[] }[] = [
  { path: '/api/v1/articles', params: ['section', 'topic', 'tag', 'author', 'updated_since', 'q', 'cursor', 'limit'] },
  { path: '/api/v1/articles/{ref}', params: [] },
  { path: '/api/v1/articles/{ref}/comments', params: ['cursor', 'limit'] },
  { path: '/api/v1/search', params: ['q', 'cursor', 'limit'] },
  { path: '/api/v1/sections', params: ['cursor'] },
  { path: '/api/v1/topics', params: ['q'] },
  { path: '/api/v1/tags', params: ['limit'] },
  { path: '/api/v1/authors', params: ['section'] },
]

describe.each(testDialects())('%s: read API under hostile input', (dialect) => {
  let t: TestApp
  let publicIds: Set<number>
  let publicArticle: number
  beforeAll(async () => {
    t = await buildTestApp({ dialect, env: { API_RATE_LIMIT: '0', PAGE_CACHE: 'off' } })
    const a = await createArticle(t.services, { slug: 'public-story', headline: 'Public story about secret ballots', tags: ['ballots'] })
    const b = await createArticle(t.services, { slug: 'second-story', headline: 'Second public story', section: 'Local' })
    publicArticle = a.id
    publicIds = new Set([a.id, b.id])
    await createArticle(t.services, { slug: 'secret-draft', headline: 'Secret draft story', status: 'draft', publishedAt: undefined, tags: ['draft-tag'] })
    await createArticle(t.services, { slug: 'secret-unpublished', headline: 'Secret unpublished story', status: 'unpublished' })
    await createArticle(t.services, { slug: 'secret-future', headline: 'Secret future story', status: 'published', publishedAt: new Date('2027-01-01T00:00:00Z') })
    await addComment(t.services, a.id, { email: 'commenter@private.example' })
    await addComment(t.services, a.id, { status: 'pending', name: 'Secret held', email: 'held@private.example' })
    await addComment(t.services, a.id, { status: 'spam', name: 'Secret spam', email: 'spam@private.example' })
  })
  afterAll(() => t.close())

  /** Whatever came back: no server error, no stack, nothing hidden, and only public articles. */
  function check(url: string, res: Awaited<ReturnType<TestApp['app']['inject']>>) {
    expect(res.statusCode, url).toBeLessThan(500)
    expect(res.body, url).not.toMatch(/Secret (draft|unpublished|future|held|spam)|secret-(draft|unpublished|future)|draft-tag|@private\.example|at \w+ \(|node_modules/)
    if (res.statusCode !== 200) {
      expect(res.json(), url).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } })
      return
    }
    const body = res.json()
    for (const item of body.data ?? []) {
      const id = item.article?.id ?? (item.headline !== undefined ? item.id : undefined)
      if (id !== undefined) expect(publicIds.has(id), url).toBe(true)
    }
  }

  it('never fails or leaks on any value of any query parameter', async () => {
    let requests = 0
    for (const route of routes) {
      const path = route.path.replace('{ref}', String(publicArticle))
      for (const param of route.params) {
        const queries = [...hostile.map((v) => `${param}=${encodeURIComponent(v)}`), ...hostile.slice(0, 12).map((v) => `${param}=${v}`), ...shapes(param)]
        for (const query of queries) {
          const url = `${path}?${route.path === '/api/v1/search' && param !== 'q' ? 'q=story&' : ''}${query}`
          check(url, await t.app.inject({ url }))
          requests++
        }
      }
    }
    expect(requests).toBeGreaterThan(500)
  })

  it('never fails or leaks on any article reference in the path', async () => {
    const refs = [...hostile.filter((v) => v && v.length < 200), 'secret-draft', 'secret-unpublished', 'secret-future', '0', '00001', '1.0', '-5']
    for (const ref of refs) {
      for (const suffix of ['', '/comments']) {
        const url = `/api/v1/articles/${encodeURIComponent(ref)}${suffix}`
        check(url, await t.app.inject({ url }))
      }
    }
  })

  it('keeps every filter combination to public rows', async () => {
    for (const q of ['secret', 'story', 'secret OR draft', '"secret draft"', 'secret*', '-public']) {
      for (const extra of ['', '&tag=draft-tag', '&section=news', '&updated_since=2000-01-01T00:00:00Z', '&limit=100']) {
        const url = `/api/v1/articles?q=${encodeURIComponent(q)}${extra}`
        check(url, await t.app.inject({ url }))
        check(`/api/v1/search?q=${encodeURIComponent(q)}`, await t.app.inject({ url: `/api/v1/search?q=${encodeURIComponent(q)}&limit=100` }))
      }
    }
  })
})
