// The one-time code that guards first-run setup, so whoever reaches a new install first cannot make themselves its administrator.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Deps } from '../platform/deps.js'
import type { Db } from '../platform/db/index.js'
import { recordAudit } from './audit.js'
import { noteAttempt, throttledFor } from './sign-in.js'
import { hasAdministrator } from './staff.js'

/**
 * Kept in plain text in `setting`, beside the cookie-signing secret that already lives there: whoever can read that
 * table can already forge sessions (and whoever can write it can add an administrator), and the server's log and
 * `dateline setup-code` must both show the very code the form accepts, on every instance. It is deleted when the
 * first administrator is created, and refused by then anyway.
 */
export const setupCodeKey = 'identity.setup-code'

// Crockford's base32: no I, L, O or U, so a code read off a terminal and typed in cannot be misread.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/** Twelve symbols (60 bits), shown as XXXX-XXXX-XXXX; with five guesses an hour per address, out of reach. */
export function newSetupCode(): string {
  // 256 is a multiple of 32, so the low five bits of each byte are uniform.
  const symbols = [...randomBytes(12)].map((b) => alphabet[b & 31]).join('')
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`
}

/** As typed: any case, with or without the dashes or spaces, O for 0 and I or L for 1 (Crockford's reading rules). */
export function normaliseSetupCode(input: string): string {
  return input.slice(0, 100).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
}

/**
 * The setup code every instance accepts, made on first use; undefined once the newsroom has an administrator.
 * @example const code = await ensureSetupCode(db); if (code) log.warn(`enter the setup code ${code}`)
 */
export async function ensureSetupCode(db: Db): Promise<string | undefined> {
  if (await hasAdministrator(db)) return undefined
  const read = () => db.selectFrom('setting').select('value').where('key', '=', setupCodeKey).executeTakeFirst()
  const row = await read()
  if (row) return row.value
  // Two instances starting at once: the first insert wins and both read the same code back.
  await db.insertInto('setting').values({ key: setupCodeKey, value: newSetupCode() }).onConflict((oc) => oc.column('key').doNothing()).execute()
  return (await read())?.value
}

export type SetupCodeResult =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

const digest = (code: string) => createHash('sha256').update(normaliseSetupCode(code)).digest()

/**
 * Checks a code sent with the setup form; wrong codes count against the sender's address like failed sign-ins.
 * @example const result = await checkSetupCode(deps, { code: body.setupCode, ip: req.ip })
 */
export async function checkSetupCode(deps: Pick<Deps, 'db' | 'clock'>, { code, ip }: { code: string; ip: string }): Promise<SetupCodeResult> {
  const keys = [`setup-code:${ip}`]
  const wait = await throttledFor(deps, keys)
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait }
  if (!code.trim()) return { ok: false, reason: 'missing' }
  const expected = await ensureSetupCode(deps.db)
  // Digests of equal length, so the comparison takes the same time however much of the code was right.
  if (expected && timingSafeEqual(digest(code), digest(expected))) return { ok: true }
  const now = deps.clock.now()
  await noteAttempt(deps.db, keys, now)
  await recordAudit(deps.db, { at: now, actor: null, action: 'setup.code-refused', subject: 'setup', ip })
  return { ok: false, reason: 'invalid' }
}
