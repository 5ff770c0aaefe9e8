// Newsroom media library: upload (multipart), list, one item's page, edit its words, delete (editors).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { pageNumber, paging, readMultipartUpload, statusFor, wantsJson } from '../platform/http/index.js'
import { recordAudit, roleAtLeast } from '../identity/index.js'
import {
  createMediaStore, deleteMedia, getMedia, listMedia, mediaDisplayUrl, mediaLimits, mediaMarkdown, mediaPath, updateMediaDetails, uploadMedia,
  type Media,
} from '../media/index.js'
import {
  articleLimits, createDraft, emptyEditorInput, getEditableArticle, getSettings, listEditorialArticles, listSections, saveDraft, useDefaultCardImage,
} from '../content/index.js'
import type { Newsroom } from './newsroom.js'
import { currentStaff } from './session.js'
import { MediaItemPage, MediaLibraryPage, type MediaItemView, type MediaText } from './media.page.js'

const idParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9]{1,9}$' } } } as const
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 }, page: { type: 'string', maxLength: 6 } } } as const
const textBody = {
  type: 'object',
  properties: {
    alt: { type: 'string', maxLength: mediaLimits.alt * 2 }, caption: { type: 'string', maxLength: mediaLimits.caption * 2 },
    credit: { type: 'string', maxLength: mediaLimits.credit * 2 }, _csrf: { type: 'string', maxLength: 200 },
  },
} as const
const textLimits = { alt: mediaLimits.alt, caption: mediaLimits.caption, credit: mediaLimits.credit }
const draftBody = { type: 'object', properties: { headline: { type: 'string', maxLength: articleLimits.headline * 2 }, _csrf: { type: 'string', maxLength: 200 } } } as const
const featureBody = { type: 'object', properties: { article: { type: 'string', pattern: '^[0-9]{0,9}$' }, _csrf: { type: 'string', maxLength: 200 } } } as const
/** Articles offered in "Set as featured image of": the most recently changed ones. */
const recentArticles = 30
const perPage = 24

const notices: Record<string, string> = {
  uploaded: 'Uploaded: the responsive versions are ready.', saved: 'Details saved.', deleted: 'Image deleted.',
}

function itemView(m: Media): MediaItemView {
  return {
    id: m.id, url: m.url, displayUrl: mediaDisplayUrl(m), markdown: mediaMarkdown(m), originalFilename: m.originalFilename, mime: m.mime,
    width: m.width, height: m.height, bytes: m.bytes, alt: m.alt, caption: m.caption, credit: m.credit, createdAt: m.createdAt,
    variants: m.variants,
    image: {
      url: mediaDisplayUrl(m), alt: m.alt, caption: m.caption, credit: m.credit, width: m.width, height: m.height, mediaId: m.id,
      variants: m.variants.map((v) => ({ url: mediaPath(v.name), format: v.format, width: v.width, height: v.height })),
    },
  }
}

/** The JSON shape scripts (the editor's image picker) read: what a featured image or a body image needs. */
function mediaResource(m: Media) {
  return {
    id: m.id, url: mediaDisplayUrl(m), original: m.url, markdown: mediaMarkdown(m), alt: m.alt, caption: m.caption, credit: m.credit,
    width: m.width, height: m.height, mime: m.mime, bytes: m.bytes, createdAt: m.createdAt.toISOString(),
    variants: m.variants.map((v) => ({ url: mediaPath(v.name), format: v.format, width: v.width, height: v.height, bytes: v.bytes })),
  }
}

/** A refusal shown next to the field it concerns; problems with the file itself belong to the file field. */
function issuesOf(err: DomainError): FieldIssue[] {
  return err.issues.length ? [...err.issues] : [{ field: 'file', message: err.message }]
}

export async function mediaRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const { db, config } = deps
  const store = createMediaStore(config)
  const script = newsroom.assetPath('newsroom-media.js')
  const style = newsroom.assetPath('newsroom-media.css')
  // Only this plugin's routes accept multipart; the one file is capped at the configured size while it streams in.
  await app.register(multipart, {
    limits: { fileSize: config.mediaMaxBytes, files: 1, fields: 8, fieldSize: 8 * 1024, parts: 10, headerPairs: 200 },
  })

  async function showLibrary(req: FastifyRequest, reply: FastifyReply, extra: { notice?: string | undefined; upload?: { text: MediaText; issues: readonly FieldIssue[] }; status?: number } = {}) {
    const page = pageNumber((req.query as { page?: string }).page)
    const { items, total } = await listMedia(db, perPage, (page - 1) * perPage)
    const { pages } = paging(page, perPage, total)
    return newsroom.send(reply, h(MediaLibraryPage, {
      chrome: await newsroom.chrome(req, reply), items: items.map(itemView), page, pages, total, maxBytes: config.mediaMaxBytes,
      limits: textLimits, notice: extra.notice, upload: extra.upload, style,
    }) as VNode, extra.status)
  }

  async function showItem(req: FastifyRequest, reply: FastifyReply, media: Media, extra: {
    notice?: string | undefined; edit?: { text: MediaText; issues: readonly FieldIssue[] }; deleteError?: string; useError?: string; status?: number
  } = {}) {
    const chrome = await newsroom.chrome(req, reply)
    const { items } = await listEditorialArticles(db, deps.dialect, {}, { limit: recentArticles, offset: 0 })
    return newsroom.send(reply, h(MediaItemPage, {
      chrome, item: itemView(media), articles: items.map((a) => ({ id: a.id, headline: a.headline, status: a.status })), useError: extra.useError, canDelete: roleAtLeast(currentStaff(req).role, 'editor'), limits: textLimits,
      script: script.endsWith('/newsroom-media.js') ? undefined : script, notice: extra.notice, edit: extra.edit, deleteError: extra.deleteError, style,
    }) as VNode, extra.status)
  }

  app.get('/media', { config: { access: 'contributor' }, schema: { querystring: doneQuery } }, async (req, reply) => {
    if (wantsJson(req)) {
      const page = pageNumber((req.query as { page?: string }).page)
      const { items, total } = await listMedia(db, perPage, (page - 1) * perPage)
      return reply.send({ items: items.map(mediaResource), total, page, perPage })
    }
    return showLibrary(req, reply, { notice: notices[(req.query as { done?: string }).done ?? ''] })
  })

  /** The form's fields and its one file; anything wrong with the body itself (cut off, too big, too many parts) is the sender's. */
  async function readUpload(req: FastifyRequest, text: MediaText): Promise<{ bytes: Buffer; filename: string }> {
    if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as a multipart/form-data upload')
    let file: { bytes: Buffer; filename: string } | undefined
    try {
      file = await readMultipartUpload(req, text)
    } catch (err) {
      const limit = err as { statusCode?: number; code?: string }
      if (limit.code === 'FST_REQ_FILE_TOO_LARGE') {
        throw new DomainError('PAYLOAD_TOO_LARGE', `This file is larger than the ${Math.round(config.mediaMaxBytes / 1024 / 1024 * 10) / 10} MB limit.`)
      }
      if (limit.statusCode === 413) throw new DomainError('PAYLOAD_TOO_LARGE', 'Send one image file with its alt text, caption and credit.')
      throw new DomainError('VALIDATION', 'The upload arrived incomplete or garbled; please try again.')
    }
    if (!file || file.bytes.length === 0) throw new DomainError('VALIDATION', 'Choose an image file to upload', [{ field: 'file', message: 'Choose an image file to upload' }])
    return file
  }

  const uploadQuery = { type: 'object', properties: { _csrf: { type: 'string', maxLength: 200 }, use: { type: 'string', enum: ['default-card'] } } } as const

  app.post('/media', { config: { access: 'contributor' }, schema: { querystring: uploadQuery } }, async (req, reply) => {
    const staff = currentStaff(req)
    // The Settings page uploads its default card image here, so it goes through the same checks and re-encoding.
    const asDefaultCard = (req.query as { use?: string }).use === 'default-card'
    if (asDefaultCard && !roleAtLeast(staff.role, 'administrator')) throw new DomainError('FORBIDDEN', 'Only administrators change the default card image')
    const text: MediaText = { alt: '', caption: '', credit: '' }
    try {
      const file = await readUpload(req, text)
      const media = await uploadMedia({ ...deps, store }, { bytes: file.bytes, filename: file.filename, ...text, createdBy: staff.id })
      if (asDefaultCard) {
        await useDefaultCardImage(deps, staff, media.id, req.ip)
        return wantsJson(req) ? reply.code(201).send(mediaResource(media)) : reply.redirect('/newsroom/settings?saved=card', 303)
      }
      if (wantsJson(req)) return reply.code(201).send(mediaResource(media))
      return reply.redirect(`/newsroom/media/${media.id}?done=uploaded`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || wantsJson(req)) throw err
      return showLibrary(req, reply, { upload: { text, issues: issuesOf(err) }, status: statusFor[err.code] })
    }
  })

  app.get('/media/:id', { config: { access: 'contributor' }, schema: { params: idParams, querystring: doneQuery } }, async (req, reply) => {
    const media = await getMedia(deps, Number((req.params as { id: string }).id))
    if (wantsJson(req)) return reply.send(mediaResource(media))
    return showItem(req, reply, media, { notice: notices[(req.query as { done?: string }).done ?? ''] })
  })

  app.post('/media/:id', { config: { access: 'contributor' }, schema: { params: idParams, body: textBody } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const body = req.body as Partial<MediaText>
    const text = { alt: body.alt ?? '', caption: body.caption ?? '', credit: body.credit ?? '' }
    try {
      await updateMediaDetails(deps, id, text)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return showItem(req, reply, await getMedia(deps, id), { edit: { text, issues: err.issues }, status: 400 })
    }
    return reply.redirect(`/newsroom/media/${id}?done=saved`, 303)
  })

  /** The library's featured-image fields for the editor's form, so the article keeps the item's responsive versions. */
  const imageFields = (m: Media) => ({
    imageMediaId: m.id, imageUrl: mediaDisplayUrl(m), imageAlt: m.alt, imageCaption: m.caption, imageCredit: m.credit,
  })

  // A new draft that starts with this picture as its featured image; the editor opens on it.
  app.post('/media/:id/draft', { config: { access: 'contributor' }, schema: { params: idParams, body: draftBody } }, async (req, reply) => {
    const media = await getMedia(deps, Number((req.params as { id: string }).id))
    const headline = ((req.body as { headline?: string }).headline ?? '').trim()
    if (!headline) return showItem(req, reply, media, { useError: 'Give the new article a headline first.', status: 400 })
    const section = (await listSections(db))[0]?.name ?? 'News'
    try {
      const { id } = await createDraft(deps, currentStaff(req), { ...emptyEditorInput(section), headline, ...imageFields(media) })
      return reply.redirect(`/newsroom/articles/${id}?done=saved`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'VALIDATION' || wantsJson(req)) throw err
      return showItem(req, reply, media, { useError: err.message, status: 400 })
    }
  })

  // Makes this picture an existing article's featured image, saved like any edit (a revision; live at once if published).
  app.post('/media/:id/feature', { config: { access: 'contributor' }, schema: { params: idParams, body: featureBody } }, async (req, reply) => {
    const media = await getMedia(deps, Number((req.params as { id: string }).id))
    const articleId = Number((req.body as { article?: string }).article || 0)
    if (!articleId) return showItem(req, reply, media, { useError: 'Choose the article first.', status: 400 })
    const { snapshot } = await getEditableArticle(db, articleId)
    await saveDraft(deps, currentStaff(req), articleId, { ...snapshot, ...imageFields(media) })
    return reply.redirect(`/newsroom/articles/${articleId}?done=saved`, 303)
  })

  app.post('/media/:id/delete', { config: { access: 'editor' }, schema: { params: idParams } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id)
    const media = await getMedia(deps, id)
    try {
      if ((await getSettings(db, config)).defaultImageId === id) {
        throw new DomainError('CONFLICT', 'This image is the site\'s default card image; choose another in Settings before deleting it.')
      }
      await deleteMedia({ db, store }, id)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'CONFLICT' || wantsJson(req)) throw err
      return showItem(req, reply, media, { deleteError: err.message, status: 409 })
    }
    await recordAudit(db, { at: deps.clock.now(), actor: currentStaff(req), action: 'media.deleted', subject: `media:${id}`, detail: media.alt })
    return reply.redirect('/newsroom/media?done=deleted', 303)
  })
}
