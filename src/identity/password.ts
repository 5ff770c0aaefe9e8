// Password rules and argon2id hashing; a dummy hash keeps unknown accounts as slow as known ones.
import { hash, verify } from '@node-rs/argon2'
import type { FieldIssue } from '../platform/errors.js'

export const passwordLimits = { min: 12, max: 256 } as const

// @node-rs/argon2 defaults to argon2id; these are OWASP's minimum costs (19 MiB, 2 passes, 1 lane).
const cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function passwordIssue(password: string, field = 'password'): FieldIssue | undefined {
  const length = [...password].length
  if (length < passwordLimits.min) return { field, message: `Password must be at least ${passwordLimits.min} characters long` }
  if (length > passwordLimits.max) return { field, message: `Password must be at most ${passwordLimits.max} characters long` }
  return undefined
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

let dummy: Promise<string> | undefined

/** Spends the time a real check would, then fails: the answer for an email with no account. */
export async function verifyNobody(password: string): Promise<false> {
  dummy ??= hashPassword('not-a-password-anyone-has')
  await verifyPassword(await dummy, password)
  return false
}
