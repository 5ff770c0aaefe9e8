// Media queries; rows become Media objects here and nowhere else.
import type { Db } from '../platform/db/index.js'
import type { Selectable } from 'kysely'
import type { MediaTable } from '../platform/db/index.js'
import { imageFormats, mediaPath, parseVariants, type ImageFormat, type Media, type MediaVariant } from './media.js'

type MediaRow = Selectable<MediaTable>

function toMedia(r: MediaRow): Media {
  const format = (imageFormats.find((f) => r.mime === `image/${f}`) ?? 'jpeg') as ImageFormat
  return {
    id: r.id,
    name: r.name,
    url: mediaPath(r.name),
    originalFilename: r.original_filename,
    mime: r.mime,
    format,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    variants: parseVariants(r.variants),
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
  }
}

/** What an upload stores: the media item less what the database and the URL scheme derive. */
export type NewMedia = Omit<Media, 'id' | 'url' | 'format'>

export async function insertMedia(db: Db, m: NewMedia): Promise<number> {
  const row = await db.insertInto('media').values({
    name: m.name, original_filename: m.originalFilename, mime: m.mime, width: m.width, height: m.height, bytes: m.bytes,
    alt: m.alt, caption: m.caption, credit: m.credit, variants: JSON.stringify(m.variants), created_by: m.createdBy,
    created_at: m.createdAt.toISOString(),
  }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function findMediaById(db: Db, id: number): Promise<Media | undefined> {
  const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toMedia(row)
}

/** Newest first. */
export async function listMedia(db: Db, limit: number, offset = 0): Promise<{ items: Media[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom('media').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(toMedia), total: Number(count.n) }
}

export async function updateMediaText(db: Db, id: number, text: { alt: string; caption: string; credit: string }): Promise<boolean> {
  const result = await db.updateTable('media').set(text).where('id', '=', id).executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

export async function deleteMediaRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('media').where('id', '=', id).execute()
}

/**
 * How many articles show this item: as their featured image, or in their body by URL. The media capability owns the
 * article's image_media_id column (it came with migration 0004), so asking the article table here is its own business.
 */
export async function countMediaUsage(db: Db, media: Pick<Media, 'id' | 'name'>): Promise<number> {
  const stem = media.name.slice(0, media.name.lastIndexOf('.'))
  const row = await db.selectFrom('article')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([
      eb('image_media_id', '=', media.id),
      eb('image_url', 'like', `/media/${stem}%`),
      eb('body_md', 'like', `%/media/${stem}%`),
    ]))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Items by the random part of their names (`0123…ab` of `/media/0123…ab-640.jpg`), as found in article bodies. */
export async function findMediaByStems(db: Db, stems: readonly string[]): Promise<Media[]> {
  const safe = [...new Set(stems)].filter((s) => /^[0-9a-f]{20}$/.test(s)).slice(0, 50)
  if (safe.length === 0) return []
  const rows = await db.selectFrom('media').selectAll()
    .where((eb) => eb.or(safe.map((stem) => eb('name', 'like', `${stem}.%`)))).execute()
  return rows.map(toMedia)
}
