// Revision queries: append a numbered snapshot, list an article's history, fetch one.
import type { Db, RevisionRow } from '../platform/db/index.js'
import { isUniqueViolation } from '../platform/db/index.js'
import { DomainError } from '../platform/errors.js'
import { parseSnapshot, serialiseSnapshot, type ArticleSnapshot, type Revision } from './revision.js'

function toRevision(row: RevisionRow & { staff_name?: string | null }): Revision {
  const { snapshot, pending } = parseSnapshot(row.snapshot)
  return {
    id: row.id, articleId: row.article_id, number: Number(row.number), snapshot, pending, staffId: row.staff_id,
    staffName: row.staff_name ?? null, createdAt: new Date(row.created_at),
  }
}

/** Appends the next numbered revision inside the caller's transaction. */
export async function addRevision(
  db: Db, { articleId, snapshot, staffId, at, pending = false }: { articleId: number; snapshot: ArticleSnapshot; staffId: number | null; at: Date; pending?: boolean },
): Promise<Revision> {
  const last = await db.selectFrom('revision').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', articleId).executeTakeFirst()
  const number = Number(last?.n ?? 0) + 1
  try {
    const row = await db.insertInto('revision').values({
      article_id: articleId, number, snapshot: serialiseSnapshot(snapshot, pending), staff_id: staffId, created_at: at.toISOString(),
    }).returningAll().executeTakeFirstOrThrow()
    return toRevision(row)
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'Someone else saved this article at the same moment: save again')
    throw err
  }
}

export async function findLatestRevision(db: Db, articleId: number): Promise<Revision | undefined> {
  const row = await db.selectFrom('revision').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').limit(1).executeTakeFirst()
  return row && toRevision(row)
}

export async function findRevision(db: Db, articleId: number, number: number): Promise<Revision | undefined> {
  const row = await db.selectFrom('revision').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst()
  return row && toRevision(row)
}

/** Newest first, with the name of whoever saved each. */
export async function listRevisions(db: Db, articleId: number, limit = 200): Promise<Revision[]> {
  const rows = await db.selectFrom('revision').leftJoin('staff_user', 'staff_user.id', 'revision.staff_id')
    .selectAll('revision').select('staff_user.name as staff_name')
    .where('revision.article_id', '=', articleId).orderBy('revision.number', 'desc').limit(limit).execute()
  return rows.map(toRevision)
}
