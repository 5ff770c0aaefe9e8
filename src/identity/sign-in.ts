// Signing in: throttled per IP and per account, and the same answer, in about the same time, for unknown emails.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { toIso } from '../platform/clock.js'
import { verifyNobody, verifyPassword } from './password.js'
import { findStaffRowByEmail, normaliseEmail, type Staff } from './staff.js'
import { endSessionByToken, pruneExpired, startSession, type SessionMeta } from './session.js'
import { recordAudit } from './audit.js'

/** Five failures in an hour from one address, or against one account, pause sign-in for that address or account. */
export const throttlePolicy = { maxFailures: 5, windowMs: 3600_000 } as const

export type SignInResult =
  | { ok: true; staff: Staff; token: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/** Seconds until one more attempt is allowed under these keys, or 0 when it is allowed now. */
export async function throttledFor({ db, clock }: Pick<Deps, 'db' | 'clock'>, keys: string[], max: number = throttlePolicy.maxFailures): Promise<number> {
  const now = clock.now().getTime()
  const since = toIso(new Date(now - throttlePolicy.windowMs))
  let wait = 0
  for (const key of keys) {
    const rows = await db.selectFrom('sign_in_attempt').select('created_at')
      .where('key', '=', key).where('created_at', '>', since).orderBy('created_at', 'desc').limit(max).execute()
    if (rows.length < max) continue
    // The oldest of the last `max` failures has to leave the window before another try.
    const oldest = new Date(rows[rows.length - 1]!.created_at).getTime()
    wait = Math.max(wait, Math.ceil((oldest + throttlePolicy.windowMs - now) / 1000))
  }
  return Math.max(0, wait)
}

export async function noteAttempt(db: Db, keys: string[], at: Date): Promise<void> {
  await db.insertInto('sign_in_attempt').values(keys.map((key) => ({ key, created_at: toIso(at) }))).execute()
}

const ipKey = (ip: string) => `ip:${ip}`
const accountKey = (email: string) => `account:${email}`

/**
 * Checks the password and, when right, starts a fresh session (ending the one the browser held, if any).
 * @example const result = await signIn(deps, { email, password, ip: req.ip, previousToken: req.cookies.dl_session })
 */
export async function signIn(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { email: string; password: string; previousToken?: string | undefined } & SessionMeta,
): Promise<SignInResult> {
  const { db, clock } = deps
  const email = normaliseEmail(input.email).slice(0, 254)
  const ip = input.ip ?? ''
  const keys = [ipKey(ip), accountKey(email)]
  const wait = await throttledFor(deps, keys)
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }

  const row = email ? await findStaffRowByEmail(db, email) : undefined
  const password = input.password.slice(0, 1024)
  const valid = row && row.active === 1 ? await verifyPassword(row.password_hash, password) : await verifyNobody(password)
  const now = clock.now()
  if (!row || !valid) {
    await noteAttempt(db, keys, now)
    await recordAudit(db, { at: now, actor: null, action: 'sign-in.failed', subject: row ? `user:${row.id}` : '', detail: email, ip })
    return { ok: false, reason: 'invalid' }
  }
  await endSessionByToken(db, input.previousToken)
  await db.deleteFrom('sign_in_attempt').where('key', '=', accountKey(email)).execute()
  await pruneExpired(deps)
  const session = await startSession(deps, row.id, input)
  const staff: Staff = { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: session.sessionId }
  await recordAudit(db, { at: now, actor: staff, action: 'sign-in', subject: `user:${row.id}`, ip })
  return { ok: true, staff, token: session.token, expiresAt: session.expiresAt }
}

export async function signOut(deps: Pick<Deps, 'db' | 'clock'>, staff: Staff, { everywhere = false, ip = '' } = {}): Promise<void> {
  const { db, clock } = deps
  if (everywhere) await db.deleteFrom('staff_session').where('user_id', '=', staff.id).execute()
  else await db.deleteFrom('staff_session').where('id', '=', staff.sessionId).execute()
  await recordAudit(db, { at: clock.now(), actor: staff, action: everywhere ? 'sign-out.everywhere' : 'sign-out', subject: `user:${staff.id}`, ip })
}
