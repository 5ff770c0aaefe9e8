// Revisions of articles, the durable job queue, and the owner of each article.
import type { Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  await db.schema.createTable('revision')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('revision_article_number', ['article_id', 'number'])
    .execute()

  await db.schema.createTable('job')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // The claim query reads due work by status and time, and lapsed claims by status and lock.
  await db.schema.createIndex('job_due').on('job').columns(['status', 'run_at']).execute()
  await db.schema.createIndex('job_lock').on('job').columns(['status', 'locked_until']).execute()

  // No foreign key: an article outlives the account that wrote it; null for imported and demo articles.
  await db.schema.alterTable('article').addColumn('created_by', 'integer').execute()
  await db.schema.createIndex('article_created_by').on('article').column('created_by').execute()
}
