// Table types for staff users, roles, sessions, sign-in throttling, password resets, invitations, audit log; filled in by migration 0002-identity.
import type { Generated, Selectable } from 'kysely'

export type StaffRole = 'contributor' | 'author' | 'editor' | 'administrator'

export interface StaffUserTable {
  id: Generated<number>
  /** Lower-cased; unique. */
  email: string
  name: string
  role: StaffRole
  /** argon2id PHC string. */
  password_hash: string
  /** 1 while the account may sign in; deactivated accounts keep their history. */
  active: number
  created_at: string
  updated_at: string
}

export interface StaffSessionTable {
  /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
  id: string
  user_id: number
  created_at: string
  last_seen_at: string
  /** Absolute expiry, whatever the activity. */
  expires_at: string
  ip: string
  user_agent: string
}

/** One row per failed sign-in (or reset request), keyed by `ip:<addr>` or `account:<email>`; counted over a window. */
export interface SignInAttemptTable {
  id: Generated<number>
  key: string
  created_at: string
}

export interface PasswordResetTable {
  /** SHA-256 (hex) of the emailed token. */
  token_hash: string
  user_id: number
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface StaffInvitationTable {
  id: Generated<number>
  token_hash: string
  email: string
  role: StaffRole
  invited_by: number | null
  created_at: string
  expires_at: string
  accepted_at: string | null
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  /** Staff user who acted; null for strangers (failed sign-ins) and the command line. */
  actor_id: number | null
  /** Name or email at the time, so the entry reads well after the account changes. */
  actor_label: string
  action: string
  /** What it was done to, e.g. `user:3`, `article:12`, `settings`. */
  subject: string
  /** Short human-readable detail; never a password or token. */
  detail: string
  ip: string
}

/** A key a program uses instead of a person's session (migration 0012-api-keys). */
export interface ApiKeyTable {
  id: Generated<number>
  name: string
  kind: 'content' | 'admin'
  /** The rights an admin key acts with; null for content keys. */
  role: StaffRole | null
  /** SHA-256 (hex) of the key; the key itself is shown once and never stored. */
  key_hash: string
  /** The key's first characters, for telling keys apart in a list. */
  hint: string
  created_by: number | null
  created_at: string
  revoked_at: string | null
}

/** What an Admin API create answered, kept 24 hours so a retry with the same Idempotency-Key gets it again. */
export interface ApiIdempotencyTable {
  api_key_id: number
  idempotency_key: string
  fingerprint: string
  status: number
  response: string
  created_at: string
}

export interface IdentityTables {
  staff_user: StaffUserTable
  staff_session: StaffSessionTable
  sign_in_attempt: SignInAttemptTable
  password_reset: PasswordResetTable
  staff_invitation: StaffInvitationTable
  audit_log: AuditLogTable
  api_key: ApiKeyTable
  api_idempotency: ApiIdempotencyTable
}

export type StaffUserRow = Selectable<StaffUserTable>
export type StaffSessionRow = Selectable<StaffSessionTable>
export type AuditLogRow = Selectable<AuditLogTable>
export type StaffInvitationRow = Selectable<StaffInvitationTable>
export type ApiKeyRow = Selectable<ApiKeyTable>
