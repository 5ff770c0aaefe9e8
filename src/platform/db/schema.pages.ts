// Table types for pages and import sources; filled in by migration 0009-pages-and-imports.
import type { Generated, Selectable } from 'kysely'

export type PageStatus = 'draft' | 'published'

/** A page that is not news (About, Contact, Ethics policy): served at `/<slug>/`, no dates, comments or related news. */
export interface PageTable {
  id: Generated<number>
  slug: string
  title: string
  body_md: string
  /** Sanitised HTML rendered from body_md when saved, as for articles. */
  body_html: string
  body_text: string
  status: PageStatus
  /** 1 when the page is linked from every page's footer. */
  in_footer: number
  /** Order in the footer, smallest first. */
  position: number
  seo_description: string
  created_at: string
  modified_at: string
}

export type ImportKind = 'article' | 'page' | 'comment' | 'media' | 'author'

/** Where an imported row came from: a re-import of the same export finds and updates it instead of adding a copy. */
export interface ImportSourceTable {
  /** `wordpress`, `ghost`. */
  platform: string
  /** The source site's address as the export names it, so two blogs' post 12 stay apart. */
  site: string
  kind: ImportKind
  source_id: string
  target_id: number
  created_at: string
}

export interface PageTables {
  page: PageTable
  import_source: ImportSourceTable
}

export type PageRow = Selectable<PageTable>
