// API keys: what a key is, how one is made and checked, and the actor an admin key acts as.
import { createHash, randomBytes } from 'node:crypto'
import type { FieldIssue } from '../platform/errors.js'
import { isRole, type Role } from './role.js'

export type ApiKeyKind = 'content' | 'admin'

/** A key as the newsroom and the command line list it; the key itself is never kept, only its hash and first characters. */
export interface ApiKey {
  id: number
  name: string
  kind: ApiKeyKind
  /** The rights an admin key acts with; null for a content key. */
  role: Role | null
  /** The first characters of the key, to tell keys apart. */
  hint: string
  createdBy: number | null
  createdAt: Date
  revokedAt: Date | null
}

export const apiKeyLimits = { name: 100 } as const

/** Ghost's Content API keys are 26 hexadecimal characters, and its client refuses any other shape. */
export const contentKeyPattern = /^[0-9a-f]{26}$/
/** Admin keys carry a prefix so a leaked one is recognisable (and refused by the content API). */
export const adminKeyPattern = /^dla_[0-9a-f]{64}$/

export function newApiKeySecret(kind: ApiKeyKind): string {
  return kind === 'content' ? randomBytes(13).toString('hex') : `dla_${randomBytes(32).toString('hex')}`
}

/** Keys are 104 or 256 random bits, so SHA-256 is enough: no one guesses a preimage, and a lookup stays one index probe. */
export function apiKeyHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export function apiKeyHint(secret: string): string {
  return secret.startsWith('dla_') ? secret.slice(0, 10) : secret.slice(0, 6)
}

export function apiKeyNameIssue(name: string): FieldIssue | undefined {
  if (!name.trim()) return { field: 'name', message: 'Give the key a name that says which program uses it' }
  if ([...name].length > apiKeyLimits.name) return { field: 'name', message: `The name must be at most ${apiKeyLimits.name} characters` }
  if (/[\u0000-\u001f\u007f]/.test(name)) return { field: 'name', message: 'The name contains a control character' }
  return undefined
}

export function apiKeyRoleIssue(kind: ApiKeyKind, role: unknown): FieldIssue | undefined {
  if (kind === 'content') return role == null || role === '' ? undefined : { field: 'role', message: 'A content key reads public content only: it has no role' }
  return isRole(role) ? undefined : { field: 'role', message: 'An admin key needs a role: contributor, author, editor or administrator' }
}

/**
 * The actor an admin key acts as in the content and media use cases. Its id is the key's id negated: staff ids are
 * positive, so what a key creates is owned by the key (a contributor key edits its own drafts, not a person's), and
 * no person's rights are borrowed. The audit log names the key through the label.
 * @example await publishArticle(deps, apiKeyActor(key), 12) // audit: "API key “CMS sync” <api-key:4>"
 */
export function apiKeyActor(key: Pick<ApiKey, 'id' | 'name' | 'role'>): { id: number; name: string; email: string; role: Role } {
  if (!key.role) throw new Error('a content key cannot act')
  return { id: -key.id, name: `API key “${key.name}”`, email: `api-key:${key.id}`, role: key.role }
}

/** The key id behind an actor id made by {@link apiKeyActor}, or undefined for a person. */
export function apiKeyIdOfActor(actorId: number): number | undefined {
  return actorId < 0 ? -actorId : undefined
}
