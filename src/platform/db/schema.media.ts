// Table types for uploaded media and their variants, and the redirects left behind by renamed slugs; filled in by migration 0004-media.
import type { Generated } from 'kysely'

export interface MediaTable {
  id: Generated<number>
  /** Server-made file name of the re-encoded original, e.g. `3f9c…e1.png`; never taken from the upload. */
  name: string
  /** The uploader's file name, for display only (escaped like any text). */
  original_filename: string
  mime: string
  width: number
  height: number
  bytes: number
  alt: string
  caption: string
  credit: string
  /** JSON array of `{ name, format, width, height, bytes }`, one per responsive variant. */
  variants: string
  /** Staff user id of the uploader; no foreign key so media outlive accounts. */
  created_by: number | null
  created_at: string
}

/** `page` slugs of pages; `path` whole old paths (`/2019/04/storm/`, `/?p=12`) left by an import, leading to a new path. */
export type SlugRedirectKind = 'section' | 'topic' | 'tag' | 'author' | 'article' | 'page' | 'path'

/** An old slug that must keep working after a rename: readers following it get a 301 to the new one. */
export interface SlugRedirectTable {
  id: Generated<number>
  kind: SlugRedirectKind
  old_slug: string
  new_slug: string
  created_at: string
}

export interface MediaTables {
  media: MediaTable
  slug_redirect: SlugRedirectTable
}
