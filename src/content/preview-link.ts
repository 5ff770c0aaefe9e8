// Signed, expiring preview links for unpublished articles: the signature is the only credential a holder needs.
import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * How long a preview link works: long enough to send a draft to a source or a lawyer and hear back over a
 * weekend, short enough that a forwarded link stops working soon after.
 */
export const previewLifetimeMs = 48 * 3_600_000

const maxId = 999_999_999
const maxExpires = 99_999_999_999

function sign(secret: string, id: number, expires: number): string {
  // The "preview:" prefix keeps these signatures from ever matching another use of the same secret (CSRF tokens).
  return createHmac('sha256', secret).update(`preview:${id}:${expires}`).digest('base64url')
}

/** When a link made now should stop working. */
export function previewExpiry(now: Date): Date {
  return new Date(now.getTime() + previewLifetimeMs)
}

/**
 * The site-relative path of a preview link.
 * @example previewPath(secret, 12, new Date('2026-11-27T12:00:00Z')) // '/preview/12/1795780800/<43 characters>/'
 */
export function previewPath(secret: string, articleId: number, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000)
  return `/preview/${articleId}/${expires}/${sign(secret, articleId, expires)}/`
}

export type PreviewCheck = { ok: true; articleId: number } | { ok: false; reason: 'forged' | 'expired' }

/**
 * Checks the three parts of a preview path as they arrived (strings, untrusted). A wrong signature is 'forged'
 * whatever else is wrong, so a stranger learns nothing about which ids or times exist; only a genuine link is
 * told it has 'expired'.
 */
export function verifyPreview(secret: string, id: string, expires: string, sig: string, now: Date): PreviewCheck {
  if (!/^[0-9]{1,9}$/.test(id) || !/^[0-9]{1,11}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, reason: 'forged' }
  const articleId = Number(id)
  const expiresAt = Number(expires)
  if (articleId < 1 || articleId > maxId || expiresAt > maxExpires) return { ok: false, reason: 'forged' }
  // Compare the canonical forms: "012" and "12" must not both pass for the same signature.
  if (String(articleId) !== id || String(expiresAt) !== expires) return { ok: false, reason: 'forged' }
  const expected = Buffer.from(sign(secret, articleId, expiresAt))
  const given = Buffer.from(sig)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  if (expiresAt * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, articleId }
}
