// The audit log: who did what to what, when. Append-only; administrators read it in the newsroom.
import type { AuditLogRow, Db } from '../platform/db/index.js'
import { toIso } from '../platform/clock.js'

export interface AuditActor {
  id: number
  name: string
  email: string
}

export interface AuditEntry {
  at: Date
  /** The staff member who acted; null for a stranger (failed sign-in) or the command line. */
  actor: AuditActor | null
  /** Dotted verb such as `sign-in`, `sign-in.failed`, `user.role-changed`, `article.published`. */
  action: string
  /** What it was done to: `user:3`, `article:12`, `settings`. */
  subject?: string
  /** Short readable detail; never a password, token or reader's email. */
  detail?: string
  ip?: string
}

export interface AuditRecord {
  id: number
  at: Date
  actorId: number | null
  actorLabel: string
  action: string
  subject: string
  detail: string
  ip: string
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/**
 * Appends one entry; callers pass the time from their injected clock.
 * @example await recordAudit(db, { at: clock.now(), actor: staff, action: 'article.published', subject: `article:${id}`, detail: headline })
 */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    at: toIso(entry.at),
    actor_id: entry.actor?.id ?? null,
    actor_label: entry.actor ? clip(`${entry.actor.name} <${entry.actor.email}>`, 300) : '',
    action: clip(entry.action, 100),
    subject: clip(entry.subject ?? '', 200),
    detail: clip(entry.detail ?? '', 500),
    ip: clip(entry.ip ?? '', 100),
  }).execute()
}

const toRecord = (row: AuditLogRow): AuditRecord => ({
  id: row.id, at: new Date(row.at), actorId: row.actor_id, actorLabel: row.actor_label, action: row.action,
  subject: row.subject, detail: row.detail, ip: row.ip,
})

/** Newest first, one page at a time; `action` narrows to one verb or a family (`sign-in` matches `sign-in.failed`). */
export async function listAudit(db: Db, { page = 1, perPage = 50, action }: { page?: number; perPage?: number; action?: string | undefined } = {}) {
  let query = db.selectFrom('audit_log')
  if (action) query = query.where((eb) => eb.or([eb('action', '=', action), eb('action', 'like', `${action}.%`)]))
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('id', 'desc').limit(perPage).offset((page - 1) * perPage).execute(),
    query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ])
  const total = Number(count.n)
  return { entries: rows.map(toRecord), total, page, pages: Math.max(1, Math.ceil(total / perPage)) }
}
