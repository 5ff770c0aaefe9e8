// The indexes the migrations create by name, per dialect: `dateline doctor` reports any the database lacks.
import type { DialectName } from './dialect.js'

const both = [
  'article_status_published', 'article_section_published', 'article_topic_topic', 'article_tag_tag', 'article_author_author',
  'correction_article', 'staff_session_user', 'sign_in_attempt_key', 'audit_log_at', 'job_due', 'job_lock', 'article_created_by',
  'media_created', 'article_image_media', 'slug_redirect_kind_new', 'comment_article_top', 'comment_thread', 'comment_status',
  'comment_email', 'comment_parent', 'comment_event_comment',
]

/** Add an index here when a migration creates one that reader or newsroom pages rely on. */
export const expectedIndexes: Record<DialectName, readonly string[]> = {
  // SQLite reads teasers through a covering index, its rows' late columns being behind the bodies' overflow pages.
  sqlite: [...both, 'article_teaser'],
  // SQLite searches through its FTS5 table; PostgreSQL through GIN indexes on generated tsvector columns.
  postgres: [...both, 'article_search_vector', 'article_search_head_span'],
}
