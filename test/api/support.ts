// Helpers for API tests: comments written straight to the table (with an address that must never come back out).
import type { Services } from '../../src/app.js'
import type { CommentStatus } from '../../src/platform/db/index.js'

export async function addComment(services: Services, articleId: number, { status = 'approved', name = 'Reader', email = 'reader@example.org', body = 'A comment.', parentId = null }: {
  status?: CommentStatus; name?: string; email?: string; body?: string; parentId?: number | null
} = {}): Promise<number> {
  const at = services.clock.now().toISOString()
  const row = await services.db.insertInto('comment').values({
    article_id: articleId, parent_id: parentId, thread_id: null, depth: parentId ? 1 : 0, author_name: name, author_email: email,
    email_hash: 'hash-of-address', author_website: '', body, body_html: `<p>${body}</p>`, status, previous_status: null, reason: '',
    ip_hash: 'ip-hash', staff_user_id: null, notify: 0, created_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow()
  await services.db.updateTable('comment').set({ thread_id: parentId ?? row.id }).where('id', '=', row.id).execute()
  return row.id
}
