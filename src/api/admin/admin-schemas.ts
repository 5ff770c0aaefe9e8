// JSON Schemas of the Admin API's requests and answers: Fastify validates and serialises with them, and the OpenAPI
// document is generated from them, so an answer can carry no key that is not listed here.
import { articleLimits, correctionLimits } from '../../content/index.js'
import { mediaLimits } from '../../media/index.js'

const text = (maxLength: number, description?: string) => ({ type: 'string', maxLength, ...(description ? { description } : {}) }) as const
const names = (maxLength: number, description: string) => ({ type: 'array', maxItems: articleLimits.listItems, items: { type: 'string', maxLength }, description }) as const

/** The article fields a program sends; on update, those left out keep their values. */
export const articleFields = {
  headline: text(articleLimits.headline),
  slug: text(articleLimits.slug, 'Empty: made from the headline'),
  section: text(articleLimits.section, 'Section name or slug; created if new (as in the newsroom editor)'),
  topics: names(articleLimits.topic, 'Running stories, in order'),
  tags: names(articleLimits.tag, 'Tags'),
  authors: names(articleLimits.author, 'Byline, in order'),
  standfirst: text(articleLimits.standfirst),
  dateline: text(articleLimits.dateline),
  body: text(articleLimits.body, 'Markdown'),
  imageUrl: text(articleLimits.url),
  imageAlt: text(articleLimits.imageText),
  imageCaption: text(articleLimits.imageText),
  imageCredit: text(articleLimits.imageText),
  imageMediaId: { anyOf: [{ type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 }, { type: 'null' }], description: 'A media library item (from POST /media) as featured image' },
  agency: text(articleLimits.agency),
  seoTitle: text(articleLimits.seoTitle),
  seoDescription: text(articleLimits.seoDescription),
  commentsOpen: { type: 'boolean' },
} as const

export const createArticleBody = { type: 'object', additionalProperties: false, required: ['headline'], properties: articleFields } as const
export const updateArticleBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: articleFields } as const
export const scheduleBody = {
  type: 'object', additionalProperties: false, required: ['publishAt'],
  properties: { publishAt: { type: 'string', format: 'date-time', maxLength: 40, description: 'When it goes out (ISO 8601 with a zone)' } },
} as const
export const correctionBody = {
  type: 'object', additionalProperties: false, required: ['kind', 'text'],
  properties: { kind: { type: 'string', enum: ['correction', 'update'] }, text: text(correctionLimits.text) },
} as const
export const articleIdParams = {
  type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 } },
} as const
export const idempotencyHeaders = {
  type: 'object',
  properties: { 'idempotency-key': { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$', description: 'Makes a retried create safe for 24 hours' } },
} as const

const nullableString = { type: ['string', 'null'] } as const

export const articleResource = {
  type: 'object',
  required: ['id', 'status', 'headline', 'slug'],
  properties: {
    id: { type: 'integer' },
    status: { type: 'string', enum: ['draft', 'scheduled', 'published', 'unpublished'] },
    url: { type: 'string', description: 'Public address (answers only once published)' },
    publishedAt: { ...nullableString, description: 'Publication time, or the scheduled time' },
    modifiedAt: { type: 'string' },
    revision: { type: ['integer', 'null'], description: 'The revision this request made; null when nothing changed' },
    ...Object.fromEntries(Object.entries(articleFields).map(([k, v]) => [k, 'anyOf' in v ? { type: ['integer', 'null'] } : { type: v.type, ...('items' in v ? { items: { type: 'string' } } : {}) }])),
  },
} as const

export const mediaResource = {
  type: 'object',
  required: ['id', 'url', 'alt'],
  properties: {
    id: { type: 'integer' },
    url: { type: 'string', description: 'The address to show it at (a responsive version)' },
    original: { type: 'string' },
    markdown: { type: 'string', description: 'Ready to paste into an article body' },
    alt: { type: 'string' }, caption: { type: 'string' }, credit: { type: 'string' },
    width: { type: 'integer' }, height: { type: 'integer' }, mime: { type: 'string' }, bytes: { type: 'integer' }, createdAt: { type: 'string' },
    variants: {
      type: 'array',
      items: { type: 'object', properties: { url: { type: 'string' }, format: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' } } },
    },
  },
} as const

export const mediaUploadNote = `multipart/form-data with one \`file\` (JPEG, PNG, WebP, AVIF or GIF) and \`alt\` (required, at most ${mediaLimits.alt} characters), \`caption\`, \`credit\``

export const errorResource = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object', required: ['code', 'message'],
      properties: {
        code: { type: 'string' }, message: { type: 'string' },
        issues: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
} as const
