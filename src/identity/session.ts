// Staff sessions in the database: the cookie carries a random token, the table only its hash.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { toIso } from '../platform/clock.js'
import { newToken, tokenHash } from './tokens.js'
import type { Staff } from './staff.js'

/**
 * A session ends after 2 hours without a request (a newsroom laptop left open) or 12 hours after sign-in
 * (one working shift), whichever comes first. Activity is written at most once a minute to spare the database.
 */
export const sessionPolicy = { idleMs: 2 * 3600_000, absoluteMs: 12 * 3600_000, touchEveryMs: 60_000 } as const

export interface StartedSession {
  /** Goes into the cookie; never stored. */
  token: string
  sessionId: string
  expiresAt: Date
}

export interface SessionMeta {
  ip?: string | undefined
  userAgent?: string | undefined
}

export async function startSession({ db, clock }: Pick<Deps, 'db' | 'clock'>, userId: number, meta: SessionMeta = {}): Promise<StartedSession> {
  const now = clock.now()
  const token = newToken()
  const sessionId = tokenHash(token)
  const expiresAt = new Date(now.getTime() + sessionPolicy.absoluteMs)
  await db.insertInto('staff_session').values({
    id: sessionId, user_id: userId, created_at: toIso(now), last_seen_at: toIso(now), expires_at: toIso(expiresAt),
    ip: (meta.ip ?? '').slice(0, 100), user_agent: (meta.userAgent ?? '').slice(0, 300),
  }).execute()
  return { token, sessionId, expiresAt }
}

/** The staff member a cookie token belongs to, while the session is alive and the account active. */
export async function resolveSession({ db, clock }: Pick<Deps, 'db' | 'clock'>, token: string | undefined): Promise<Staff | undefined> {
  if (!token || token.length > 100) return undefined
  const id = tokenHash(token)
  const row = await db.selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.user_id')
    .select(['staff_session.id as sessionId', 'staff_session.last_seen_at', 'staff_session.expires_at',
      'staff_user.id', 'staff_user.email', 'staff_user.name', 'staff_user.role', 'staff_user.active'])
    .where('staff_session.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const now = clock.now().getTime()
  const lastSeen = new Date(row.last_seen_at).getTime()
  if (row.active !== 1 || now >= new Date(row.expires_at).getTime() || now - lastSeen >= sessionPolicy.idleMs) {
    await endSession(db, id)
    return undefined
  }
  if (now - lastSeen >= sessionPolicy.touchEveryMs) {
    await db.updateTable('staff_session').set({ last_seen_at: toIso(new Date(now)) }).where('id', '=', id).execute()
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: row.sessionId }
}

export async function endSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id', '=', sessionId).execute()
}

/** Ends the token's session, if any; for sign-out and for rotating the session on sign-in. */
export async function endSessionByToken(db: Db, token: string | undefined): Promise<void> {
  if (token && token.length <= 100) await endSession(db, tokenHash(token))
}

/** "Sign out everywhere", or, with `except`, every other device (after a password change). */
export async function endUserSessions(db: Db, userId: number, except?: string): Promise<number> {
  let query = db.deleteFrom('staff_session').where('user_id', '=', userId)
  if (except) query = query.where('id', '!=', except)
  const result = await query.executeTakeFirst()
  return Number(result.numDeletedRows)
}

export async function countUserSessions(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('staff_session').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Removes expired sessions and old throttle rows; cheap enough to run on every sign-in. */
export async function pruneExpired({ db, clock }: Pick<Deps, 'db' | 'clock'>): Promise<void> {
  const now = clock.now().getTime()
  await db.deleteFrom('staff_session').where((eb) => eb.or([
    eb('expires_at', '<=', toIso(new Date(now))),
    eb('last_seen_at', '<=', toIso(new Date(now - sessionPolicy.idleMs))),
  ])).execute()
  await db.deleteFrom('sign_in_attempt').where('created_at', '<=', toIso(new Date(now - 24 * 3600_000))).execute()
}
