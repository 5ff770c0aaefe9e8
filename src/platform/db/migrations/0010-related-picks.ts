// Related news from the words of articles: profiles, an inverted index of their strongest terms, term counts,
// the picks each page shows, editors' pins and exclusions, and the queue of articles to refresh (decision 0016).
import type { Kysely } from 'kysely'
import type { DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const real = dialect === 'postgres' ? 'double precision' : 'real'
  await db.schema.createTable('related_profile')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('article.id').onDelete('cascade'))
    .addColumn('vector', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('term_hashes', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()
  // No foreign key: millions of rows written in bulk by a rebuild; the refresh job removes an article's own.
  await db.schema.createTable('related_posting')
    .addColumn('term_hash', 'integer', (c) => c.notNull())
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('weight', real, (c) => c.notNull())
    .execute()
  // A term's postings strongest first, covering the article id: candidates come from the top of each term, index only.
  await db.schema.createIndex('related_posting_term').on('related_posting').columns(['term_hash', 'weight desc', 'article_id']).execute()
  await db.schema.createIndex('related_posting_article').on('related_posting').column('article_id').execute()
  await db.schema.createTable('related_term')
    .addColumn('term_hash', 'integer', (c) => c.primaryKey())
    .addColumn('df', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createTable('related_pick')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('related_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('related_pick_pk', ['article_id', 'kind', 'position'])
    .execute()
  // Which pages show an article: they are refreshed when it changes or goes.
  await db.schema.createIndex('related_pick_related').on('related_pick').column('related_id').execute()
  await db.schema.createTable('related_override')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_override_pk', ['article_id', 'related_id'])
    .execute()
  await db.schema.createIndex('related_override_related').on('related_override').column('related_id').execute()
  await db.schema.createTable('related_pending')
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('stage', 'integer', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('related_pending_stage').on('related_pending').columns(['stage', 'article_id']).execute()
}
