/**
 * Identity: staff accounts, roles, sessions, passwords, invitations, password resets and the audit log.
 * No HTTP here; the newsroom surface turns cookies into a {@link Staff} and calls these.
 *
 * Contracts other modules rely on:
 * - Roles, lowest first: contributor < author < editor < administrator ({@link roles}); a role has every
 *   right of the roles below it. Route access values live in platform/http/access.ts.
 * - Per-article rules go through {@link can}: contributors edit and delete only their own drafts and never
 *   publish; authors publish, schedule, unpublish, correct and delete their own; editors do it to all and
 *   moderate; administrators also manage users and settings.
 *   @example if (!can(staff, 'publish', { ownerId: article.ownerId })) throw new DomainError('FORBIDDEN', 'You may publish only your own articles')
 * - {@link Staff} is the signed-in person of a request: `{ id, email, name, role, sessionId }`.
 * - Sessions live in `staff_session` (only the token's SHA-256 is stored); idle expiry 2 h, absolute 12 h
 *   ({@link sessionPolicy}); a sign-in always starts a new session; a password change ends the others.
 * - Sign-in is throttled per IP and per account: 5 failures an hour ({@link throttlePolicy}).
 * - First-run setup asks for a one-time code ({@link ensureSetupCode}) kept in `setting` until the first administrator
 *   exists; wrong codes are throttled per address like sign-ins ({@link checkSetupCode}).
 * - {@link recordAudit} appends to the audit log; publish, unpublish and delete are recorded by their use cases.
 *   @example await recordAudit(db, { at: clock.now(), actor: staff, action: 'article.published', subject: `article:${id}`, detail: headline })
 */
export { roles, roleLabels, isRole, roleAtLeast, roleMeets, can, type Role, type Action, type Subject } from './role.js'
export { passwordLimits, passwordIssue, hashPassword, verifyPassword } from './password.js'
export {
  staffLimits, normaliseEmail, emailIssue, nameIssue, findStaffUser, getStaffUser, listStaffUsers, hasAdministrator,
  countActiveAdministrators, type Staff, type StaffUser,
} from './staff.js'
export {
  sessionPolicy, startSession, resolveSession, endSession, endSessionByToken, endUserSessions, countUserSessions, pruneExpired,
  type StartedSession, type SessionMeta,
} from './session.js'
export { throttlePolicy, signIn, signOut, type SignInResult } from './sign-in.js'
export { ensureSetupCode, checkSetupCode, normaliseSetupCode, type SetupCodeResult } from './setup-code.js'
export {
  createStaffUser, createFirstAdministrator, changeRole, setStaffActive, changePassword, setPassword, renameStaff, type NewStaffInput,
} from './accounts.js'
export { invitationTtlMs, inviteStaff, findInvitation, listOpenInvitations, acceptInvitation, revokeInvitation, type Invitation } from './invitation.js'
export { resetTtlMs, requestPasswordReset, isResetTokenValid, resetPassword } from './password-reset.js'
export { recordAudit, listAudit, type AuditEntry, type AuditActor, type AuditRecord } from './audit.js'
/**
 * API keys for programs. Content keys (26 hex characters, like Ghost's) read public content; admin keys
 * (`dla_` + 64 hex) act with a role's rights through {@link apiKeyActor}, whose negative id makes what a key
 * creates its own. Only the key's SHA-256 is stored; the secret is returned once by {@link createApiKey}.
 * @example const { secret } = await createApiKey(deps, staff, { name: 'CMS sync', kind: 'admin', role: 'author' })
 *          const key = await findAdminKey(db, bearer); if (key) await createDraft(deps, apiKeyActor(key), input)
 */
export {
  apiKeyActor, apiKeyIdOfActor, apiKeyLimits, contentKeyPattern, adminKeyPattern, type ApiKey, type ApiKeyKind,
} from './api-key.js'
export {
  createApiKey, listApiKeys, findApiKey, revokeApiKey, findContentKey, findAdminKey, claimIdempotencyKey, completeIdempotencyKey,
  releaseIdempotencyKey, idempotencyTtlMs, type NewApiKeyInput, type IdempotentAnswer, type IdempotencyClaim,
} from './api-key.store.js'
