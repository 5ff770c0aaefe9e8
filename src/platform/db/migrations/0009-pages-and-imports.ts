// Pages (About, Contact…), where each imported item came from (so a re-import updates it), and old addresses kept as redirects.
import type { Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  await db.schema.createTable('page')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('in_footer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(100))
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .execute()

  // One row per imported thing (article, page, comment, media, author): the same export imported again finds it here.
  await db.schema.createTable('import_source')
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('target_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_source_pk', ['platform', 'site', 'kind', 'source_id'])
    .execute()
  await db.schema.createIndex('import_source_target').on('import_source').columns(['kind', 'target_id']).execute()
  // Old addresses of any shape (`/2019/04/storm/`, `/?p=12`) join section and article renames in slug_redirect,
  // as kind 'path' with whole paths for slugs: one table, one lookup, whatever moved the address.
}
