// Password reset by email: a single-use link that expires in an hour; the answer never says whether an account exists.
import type { Deps } from '../platform/deps.js'
import { toIso } from '../platform/clock.js'
import { DomainError } from '../platform/errors.js'
import { newToken, tokenHash } from './tokens.js'
import { recordAudit } from './audit.js'
import { setPassword } from './accounts.js'
import { findStaffRowByEmail, normaliseEmail, throwIfIssues } from './staff.js'
import { passwordIssue } from './password.js'
import { noteAttempt, throttledFor } from './sign-in.js'

export const resetTtlMs = 3600_000
/** At most three reset mails per account an hour, so the form cannot be used to flood someone's inbox. */
const maxResetMailsPerHour = 3
/** And at most twenty reset requests an hour from one address, whatever emails they name. */
const maxResetRequestsPerAddress = 20

/**
 * Mails a reset link when the address belongs to an active account; does nothing visible otherwise.
 * @example await requestPasswordReset(deps, { email }, (t) => `${config.siteUrl}/newsroom/reset-password/${t}`)
 */
export async function requestPasswordReset(
  { db, clock, mail, config }: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  input: { email: string; ip?: string }, linkFor: (token: string) => string,
): Promise<void> {
  const email = normaliseEmail(input.email).slice(0, 254)
  if (!email) return
  const key = `reset:${email}`
  const ipKey = `reset-ip:${input.ip ?? ''}`
  if (await throttledFor({ db, clock }, [key], maxResetMailsPerHour) > 0) return
  if (await throttledFor({ db, clock }, [ipKey], maxResetRequestsPerAddress) > 0) return
  const now = clock.now()
  // Counted for unknown addresses too, so one address cannot probe or flood through many emails.
  await noteAttempt(db, [ipKey], now)
  const row = await findStaffRowByEmail(db, email)
  if (!row || row.active !== 1) return
  await noteAttempt(db, [key], now)
  const token = newToken()
  await db.insertInto('password_reset').values({
    token_hash: tokenHash(token), user_id: row.id, created_at: toIso(now), expires_at: toIso(new Date(now.getTime() + resetTtlMs)), used_at: null,
  }).execute()
  await mail.send({
    to: row.email,
    subject: `Reset your ${config.siteName} newsroom password`,
    text: `Someone asked to reset the password of your ${config.siteName} newsroom account.\n\n`
      + `Choose a new password here (the link works once, for one hour):\n${linkFor(token)}\n\n`
      + 'If it was not you, ignore this message: your password stays as it is.',
  })
  await recordAudit(db, { at: now, actor: null, action: 'user.password-reset-requested', subject: `user:${row.id}`, ip: input.ip ?? '' })
}

export async function isResetTokenValid({ db, clock }: Pick<Deps, 'db' | 'clock'>, token: string): Promise<boolean> {
  if (!token || token.length > 100) return false
  const row = await db.selectFrom('password_reset').select('token_hash')
    .where('token_hash', '=', tokenHash(token)).where('used_at', 'is', null).where('expires_at', '>', toIso(clock.now()))
    .executeTakeFirst()
  return row !== undefined
}

/** Sets the new password, spends the link and ends every session of the account. */
export async function resetPassword(deps: Pick<Deps, 'db' | 'clock'>, token: string, password: string, ip = ''): Promise<void> {
  const { db, clock } = deps
  throwIfIssues([passwordIssue(password)])
  if (!token || token.length > 100) throw new DomainError('NOT_FOUND', 'This reset link has expired or has already been used')
  const now = toIso(clock.now())
  const row = await db.selectFrom('password_reset').selectAll()
    .where('token_hash', '=', tokenHash(token)).where('used_at', 'is', null).where('expires_at', '>', now).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', 'This reset link has expired or has already been used')
  const spent = await db.updateTable('password_reset').set({ used_at: now })
    .where('token_hash', '=', row.token_hash).where('used_at', 'is', null).executeTakeFirst()
  if (Number(spent.numUpdatedRows) !== 1) throw new DomainError('NOT_FOUND', 'This reset link has already been used')
  await setPassword(deps, row.user_id, password)
  // Whoever reset the password proved they own the mailbox: the failed sign-ins against the account no longer count.
  const user = await db.selectFrom('staff_user').select('email').where('id', '=', row.user_id).executeTakeFirst()
  if (user) await db.deleteFrom('sign_in_attempt').where('key', '=', `account:${user.email}`).execute()
  // Older links for the same account die with this one.
  await db.updateTable('password_reset').set({ used_at: now }).where('user_id', '=', row.user_id).where('used_at', 'is', null).execute()
  await recordAudit(db, { at: clock.now(), actor: null, action: 'user.password-reset', subject: `user:${row.user_id}`, ip })
}
