// Creating and changing staff accounts: first administrator, new users, roles, deactivation, passwords.
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { isUniqueViolation } from '../platform/db/index.js'
import { toIso } from '../platform/clock.js'
import { DomainError, validationError } from '../platform/errors.js'
import { hashPassword, passwordIssue, verifyPassword } from './password.js'
import { recordAudit, type AuditActor } from './audit.js'
import { roleLabels, type Role } from './role.js'
import { emailIssue, getStaffUser, nameIssue, normaliseEmail, roleIssue, throwIfIssues, toStaffUser, countActiveAdministrators, type Staff, type StaffUser } from './staff.js'
import { endUserSessions } from './session.js'
import { setupCodeKey } from './setup-code.js'

export interface NewStaffInput {
  email: string
  name: string
  role: Role
  password: string
}

type Ctx = Pick<Deps, 'db' | 'clock'>

function checkNewStaff(input: NewStaffInput) {
  throwIfIssues([emailIssue(normaliseEmail(input.email)), nameIssue(input.name.trim()), roleIssue(input.role), passwordIssue(input.password)])
}

async function insertStaff(db: Db, now: Date, input: NewStaffInput): Promise<StaffUser> {
  const passwordHash = await hashPassword(input.password)
  try {
    const row = await db.insertInto('staff_user').values({
      email: normaliseEmail(input.email), name: input.name.trim(), role: input.role, password_hash: passwordHash, active: 1,
      created_at: toIso(now), updated_at: toIso(now),
    }).returningAll().executeTakeFirstOrThrow()
    return toStaffUser(row)
  } catch (err) {
    if (isUniqueViolation(err)) throw validationError([{ field: 'email', message: 'A staff member with this email already exists' }])
    throw err
  }
}

/**
 * Creates an account directly (the `dateline user create` command and invitations use it).
 * @example await createStaffUser(deps, { email: 'ed@example.org', name: 'Ed', role: 'editor', password }, null)
 */
export async function createStaffUser({ db, clock }: Ctx, input: NewStaffInput, actor: AuditActor | null, ip = ''): Promise<StaffUser> {
  checkNewStaff(input)
  const user = await insertStaff(db, clock.now(), input)
  await recordAudit(db, { at: clock.now(), actor, action: 'user.created', subject: `user:${user.id}`, detail: `${user.email} as ${roleLabels[user.role]}`, ip })
  return user
}

/** The first-run account; refused once any administrator exists, even when two browsers race. */
export async function createFirstAdministrator({ db, clock }: Ctx, input: Omit<NewStaffInput, 'role'>, ip = ''): Promise<StaffUser> {
  const full = { ...input, role: 'administrator' as const }
  checkNewStaff(full)
  if (await countActiveAdministrators(db) > 0) throw new DomainError('FORBIDDEN', 'The newsroom has already been set up: sign in instead')
  const user = await db.transaction().execute(async (trx) => {
    // A primary-key insert lets only one racing request through, on either dialect.
    try {
      await trx.insertInto('setting').values({ key: 'identity.first-administrator', value: toIso(clock.now()) }).execute()
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError('FORBIDDEN', 'The newsroom has already been set up: sign in instead')
      throw err
    }
    const created = await insertStaff(trx, clock.now(), full)
    // The setup code has done its work; nothing should accept it, or show it, again.
    await trx.deleteFrom('setting').where('key', '=', setupCodeKey).execute()
    return created
  })
  await recordAudit(db, { at: clock.now(), actor: user, action: 'user.created', subject: `user:${user.id}`, detail: `${user.email} as Administrator (first run)`, ip })
  return user
}

async function refuseLosingLastAdministrator(db: Db, user: StaffUser) {
  if (user.role === 'administrator' && user.active && (await countActiveAdministrators(db)) <= 1) {
    throw new DomainError('CONFLICT', 'The newsroom needs at least one active administrator')
  }
}

export async function changeRole({ db, clock }: Ctx, actor: Staff, userId: number, role: Role, ip = ''): Promise<StaffUser> {
  throwIfIssues([roleIssue(role)])
  const user = await getStaffUser(db, userId)
  if (user.role === role) return user
  if (role !== 'administrator') await refuseLosingLastAdministrator(db, user)
  await db.updateTable('staff_user').set({ role, updated_at: toIso(clock.now()) }).where('id', '=', userId).execute()
  await recordAudit(db, {
    at: clock.now(), actor, action: 'user.role-changed', subject: `user:${userId}`, detail: `${user.email}: ${roleLabels[user.role]} → ${roleLabels[role]}`, ip,
  })
  return { ...user, role }
}

/** Deactivating ends every session of the account at once; the account and its history stay. */
export async function setStaffActive({ db, clock }: Ctx, actor: Staff, userId: number, active: boolean, ip = ''): Promise<StaffUser> {
  const user = await getStaffUser(db, userId)
  if (user.active === active) return user
  if (!active) {
    if (userId === actor.id) throw new DomainError('CONFLICT', 'You cannot deactivate your own account')
    await refuseLosingLastAdministrator(db, user)
  }
  await db.updateTable('staff_user').set({ active: active ? 1 : 0, updated_at: toIso(clock.now()) }).where('id', '=', userId).execute()
  if (!active) await endUserSessions(db, userId)
  await recordAudit(db, { at: clock.now(), actor, action: active ? 'user.reactivated' : 'user.deactivated', subject: `user:${userId}`, detail: user.email, ip })
  return { ...user, active }
}

/** A password change ends every other session of the account; the one making the change stays signed in. */
export async function changePassword({ db, clock }: Ctx, staff: Staff, input: { current: string; next: string }, ip = ''): Promise<void> {
  throwIfIssues([passwordIssue(input.next, 'newPassword')])
  const row = await db.selectFrom('staff_user').select('password_hash').where('id', '=', staff.id).executeTakeFirstOrThrow()
  if (!(await verifyPassword(row.password_hash, input.current.slice(0, 1024)))) {
    throw validationError([{ field: 'currentPassword', message: 'Current password is not right' }])
  }
  await setPassword({ db, clock }, staff.id, input.next, staff.sessionId)
  await recordAudit(db, { at: clock.now(), actor: staff, action: 'user.password-changed', subject: `user:${staff.id}`, ip })
}

/** Sets a new password and ends the account's sessions, all of them or all but `keepSession`. */
export async function setPassword({ db, clock }: Ctx, userId: number, password: string, keepSession?: string): Promise<void> {
  throwIfIssues([passwordIssue(password)])
  const passwordHash = await hashPassword(password)
  await db.updateTable('staff_user').set({ password_hash: passwordHash, updated_at: toIso(clock.now()) }).where('id', '=', userId).execute()
  await endUserSessions(db, userId, keepSession)
}

export async function renameStaff({ db, clock }: Ctx, staff: Staff, name: string): Promise<void> {
  throwIfIssues([nameIssue(name.trim())])
  await db.updateTable('staff_user').set({ name: name.trim(), updated_at: toIso(clock.now()) }).where('id', '=', staff.id).execute()
}
