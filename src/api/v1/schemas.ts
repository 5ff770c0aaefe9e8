// The read API's JSON Schemas: one source for validating requests, serializing responses (nothing outside them can
// leave) and the OpenAPI document. Shared shapes carry an $id and become components.schemas.

const text = { type: 'string' } as const
const dateTime = { type: 'string', format: 'date-time' } as const
// No `format` on what is only written out: the serializer would run a validator over every value to pick an anyOf branch.
const url = { type: 'string', description: 'Absolute URL.' } as const
const nullable = <T extends object>(schema: T) => ({ ...schema, type: [(schema as { type: string }).type, 'null'] })

// Nullable objects are written inline with `type: ['object', 'null']` rather than anyOf [$ref, null], for the same reason.
const topicProperties = { slug: text, name: text, description: text, url } as const
const imageProperties = {
  url, alt: text, caption: text, credit: text, width: nullable({ type: 'integer' }), height: nullable({ type: 'integer' }),
  variants: {
    type: 'array', description: 'Responsive versions for srcset.',
    items: { type: 'object', properties: { url, format: { type: 'string', enum: ['avif', 'webp', 'jpeg'] }, width: { type: 'integer' }, height: { type: 'integer' } } },
  },
} as const
const nullableTopic = { type: ['object', 'null'], description: 'The running story shown before the headline, if any (a Topic).', properties: topicProperties } as const
const nullableImage = { type: ['object', 'null'], description: 'The featured image, if any (an Image).', properties: imageProperties } as const

export const refSchemas = [
  {
    $id: 'Error',
    type: 'object',
    description: 'Every error: a stable code and a message for people.',
    required: ['error'],
    properties: {
      error: {
        type: 'object', required: ['code', 'message'],
        properties: {
          code: { type: 'string', examples: ['NOT_FOUND', 'VALIDATION', 'RATE_LIMITED'] }, message: text,
          issues: { type: 'array', items: { type: 'object', properties: { field: text, message: text } } },
        },
      },
    },
  },
  {
    $id: 'Section', type: 'object', required: ['slug', 'name', 'url'],
    properties: { slug: text, name: text, description: text, url },
  },
  {
    $id: 'Topic', type: 'object', description: 'A running story.', required: ['slug', 'name', 'url'],
    properties: topicProperties,
  },
  { $id: 'Tag', type: 'object', required: ['slug', 'name', 'url'], properties: { slug: text, name: text, url } },
  {
    $id: 'Page', type: 'object', description: 'A page that is not news (About, Contact, Ethics policy): no dates, byline or comments.',
    required: ['slug', 'url', 'title', 'html', 'description', 'updated_at'],
    properties: { slug: text, url, title: text, html: text, description: text, updated_at: { type: 'string', format: 'date-time' } },
  },
  {
    $id: 'Author', type: 'object', description: 'A byline; staff accounts behind it are never shown.', required: ['slug', 'name', 'url'],
    properties: { slug: text, name: text, bio: text, url },
  },
  {
    $id: 'Image', type: 'object', required: ['url', 'alt'],
    properties: imageProperties,
  },
  {
    $id: 'ArticleSummary', type: 'object', description: 'An article as lists show it: no body.',
    required: ['id', 'slug', 'url', 'headline', 'standfirst', 'section', 'topic', 'authors', 'image', 'published_at', 'updated_at', 'comment_count'],
    properties: {
      id: { type: 'integer' }, slug: text, url, headline: text, standfirst: text,
      section: { $ref: 'Section#' },
      topic: nullableTopic,
      authors: { type: 'array', items: { $ref: 'Author#' } },
      image: nullableImage,
      published_at: dateTime,
      updated_at: { ...nullable(dateTime), description: 'The last update readers were told about, if any.' },
      comment_count: { type: 'integer', description: 'Approved reader comments.' },
    },
  },
  {
    $id: 'Article', type: 'object', description: 'A whole published article.',
    required: ['id', 'slug', 'url', 'headline', 'standfirst', 'section', 'topic', 'topics', 'tags', 'authors', 'image', 'published_at',
      'updated_at', 'modified_at', 'comment_count', 'body_html', 'dateline', 'agency', 'corrections', 'seo_title', 'seo_description', 'comments_open'],
    properties: {
      id: { type: 'integer' }, slug: text, url, headline: text, standfirst: text,
      section: { $ref: 'Section#' },
      topic: nullableTopic,
      topics: { type: 'array', items: { $ref: 'Topic#' } },
      tags: { type: 'array', items: { $ref: 'Tag#' } },
      authors: { type: 'array', items: { $ref: 'Author#' } },
      image: nullableImage,
      published_at: dateTime,
      updated_at: nullable(dateTime),
      modified_at: { ...dateTime, description: 'The last change of any kind; what `updated_since` compares with.' },
      comment_count: { type: 'integer' },
      body_html: { type: 'string', description: 'Sanitised HTML.' },
      dateline: text, agency: text,
      corrections: {
        type: 'array',
        items: { type: 'object', required: ['kind', 'text', 'created_at'], properties: { kind: { type: 'string', enum: ['correction', 'update'] }, text, created_at: dateTime } },
      },
      seo_title: text, seo_description: text, comments_open: { type: 'boolean' },
    },
  },
  {
    $id: 'Comment', type: 'object', description: 'An approved reader comment. Commenters\' addresses are never part of it.',
    required: ['id', 'parent_id', 'depth', 'author_name', 'author_website', 'body_html', 'staff', 'created_at'],
    properties: {
      id: { type: 'integer' }, parent_id: nullable({ type: 'integer' }), depth: { type: 'integer' }, author_name: text,
      author_website: { type: 'string', description: 'http(s) address or empty.' }, body_html: text,
      staff: { type: 'boolean', description: 'Written by a member of the newsroom.' }, created_at: dateTime,
    },
  },
  {
    $id: 'SearchResult', type: 'object', required: ['article', 'snippet'],
    properties: { article: { $ref: 'ArticleSummary#' }, snippet: { type: 'string', description: 'Plain text around the matched words.' } },
  },
] as const

const cursor = {
  type: 'string', maxLength: 200,
  description: 'Opaque: the `next_cursor` of the previous page. Pages stay put while new articles are published.',
} as const
const limit = { type: 'integer', minimum: 1, maximum: 100, default: 20, description: 'Items per page (at most 100).' } as const
const slugFilter = (what: string) => ({ type: 'string', maxLength: 200, description: `Only articles filed under this ${what} (its slug).` }) as const

export const articleListQuery = {
  type: 'object',
  properties: {
    section: slugFilter('section'), topic: slugFilter('topic'), tag: slugFilter('tag'), author: slugFilter('author'),
    updated_since: { type: 'string', format: 'date-time', maxLength: 40, description: 'Only articles changed at or after this time (ISO 8601).' },
    q: { type: 'string', maxLength: 400, description: 'Only articles matching these words (as the site search reads them).' },
    cursor, limit,
  },
} as const

export const searchQuery = {
  type: 'object', required: ['q'],
  properties: {
    q: { type: 'string', maxLength: 400, description: 'Words, "quoted phrases", OR, -excluded, prefix*.' },
    cursor, limit,
  },
} as const

export const pageSlugParams = {
  type: 'object', required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200, description: 'The page\'s slug.' } },
} as const
export const pageQuery = { type: 'object', properties: { cursor, limit } } as const

export const articleRefParams = {
  type: 'object', required: ['ref'],
  properties: { ref: { type: 'string', minLength: 1, maxLength: 200, description: 'The article\'s id or its slug.' } },
} as const

const errors = {
  400: { description: 'Bad input', $ref: 'Error#' },
  404: { description: 'Not found', $ref: 'Error#' },
  429: { description: 'Too many requests', $ref: 'Error#' },
} as const

export const pageOf = (item: string, description: string) => ({
  200: {
    description, type: 'object', required: ['data', 'next_cursor'],
    properties: {
      data: { type: 'array', items: { $ref: `${item}#` } },
      next_cursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last.' },
    },
  },
  ...errors,
})

export const listOf = (item: string, description: string) => ({
  200: { description, type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: `${item}#` } } } },
  ...errors,
})

export const oneOf = (item: string, description: string) => ({
  200: { description, type: 'object', required: ['data'], properties: { data: { $ref: `${item}#` } } },
  ...errors,
})
