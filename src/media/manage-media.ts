// Use cases of the media library: upload (check, re-encode, store, record), edit the words, delete when unused.
import { randomBytes } from 'node:crypto'
import type { Deps } from '../platform/deps.js'
import { DomainError, notFound, validationError, type FieldIssue } from '../platform/errors.js'
import { mediaLimits, mimeOf, type Media, type MediaVariant } from './media.js'
import type { MediaStore } from './media-store.js'
import { encodeImage, inspectImage } from './process-image.js'
import { countMediaUsage, deleteMediaRow, findMediaById, insertMedia, updateMediaText } from './media.store.js'

export interface MediaText {
  alt: string
  caption?: string | undefined
  credit?: string | undefined
}

export interface UploadInput extends MediaText {
  bytes: Buffer
  /** As the browser sent it; shown to staff, never used to decide anything. */
  filename: string
  createdBy: number | null
}

type MediaDeps = Pick<Deps, 'db' | 'clock' | 'config'> & { store: MediaStore }

/** Problems with the words, all at once; alt text is required because an image without it excludes blind readers. */
export function checkMediaText(text: Partial<MediaText>): FieldIssue[] {
  const issues: FieldIssue[] = []
  const field = (name: keyof MediaText, label: string, max: number, required: boolean) => {
    const v = text[name]
    if (v === undefined && !required) return
    if (typeof v !== 'string') return void issues.push({ field: name, message: `${label} must be text` })
    if (required && !v.trim()) issues.push({ field: name, message: `${label} is required: describe the picture for readers who cannot see it` })
    if (v.length > max) issues.push({ field: name, message: `${label} must be at most ${max} characters` })
    if (v.includes('\u0000')) issues.push({ field: name, message: `${label} contains a null character` })
  }
  field('alt', 'Alt text', mediaLimits.alt, true)
  field('caption', 'Caption', mediaLimits.caption, false)
  field('credit', 'Credit', mediaLimits.credit, false)
  return issues
}

const tidy = (text: MediaText) => ({ alt: text.alt.trim(), caption: (text.caption ?? '').trim(), credit: (text.credit ?? '').trim() })

/** A file name the uploader will recognise, with anything odd replaced; it is only ever displayed, escaped. */
function displayName(filename: string): string {
  const base = filename.replace(/^.*[\\/]/, '').replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return (base || 'upload').slice(0, mediaLimits.filename)
}

/**
 * Stores an uploaded picture: the type comes from its bytes, oversized or huge-dimension files are refused before any
 * decoding, and only files the server re-encoded are kept (under random names), so nothing an uploader sent is served.
 * @example const media = await uploadMedia({ db, clock, config, store }, { bytes, filename: 'tram.jpg', alt: 'A tram at dusk', createdBy: 3 })
 */
export async function uploadMedia(deps: MediaDeps, input: UploadInput): Promise<Media> {
  const issues = checkMediaText(input)
  if (issues.length) throw validationError(issues)
  if (input.bytes.length > deps.config.mediaMaxBytes) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `This file is larger than the ${Math.floor(deps.config.mediaMaxBytes / 1024 / 1024 * 10) / 10} MB limit.`)
  }
  if (input.bytes.length === 0) throw new DomainError('VALIDATION', 'The file is empty.')
  const inspected = await inspectImage(input.bytes)
  const encoded = await encodeImage(input.bytes, inspected)
  const stem = randomBytes(10).toString('hex')
  const files = [encoded.master, ...encoded.variants].map((f) => ({ ...f, name: `${stem}${f.suffix}` }))
  const stored: string[] = []
  try {
    for (const f of files) {
      await deps.store.put(f.name, f.body)
      stored.push(f.name)
    }
    const variants: MediaVariant[] = files.slice(1).map((f) => ({
      name: f.name, format: f.format as MediaVariant['format'], width: f.width, height: f.height, bytes: f.body.length,
    }))
    const master = files[0]!
    const text = tidy(input)
    const id = await insertMedia(deps.db, {
      name: master.name, originalFilename: displayName(input.filename), mime: mimeOf[inspected.format],
      width: master.width, height: master.height, bytes: master.body.length, ...text, variants,
      createdBy: input.createdBy, createdAt: deps.clock.now(),
    })
    return (await findMediaById(deps.db, id))!
  } catch (err) {
    await Promise.all(stored.map((name) => deps.store.delete(name).catch(() => {})))
    throw err
  }
}

export async function getMedia({ db }: Pick<Deps, 'db'>, id: number): Promise<Media> {
  const media = await findMediaById(db, id)
  if (!media) throw notFound('Image')
  return media
}

/** Alt text, caption and credit; the alt text stays required. */
export async function updateMediaDetails({ db }: Pick<Deps, 'db'>, id: number, text: MediaText): Promise<Media> {
  const issues = checkMediaText(text)
  if (issues.length) throw validationError(issues)
  if (!(await updateMediaText(db, id, tidy(text)))) throw notFound('Image')
  return (await findMediaById(db, id))!
}

/** Removes an item and its files, refused while an article still shows it so no published page loses a picture. */
export async function deleteMedia({ db, store }: Pick<Deps, 'db'> & { store: MediaStore }, id: number): Promise<void> {
  const media = await findMediaById(db, id)
  if (!media) throw notFound('Image')
  const uses = await countMediaUsage(db, media)
  if (uses > 0) {
    throw new DomainError('CONFLICT', `This image is used by ${uses} article${uses === 1 ? '' : 's'}; replace it there before deleting it.`)
  }
  await deleteMediaRow(db, id)
  await Promise.all([media.name, ...media.variants.map((v) => v.name)].map((name) => store.delete(name)))
}
