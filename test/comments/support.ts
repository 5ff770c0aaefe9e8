// Helpers for comment tests: read the form token off a page, post the form the way a browser would.
import type { TestApp } from '../support/app.js'

export const origin = 'https://news.example.test'

export function tokenIn(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html)
  if (!match) throw new Error('no comment form on the page')
  return match[1]!
}

/** The article's form token, issued now; the clock then moves on so the form is not "too fast". */
export async function freshToken(t: TestApp, path: string, wait = 10_000): Promise<string> {
  const res = await t.app.inject({ url: path, headers: { cookie: 'dl_commenter=x' } })
  const token = tokenIn(res.body)
  t.clock.advance(wait)
  return token
}

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

export interface PostOptions {
  json?: boolean
  cookie?: string
  ip?: string
  headers?: Record<string, string>
}

let ips = 0

export async function postComment(t: TestApp, fields: Record<string, string>, opts: PostOptions = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/comments',
    remoteAddress: opts.ip ?? `203.0.${Math.floor(++ips / 250) % 250}.${ips % 250}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin,
      ...(opts.json ? { accept: 'application/json' } : { accept: 'text/html' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    payload: form(fields),
  })
}

/** The dl_commenter cookie a response set, ready to send back. */
export function commenterCookie(res: { cookies: { name: string; value: string }[] }): string {
  const c = res.cookies.find((x) => x.name === 'dl_commenter')
  if (!c) throw new Error('no dl_commenter cookie set')
  return `dl_commenter=${c.value}`
}

let n = 0
/** A distinct reader each time, so "first comment" and rate limits do not cross between tests. */
export function reader(overrides: Record<string, string> = {}) {
  n++
  return { name: `Reader ${n}`, email: `reader${n}.${Date.now()}@example.org`, website: '', comment: `A thoughtful comment number ${n}.`, ...overrides }
}
