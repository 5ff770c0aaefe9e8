// Who is asking: the session cookie, the app-wide `authorize` that turns it into a Staff, and the staff of a request.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../platform/deps.js'
import { DomainError } from '../platform/errors.js'
import type { Authorize } from '../platform/http/index.js'
import { hasAdministrator, resolveSession, roleLabels, roleMeets, type Staff, type StartedSession } from '../identity/index.js'

export const sessionCookie = 'dl_session'

const staffOf = new WeakMap<FastifyRequest, Staff>()

/** The signed-in staff member of a request that passed a non-public access check, or undefined. */
export function findStaff(req: FastifyRequest): Staff | undefined {
  return staffOf.get(req)
}

/**
 * The signed-in staff member; every route whose access is not 'public' (or 'setup') has one.
 * @example const staff = currentStaff(req); if (!can(staff, 'edit', { ownerId: article.ownerId, status: article.status })) …
 */
export function currentStaff(req: FastifyRequest): Staff {
  const staff = staffOf.get(req)
  if (!staff) throw new DomainError('UNAUTHENTICATED', 'Please sign in')
  return staff
}

/** For public pages that change when someone is signed in (the sign-in page sends them on). */
export async function lookUpStaff(deps: Pick<Deps, 'db' | 'clock'>, req: FastifyRequest): Promise<Staff | undefined> {
  const known = staffOf.get(req)
  if (known) return known
  const staff = await resolveSession(deps, req.cookies[sessionCookie])
  if (staff) staffOf.set(req, staff)
  return staff
}

const secureCookies = (deps: Pick<Deps, 'config'>) => deps.config.siteUrl.startsWith('https:')

export function setSessionCookie(deps: Pick<Deps, 'config' | 'clock'>, reply: FastifyReply, session: Pick<StartedSession, 'token' | 'expiresAt'>): void {
  // Max-Age rather than Expires: the browser counts from its own clock, so the two clocks need not agree.
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - deps.clock.now().getTime()) / 1000))
  reply.setCookie(sessionCookie, session.token, {
    httpOnly: true, sameSite: 'lax', secure: secureCookies(deps), path: '/', maxAge,
  })
}

export function clearSessionCookie(deps: Pick<Deps, 'config'>, reply: FastifyReply): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'lax', secure: secureCookies(deps), path: '/' })
}

/**
 * The app-wide access check for every route that is not 'public': a live session whose role meets the route's
 * access value; 'setup' routes are open only while no administrator exists.
 */
export function createAuthorize(deps: Pick<Deps, 'db' | 'clock'>): Authorize {
  return async (req, access) => {
    if (access === 'setup') {
      if (await hasAdministrator(deps.db)) throw new DomainError('FORBIDDEN', 'The newsroom is already set up: sign in instead')
      return
    }
    const staff = await lookUpStaff(deps, req)
    if (!staff) throw new DomainError('UNAUTHENTICATED', 'Please sign in to continue')
    if (access === 'api-key') throw new DomainError('UNAUTHENTICATED', 'This needs an API key: Authorization: Bearer <key>')
    if (!roleMeets(staff.role, access)) throw new DomainError('FORBIDDEN', `This needs the ${access === 'signed-in' ? 'staff' : roleLabels[access]} role or higher`)
  }
}
