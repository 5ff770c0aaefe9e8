// Table types for staff users, roles, sessions, sign-in throttling, password resets, invitations, audit log; filled in by migration 0002-identity.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IdentityTables {}
