// On SQLite a teaser's status, dates, picture and comment count sit after the three bodies (~14 KB a row), so every
// teaser and list read walked each row's overflow pages (decision 0019). An index keyed by id holding every column a
// summary shows answers them without the row. PostgreSQL keeps large bodies out of line already (TOAST): nothing to do.
import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

// Every column `summarySelect` (content/article.store.ts) reads from `article`: a query bound to the index needs them all.
const teaserColumns = [
  'id', 'section_id', 'status', 'published_at', 'updated_at', 'slug', 'headline', 'standfirst', 'image_url', 'image_alt',
  'image_caption', 'image_credit', 'image_width', 'image_height', 'image_media_id', 'comment_count',
] as const

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return
  await db.schema.createIndex('article_teaser').on('article').columns([...teaserColumns]).execute()
}
