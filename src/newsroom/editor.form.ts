// The editor's form as data: field names and limits, parsing a posted form (or autosave JSON), and site-time-zone datetimes.
import { articleLimits, correctionLimits, type EditorInput } from '../content/index.js'
import { validationError } from '../platform/errors.js'

/** Posted names of the editor's fields; the media picker fills image_* and the hidden image_media_id. */
export const editorFieldLimits = {
  headline: articleLimits.headline, slug: articleLimits.slug, topic: 400, section: articleLimits.section, tags: 800, authors: 800,
  standfirst: articleLimits.standfirst, dateline: articleLimits.dateline, body: articleLimits.body, image_url: articleLimits.url,
  image_alt: articleLimits.imageText, image_caption: articleLimits.imageText, image_credit: articleLimits.imageText,
  image_media_id: 12, agency: articleLimits.agency, seo_title: articleLimits.seoTitle, seo_description: articleLimits.seoDescription,
  comments_open: 5, action: 20, publish_at: 20, _csrf: 200,
} as const

/** Fastify body schema for the editor form and autosave JSON: strings only, each with a length limit. */
export const editorBodySchema = {
  type: 'object',
  properties: Object.fromEntries(Object.entries(editorFieldLimits).map(([k, max]) => [k, { type: 'string', maxLength: max }])),
} as const

export const correctionBodySchema = {
  type: 'object',
  required: ['kind', 'text'],
  properties: { kind: { type: 'string', maxLength: 20 }, text: { type: 'string', maxLength: correctionLimits.text * 2 }, _csrf: { type: 'string', maxLength: 200 } },
} as const

export type EditorForm = Partial<Record<keyof typeof editorFieldLimits, string>>

const list = (value: string | undefined) => (value ?? '').split(',').map((s) => s.trim()).filter(Boolean)

/** The editor's fields from a posted form; `comments_open` is a checkbox, so absent means closed. */
export function parseEditorForm(form: EditorForm): EditorInput {
  const mediaId = (form.image_media_id ?? '').trim()
  if (mediaId && !/^\d{1,9}$/.test(mediaId)) throw validationError([{ field: 'image_media_id', message: 'Choose the image again from the media library' }])
  return {
    headline: form.headline ?? '', slug: form.slug ?? '', topics: list(form.topic), section: form.section ?? '', tags: list(form.tags),
    authors: list(form.authors), standfirst: form.standfirst ?? '', dateline: form.dateline ?? '', body: form.body ?? '',
    imageUrl: form.image_url ?? '', imageAlt: form.image_alt ?? '', imageCaption: form.image_caption ?? '', imageCredit: form.image_credit ?? '',
    imageMediaId: mediaId ? Number(mediaId) : null, agency: form.agency ?? '', seoTitle: form.seo_title ?? '',
    seoDescription: form.seo_description ?? '', commentsOpen: form.comments_open === 'on' || form.comments_open === 'true',
  }
}

/** The form values that show an input again (after an error, a preview, or on first load). */
export function editorFormOf(input: EditorInput): EditorForm {
  return {
    headline: input.headline, slug: input.slug, topic: input.topics.join(', '), section: input.section, tags: input.tags.join(', '),
    authors: input.authors.join(', '), standfirst: input.standfirst, dateline: input.dateline, body: input.body,
    image_url: input.imageUrl, image_alt: input.imageAlt, image_caption: input.imageCaption, image_credit: input.imageCredit,
    image_media_id: input.imageMediaId === null ? '' : String(input.imageMediaId), agency: input.agency, seo_title: input.seoTitle,
    seo_description: input.seoDescription, comments_open: input.commentsOpen ? 'on' : '',
  }
}

/** Offset of a time zone from UTC at an instant, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant))
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - Math.floor(instant / 1000) * 1000
}

/**
 * The instant a `datetime-local` value names in the site's time zone.
 * @example zonedToUtc('2026-11-26T07:30', 'Europe/Lisbon') // 2026-11-26T07:30:00.000Z
 */
export function zonedToUtc(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim())
  if (!m) return undefined
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]))
  if (Number.isNaN(wall)) return undefined
  // Two passes settle the offset either side of a daylight-saving change.
  let guess = wall - zoneOffsetMs(wall, timeZone)
  guess = wall - zoneOffsetMs(guess, timeZone)
  return new Date(guess)
}

/** The `datetime-local` value for an instant in the site's time zone. */
export function utcToZoned(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + zoneOffsetMs(date.getTime(), timeZone))
  return shifted.toISOString().slice(0, 16)
}
