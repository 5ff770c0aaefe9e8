// Staff for tests: accounts of each role and signed-in sessions, made directly (no argon2 per request, no HTTP).
import type { InjectOptions } from 'fastify'
import { createStaffUser, startSession, type Role, type StaffUser } from '../../src/identity/index.js'
import { createHmac } from 'node:crypto'
import type { Services } from '../../src/app.js'
import type { TestApp } from './app.js'

export const testPassword = 'correct horse battery staple'

let n = 0

/** A staff account; the password is `testPassword` unless given. */
export async function createStaff(services: Services, { role = 'editor', email, name, password = testPassword }: {
  role?: Role; email?: string; name?: string; password?: string
} = {}): Promise<StaffUser> {
  n++
  return createStaffUser(services, {
    role, password, email: email ?? `${role}${n}@newsroom.test`, name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
  }, null)
}

export interface StaffSession {
  user: StaffUser
  /** `dl_session=…`, for a `cookie` header. */
  cookie: string
  /** The CSRF token bound to this session. */
  csrf: string
  /** Headers for a state-changing request: cookie, x-csrf-token and this site's Origin. */
  headers: Record<string, string>
}

/** The token `csrfToken(req, reply)` gives a signed-in page, computed the same way (HMAC of the session id). */
export function csrfFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:session:${sessionId}`).digest('base64url')
}

/**
 * A signed-in session for a new (or given) staff member.
 * @example const editor = await signInAs(t, 'editor'); await t.app.inject({ method: 'POST', url: '/newsroom/…', headers: editor.headers, payload })
 */
export async function signInAs(t: Pick<TestApp, 'services' | 'config'>, who: Role | StaffUser): Promise<StaffSession> {
  const user = typeof who === 'string' ? await createStaff(t.services, { role: who }) : who
  const session = await startSession(t.services, user.id)
  const cookie = `dl_session=${session.token}`
  const csrf = csrfFor(t.services.secret, session.sessionId)
  return { user, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf, origin: t.config.siteUrl } }
}

/** inject() options for a form POST as this session, with the token in the `_csrf` field. */
export function formPost(session: Pick<StaffSession, 'cookie' | 'csrf'>, url: string, fields: Record<string, string>, origin = 'https://news.example.test'): InjectOptions {
  return {
    method: 'POST', url, headers: { cookie: session.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  }
}

/** The cookie value a response set, e.g. setCookie(res, 'dl_session'). */
export function setCookie(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie']
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : []
  const line = list.find((c: string) => c.startsWith(`${name}=`))
  return line?.slice(name.length + 1).split(';')[0]
}
