// API keys in the database: create (shown once), list, revoke, look up by the key a program sends; and the Admin API's idempotent answers.
import type { ApiKeyRow, Db } from '../platform/db/index.js'
import type { Deps } from '../platform/deps.js'
import { notFound, validationError, type FieldIssue } from '../platform/errors.js'
import { toIso } from '../platform/clock.js'
import { recordAudit, type AuditActor } from './audit.js'
import {
  adminKeyPattern, apiKeyHash, apiKeyHint, apiKeyNameIssue, apiKeyRoleIssue, contentKeyPattern, newApiKeySecret,
  type ApiKey, type ApiKeyKind,
} from './api-key.js'
import type { Role } from './role.js'

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id, name: row.name, kind: row.kind, role: row.role, hint: row.hint, createdBy: row.created_by,
  createdAt: new Date(row.created_at), revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
})

export interface NewApiKeyInput {
  name: string
  kind: ApiKeyKind
  role?: Role | string | null | undefined
}

/**
 * Makes a key and returns it with its secret, which is shown this once and never stored.
 * @example const { secret } = await createApiKey(deps, staff, { name: 'Static front end', kind: 'content' })
 */
export async function createApiKey(
  { db, clock }: Pick<Deps, 'db' | 'clock'>, actor: AuditActor | null, input: NewApiKeyInput, ip = '',
): Promise<{ key: ApiKey; secret: string }> {
  const name = typeof input.name === 'string' ? input.name.trim() : ''
  const issues = [apiKeyNameIssue(name), input.kind === 'content' || input.kind === 'admin' ? apiKeyRoleIssue(input.kind, input.role) : { field: 'kind', message: 'A key is for content or admin' }]
    .filter((i): i is FieldIssue => i !== undefined)
  if (issues.length) throw validationError(issues)
  const secret = newApiKeySecret(input.kind)
  const now = clock.now()
  const row = await db.insertInto('api_key').values({
    name, kind: input.kind, role: input.kind === 'admin' ? (input.role as Role) : null, key_hash: apiKeyHash(secret),
    hint: apiKeyHint(secret), created_by: actor?.id ?? null, created_at: toIso(now), revoked_at: null,
  }).returningAll().executeTakeFirstOrThrow()
  const key = toApiKey(row)
  await recordAudit(db, {
    at: now, actor, action: 'api-key.created', subject: `api-key:${key.id}`, ip,
    detail: `${key.name} (${key.kind === 'admin' ? `admin, ${key.role}` : 'content'})`,
  })
  return { key, secret }
}

/** Every key, live ones first, newest first. */
export async function listApiKeys(db: Db): Promise<ApiKey[]> {
  const rows = await db.selectFrom('api_key').selectAll().orderBy('revoked_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toApiKey).sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id)
}

export async function findApiKey(db: Db, id: number): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_key').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toApiKey(row)
}

/**
 * Revokes a key at once; programs using it get 401 from then on. The event purges every cached answer given to it.
 * @example await revokeApiKey(deps, staff, 4)
 */
export async function revokeApiKey(
  { db, clock, events }: Pick<Deps, 'db' | 'clock' | 'events'>, actor: AuditActor | null, id: number, ip = '',
): Promise<ApiKey> {
  const key = await findApiKey(db, id)
  if (!key) throw notFound('API key')
  if (key.revokedAt) return key
  const now = clock.now()
  await db.updateTable('api_key').set({ revoked_at: toIso(now) }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  await recordAudit(db, { at: now, actor, action: 'api-key.revoked', subject: `api-key:${id}`, detail: key.name, ip })
  await events.emit({ type: 'api-key.revoked', apiKeyId: id, tags: [`api-key:${id}`] })
  return { ...key, revokedAt: now }
}

async function findLiveKey(db: Db, secret: string, kind: ApiKeyKind): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_key').selectAll().where('key_hash', '=', apiKeyHash(secret))
    .where('kind', '=', kind).where('revoked_at', 'is', null).executeTakeFirst()
  return row && toApiKey(row)
}

/** The live content key a program sent (`?key=`), or undefined for anything else. */
export async function findContentKey(db: Db, secret: string): Promise<ApiKey | undefined> {
  return contentKeyPattern.test(secret) ? findLiveKey(db, secret, 'content') : undefined
}

/** The live admin key a program sent (`Authorization: Bearer …`), or undefined for anything else. */
export async function findAdminKey(db: Db, secret: string): Promise<ApiKey | undefined> {
  return adminKeyPattern.test(secret) ? findLiveKey(db, secret, 'admin') : undefined
}

/** How long a create's answer is kept for retries with the same Idempotency-Key. */
export const idempotencyTtlMs = 24 * 3_600_000

export interface IdempotentAnswer {
  status: number
  body: string
}

export type IdempotencyClaim =
  | { state: 'claimed' }
  | { state: 'answered'; answer: IdempotentAnswer }
  | { state: 'in-progress' }
  | { state: 'mismatch' }

/**
 * Claims an Idempotency-Key for one request of one key: the first claim wins (a row is written before the work is done),
 * a retry of the same request gets the remembered answer, a different request with the same key is a mismatch.
 * @example const claim = await claimIdempotencyKey(db, key.id, header, fingerprint, now)
 */
export async function claimIdempotencyKey(db: Db, apiKeyId: number, idempotencyKey: string, fingerprint: string, now: Date): Promise<IdempotencyClaim> {
  await db.deleteFrom('api_idempotency').where('created_at', '<', toIso(new Date(now.getTime() - idempotencyTtlMs))).execute()
  const inserted = await db.insertInto('api_idempotency').values({
    api_key_id: apiKeyId, idempotency_key: idempotencyKey, fingerprint, status: 0, response: '', created_at: toIso(now),
  }).onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing()).executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { state: 'claimed' }
  const row = await db.selectFrom('api_idempotency').select(['fingerprint', 'status', 'response'])
    .where('api_key_id', '=', apiKeyId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst()
  if (!row) return claimIdempotencyKey(db, apiKeyId, idempotencyKey, fingerprint, now)
  if (row.fingerprint !== fingerprint) return { state: 'mismatch' }
  if (row.status === 0) return { state: 'in-progress' }
  return { state: 'answered', answer: { status: row.status, body: row.response } }
}

/** Records the answer of a claimed request, for its retries. */
export async function completeIdempotencyKey(db: Db, apiKeyId: number, idempotencyKey: string, answer: IdempotentAnswer): Promise<void> {
  await db.updateTable('api_idempotency').set({ status: answer.status, response: answer.body })
    .where('api_key_id', '=', apiKeyId).where('idempotency_key', '=', idempotencyKey).execute()
}

/** Lets a claimed request that failed be tried again: nothing was created, so nothing is remembered. */
export async function releaseIdempotencyKey(db: Db, apiKeyId: number, idempotencyKey: string): Promise<void> {
  await db.deleteFrom('api_idempotency').where('api_key_id', '=', apiKeyId).where('idempotency_key', '=', idempotencyKey)
    .where('status', '=', 0).execute()
}
