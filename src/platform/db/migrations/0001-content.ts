// Sections, topics, tags, authors, articles and their links, corrections, settings, the change log, full-text search.
import { sql, type Kysely } from 'kysely'
import { idType, type DialectName } from '../dialect.js'

export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const id = idType(dialect)
  const named = (table: string) =>
    db.schema.createTable(table)
      .addColumn('id', id, (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())

  await named('section')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await named('topic')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await named('tag').execute()
  await named('author')
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.createTable('article')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('section.id'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('standfirst', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_md', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('dateline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_url', 'text')
    .addColumn('image_alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('image_width', 'integer')
    .addColumn('image_height', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('seo_title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('seo_description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comments_open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('modified_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('article_status_published').on('article').columns(['status', 'published_at']).execute()
  await db.schema.createIndex('article_section_published').on('article').columns(['section_id', 'status', 'published_at']).execute()

  const link = (table: string, other: string, otherTable: string, withPosition: boolean) => {
    let t = db.schema.createTable(table)
      .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
      .addColumn(other, 'integer', (c) => c.notNull().references(`${otherTable}.id`).onDelete('cascade'))
    if (withPosition) t = t.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    return t.addPrimaryKeyConstraint(`${table}_pk`, ['article_id', other]).execute()
  }
  await link('article_topic', 'topic_id', 'topic', true)
  await link('article_tag', 'tag_id', 'tag', false)
  await link('article_author', 'author_id', 'author', true)
  await db.schema.createIndex('article_topic_topic').on('article_topic').column('topic_id').execute()
  await db.schema.createIndex('article_tag_tag').on('article_tag').column('tag_id').execute()
  await db.schema.createIndex('article_author_author').on('article_author').column('author_id').execute()

  await db.schema.createTable('correction')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('article.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('correction_article').on('correction').column('article_id').execute()

  await db.schema.createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema.createTable('change_log')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  // Full-text search is maintained by the database itself so every writer (server, CLI, import) keeps it
  // current without remembering to. Weights: headline A, standfirst B, body C.
  if (dialect === 'sqlite') {
    await sql`create virtual table article_fts using fts5(headline, standfirst, body_text, content='article', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`.execute(db)
    await sql`create trigger article_fts_insert after insert on article begin
      insert into article_fts(rowid, headline, standfirst, body_text) values (new.id, new.headline, new.standfirst, new.body_text); end`.execute(db)
    await sql`create trigger article_fts_delete after delete on article begin
      insert into article_fts(article_fts, rowid, headline, standfirst, body_text) values ('delete', old.id, old.headline, old.standfirst, old.body_text); end`.execute(db)
    await sql`create trigger article_fts_update after update of headline, standfirst, body_text on article begin
      insert into article_fts(article_fts, rowid, headline, standfirst, body_text) values ('delete', old.id, old.headline, old.standfirst, old.body_text);
      insert into article_fts(rowid, headline, standfirst, body_text) values (new.id, new.headline, new.standfirst, new.body_text); end`.execute(db)
  } else {
    await sql`alter table article add column search_vector tsvector generated always as (
      setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(body_text, '')), 'C')) stored`.execute(db)
    await sql`create index article_search_vector on article using gin (search_vector)`.execute(db)
  }
}
