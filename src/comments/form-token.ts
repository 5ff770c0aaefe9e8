// The anti-forgery token in the comment form: signed article id and issue time, so it survives the page cache.
import { createHmac, timingSafeEqual } from 'node:crypto'

export interface FormTokenCheck {
  /** 'ok', or why the token cannot be trusted. */
  state: 'ok' | 'invalid' | 'expired' | 'too-fast'
  issuedAt?: Date
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(`comment-form:${payload}`).digest('base64url')

/**
 * A token bound to one article and the moment the form was rendered.
 * @example issueFormToken(secret, 12, clock.now()) // '12.1764072000000.Zx…'
 */
export function issueFormToken(secret: string, articleId: number, now: Date): string {
  const payload = `${articleId}.${now.getTime()}`
  return `${payload}.${sign(secret, payload)}`
}

export function checkFormToken(secret: string, token: unknown, articleId: number, now: Date, { minSeconds, maxAgeHours }: { minSeconds: number; maxAgeHours: number }): FormTokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { state: 'invalid' }
  const match = /^(\d{1,12})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token)
  if (!match || Number(match[1]) !== articleId) return { state: 'invalid' }
  const expected = Buffer.from(sign(secret, `${match[1]}.${match[2]}`))
  const given = Buffer.from(match[3]!)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { state: 'invalid' }
  const issuedAt = new Date(Number(match[2]))
  const age = now.getTime() - issuedAt.getTime()
  if (age > maxAgeHours * 3_600_000) return { state: 'expired', issuedAt }
  if (age < minSeconds * 1000) return { state: 'too-fast', issuedAt }
  return { state: 'ok', issuedAt }
}
