// The database's table types, one interface per table, shared by every store. Times are ISO 8601 UTC text.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { IdentityTables } from './schema.identity.js'
import type { EditorialTables } from './schema.editorial.js'
import type { MediaTables } from './schema.media.js'
import type { CommentTables } from './schema.comments.js'
import type { PageTables } from './schema.pages.js'
import type { RelatedTables } from './schema.related.js'
import type { WebhookTables } from './schema.webhooks.js'

export type * from './schema.identity.js'
export type * from './schema.editorial.js'
export type * from './schema.media.js'
export type * from './schema.comments.js'
export type * from './schema.pages.js'
export type * from './schema.related.js'
export type * from './schema.webhooks.js'

export interface SectionTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  position: number
  created_at: string
}

export interface TopicTable {
  id: Generated<number>
  slug: string
  name: string
  description: string
  created_at: string
}

export interface TagTable {
  id: Generated<number>
  slug: string
  name: string
}

export interface AuthorTable {
  id: Generated<number>
  slug: string
  name: string
  bio: string
  created_at: string
}

export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished'

export interface ArticleTable {
  id: Generated<number>
  slug: string
  section_id: number
  headline: string
  standfirst: string
  body_md: string
  /** Sanitised HTML rendered from body_md when saved. */
  body_html: string
  /** Plain text of the body with word boundaries kept; feeds, snippets, search and related use it. */
  body_text: string
  dateline: string
  agency: string
  image_url: string | null
  image_alt: string
  image_caption: string
  image_credit: string
  image_width: number | null
  image_height: number | null
  /** The media item the featured image comes from, when it was uploaded here (added by 0004-media). */
  image_media_id: number | null
  status: ArticleStatus
  /** When it went (or goes, if scheduled) public. */
  published_at: string | null
  /** Last editorial update readers are told about; null until one. */
  updated_at: string | null
  seo_title: string
  seo_description: string
  comments_open: number
  /** Approved comments, kept by the comments capability (migration 0005). */
  comment_count: Generated<number>
  /** Staff user who created it (added by 0003-editorial); null for imported and demo articles. */
  created_by: number | null
  created_at: string
  modified_at: string
}

export interface ArticleTopicTable {
  article_id: number
  topic_id: number
  position: number
}

export interface ArticleTagTable {
  article_id: number
  tag_id: number
}

export interface ArticleAuthorTable {
  article_id: number
  author_id: number
  position: number
}

export interface CorrectionTable {
  id: Generated<number>
  article_id: number
  kind: 'correction' | 'update'
  text: string
  created_at: string
}

export interface SettingTable {
  key: string
  value: string
}

/** Every content or comment change appends a row; servers poll it so changes made elsewhere reach their caches. */
export interface ChangeLogTable {
  id: Generated<number>
  tags: string
  created_at: string
}

/** Tables of the content capability. */
export interface ContentTables {
  section: SectionTable
  topic: TopicTable
  tag: TagTable
  author: AuthorTable
  article: ArticleTable
  article_topic: ArticleTopicTable
  article_tag: ArticleTagTable
  article_author: ArticleAuthorTable
  correction: CorrectionTable
  setting: SettingTable
  change_log: ChangeLogTable
}

export interface Database extends ContentTables, IdentityTables, EditorialTables, MediaTables, CommentTables, PageTables, RelatedTables, WebhookTables {}

export type ArticleRow = Selectable<ArticleTable>
export type NewArticleRow = Insertable<ArticleTable>
export type ArticleUpdate = Updateable<ArticleTable>
export type SectionRow = Selectable<SectionTable>
export type TopicRow = Selectable<TopicTable>
export type TagRow = Selectable<TagTable>
export type AuthorRow = Selectable<AuthorTable>
export type CorrectionRow = Selectable<CorrectionTable>
