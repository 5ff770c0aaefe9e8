// Reader comments, their history, commenter addresses, and a denormalised approved count on each article.
import type { Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  await db.schema.createTable('comment')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer')
    .addColumn('thread_id', 'integer')
    .addColumn('depth', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('author_email', 'text')
    .addColumn('email_hash', 'text')
    .addColumn('author_website', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('previous_status', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ip_hash', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('staff_user_id', 'integer')
    .addColumn('notify', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // A page of top-level comments, and its count, come straight from this index even with 10,000 on one article.
  await db.schema.createIndex('comment_article_top').on('comment').columns(['article_id', 'status', 'parent_id', 'id']).execute()
  // The replies of the threads on one page.
  await db.schema.createIndex('comment_thread').on('comment').columns(['thread_id', 'status', 'id']).execute()
  await db.schema.createIndex('comment_status').on('comment').columns(['status', 'id']).execute()
  await db.schema.createIndex('comment_email').on('comment').columns(['email_hash', 'status']).execute()
  await db.schema.createIndex('comment_parent').on('comment').column('parent_id').execute()

  await db.schema.createTable('comment_event')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comment.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('comment_event_comment').on('comment_event').columns(['comment_id', 'id']).execute()

  await db.schema.createTable('comment_address')
    .addColumn('email_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('confirmed_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('article').addColumn('comment_count', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}
