// Uploaded media and their variants, the featured image's link to them, and redirects for renamed slugs.
import type { Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  await db.schema.createTable('media')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('original_filename', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('variants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute()

  // Deleting a media item is refused while an article uses it; set null only guards rows written around that rule.
  await db.schema.alterTable('article')
    .addColumn('image_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('article_image_media').on('article').column('image_media_id').execute()

  await db.schema.createTable('slug_redirect')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('old_slug', 'text', (c) => c.notNull())
    .addColumn('new_slug', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('slug_redirect_kind_old', ['kind', 'old_slug'])
    .execute()
  await db.schema.createIndex('slug_redirect_kind_new').on('slug_redirect').columns(['kind', 'new_slug']).execute()
}
