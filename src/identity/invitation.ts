// Invitations: an administrator names an email and a role; the invitee chooses a name and password by a single-use link.
import type { Deps } from '../platform/deps.js'
import type { Db, StaffInvitationRow } from '../platform/db/index.js'
import { toIso } from '../platform/clock.js'
import { DomainError, validationError } from '../platform/errors.js'
import { newToken, tokenHash } from './tokens.js'
import { recordAudit } from './audit.js'
import { roleLabels, type Role } from './role.js'
import { createStaffUser } from './accounts.js'
import { emailIssue, findStaffRowByEmail, normaliseEmail, roleIssue, throwIfIssues, type Staff, type StaffUser } from './staff.js'

/** An invitation link works for a week, once. */
export const invitationTtlMs = 7 * 24 * 3600_000

export interface Invitation {
  id: number
  email: string
  role: Role
  createdAt: Date
  expiresAt: Date
}

const toInvitation = (row: StaffInvitationRow): Invitation => ({
  id: row.id, email: row.email, role: row.role, createdAt: new Date(row.created_at), expiresAt: new Date(row.expires_at),
})

/**
 * Records the invitation and mails the link; `linkFor` turns the secret token into the URL the surface serves.
 * @example await inviteStaff(deps, staff, { email, role: 'editor' }, (t) => `${config.siteUrl}/newsroom/invitations/${t}`)
 */
export async function inviteStaff(
  { db, clock, mail, config }: Pick<Deps, 'db' | 'clock' | 'mail' | 'config'>,
  actor: Staff, input: { email: string; role: string }, linkFor: (token: string) => string, ip = '',
): Promise<Invitation> {
  const email = normaliseEmail(input.email)
  throwIfIssues([emailIssue(email), roleIssue(input.role)])
  const role = input.role as Role
  if (await findStaffRowByEmail(db, email)) throw validationError([{ field: 'email', message: 'A staff member with this email already exists' }])
  const now = clock.now()
  const token = newToken()
  // A new invitation replaces any earlier one for the same address, so only the latest link works.
  await db.deleteFrom('staff_invitation').where('email', '=', email).where('accepted_at', 'is', null).execute()
  const row = await db.insertInto('staff_invitation').values({
    token_hash: tokenHash(token), email, role, invited_by: actor.id, created_at: toIso(now),
    expires_at: toIso(new Date(now.getTime() + invitationTtlMs)), accepted_at: null,
  }).returningAll().executeTakeFirstOrThrow()
  const link = linkFor(token)
  await mail.send({
    to: email,
    subject: `You are invited to the ${config.siteName} newsroom`,
    text: `${actor.name} invited you to join the ${config.siteName} newsroom as ${roleLabels[role]}.\n\n`
      + `Choose your name and password here (the link works once, for 7 days):\n${link}\n\n`
      + 'If you did not expect this, ignore this message.',
  })
  await recordAudit(db, { at: now, actor, action: 'user.invited', subject: `invitation:${row.id}`, detail: `${email} as ${roleLabels[role]}`, ip })
  return toInvitation(row)
}

async function findOpenRow(db: Db, now: Date, token: string): Promise<StaffInvitationRow | undefined> {
  if (!token || token.length > 100) return undefined
  return db.selectFrom('staff_invitation').selectAll()
    .where('token_hash', '=', tokenHash(token)).where('accepted_at', 'is', null).where('expires_at', '>', toIso(now))
    .executeTakeFirst()
}

/** The invitation behind a link, while it is unused and unexpired. */
export async function findInvitation({ db, clock }: Pick<Deps, 'db' | 'clock'>, token: string): Promise<Invitation | undefined> {
  const row = await findOpenRow(db, clock.now(), token)
  return row && toInvitation(row)
}

export async function listOpenInvitations({ db, clock }: Pick<Deps, 'db' | 'clock'>): Promise<Invitation[]> {
  const rows = await db.selectFrom('staff_invitation').selectAll()
    .where('accepted_at', 'is', null).where('expires_at', '>', toIso(clock.now())).orderBy('id', 'desc').execute()
  return rows.map(toInvitation)
}

export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'clock'>, token: string, input: { name: string; password: string }, ip = '',
): Promise<StaffUser> {
  const { db, clock } = deps
  const row = await findOpenRow(db, clock.now(), token)
  if (!row) throw new DomainError('NOT_FOUND', 'This invitation link has expired or has already been used')
  // Claim the row first so a double-submitted form cannot create two accounts.
  const claimed = await db.updateTable('staff_invitation').set({ accepted_at: toIso(clock.now()) })
    .where('id', '=', row.id).where('accepted_at', 'is', null).executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('NOT_FOUND', 'This invitation link has already been used')
  try {
    return await createStaffUser(deps, { email: row.email, name: input.name, role: row.role, password: input.password }, null, ip)
  } catch (err) {
    // A typo in the form should not burn the link.
    await db.updateTable('staff_invitation').set({ accepted_at: null }).where('id', '=', row.id).execute()
    throw err
  }
}

/** Withdraws an unused invitation so its link stops working. */
export async function revokeInvitation({ db, clock }: Pick<Deps, 'db' | 'clock'>, actor: Staff, id: number, ip = ''): Promise<void> {
  const row = await db.selectFrom('staff_invitation').selectAll().where('id', '=', id).where('accepted_at', 'is', null).executeTakeFirst()
  if (!row) throw new DomainError('NOT_FOUND', 'No such open invitation')
  await db.deleteFrom('staff_invitation').where('id', '=', id).execute()
  await recordAudit(db, { at: clock.now(), actor, action: 'user.invitation-revoked', subject: `invitation:${id}`, detail: row.email, ip })
}
