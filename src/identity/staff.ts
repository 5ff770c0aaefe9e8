// Staff accounts: the types other modules see, input rules, and the queries behind them.
import type { Db, StaffUserRow } from '../platform/db/index.js'
import { DomainError, validationError, type FieldIssue } from '../platform/errors.js'
import { isRole, type Role } from './role.js'

/** A staff account as the newsroom lists it; never carries the password hash. */
export interface StaffUser {
  id: number
  email: string
  name: string
  role: Role
  active: boolean
  createdAt: Date
}

/** The signed-in staff member of a request. */
export interface Staff {
  id: number
  email: string
  name: string
  role: Role
  /** Identifies the session (a hash, not the cookie token); CSRF tokens are bound to it. */
  sessionId: string
}

export const staffLimits = { email: 254, name: 100 } as const

export const normaliseEmail = (email: string) => email.trim().toLowerCase()

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function emailIssue(email: string, field = 'email'): FieldIssue | undefined {
  if (!email) return { field, message: 'Email is required' }
  if (email.length > staffLimits.email) return { field, message: `Email must be at most ${staffLimits.email} characters long` }
  if (!emailPattern.test(email)) return { field, message: 'Email must be an address such as name@example.org' }
  return undefined
}

export function nameIssue(name: string, field = 'name'): FieldIssue | undefined {
  if (!name) return { field, message: 'Name is required' }
  if ([...name].length > staffLimits.name) return { field, message: `Name must be at most ${staffLimits.name} characters long` }
  return undefined
}

export function roleIssue(role: unknown, field = 'role'): FieldIssue | undefined {
  return isRole(role) ? undefined : { field, message: 'Role must be contributor, author, editor or administrator' }
}

export function throwIfIssues(issues: (FieldIssue | undefined)[]): void {
  const found = issues.filter((i): i is FieldIssue => i !== undefined)
  if (found.length) throw validationError(found)
}

export const toStaffUser = (row: StaffUserRow): StaffUser => ({
  id: row.id, email: row.email, name: row.name, role: row.role, active: row.active === 1, createdAt: new Date(row.created_at),
})

export async function findStaffRowByEmail(db: Db, email: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_user').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

export async function findStaffUser(db: Db, id: number): Promise<StaffUser | undefined> {
  const row = await db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toStaffUser(row)
}

export async function getStaffUser(db: Db, id: number): Promise<StaffUser> {
  const user = await findStaffUser(db, id)
  if (!user) throw new DomainError('NOT_FOUND', 'No such staff member')
  return user
}

export async function listStaffUsers(db: Db): Promise<StaffUser[]> {
  const rows = await db.selectFrom('staff_user').selectAll().orderBy('active', 'desc').orderBy('name').execute()
  return rows.map(toStaffUser)
}

export async function countActiveAdministrators(db: Db): Promise<number> {
  const row = await db.selectFrom('staff_user').select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('role', '=', 'administrator').where('active', '=', 1).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** True once the newsroom has someone who can run it; until then only the first-run page is open. */
export async function hasAdministrator(db: Db): Promise<boolean> {
  return (await countActiveAdministrators(db)) > 0
}
