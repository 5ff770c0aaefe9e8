// The Admin API at /api/v1/admin: programs write as a person with the key's role would, through the same use cases, the
// same rights checks and the same audit log (which names the key). Bearer keys only; Idempotency-Key makes creates safe to retry.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import multipart from '@fastify/multipart'
import type { Deps } from '../../platform/deps.js'
import { DomainError } from '../../platform/errors.js'
import { readMultipartUpload } from '../../platform/http/index.js'
import {
  apiKeyActor, claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, type ApiKey,
} from '../../identity/index.js'
import {
  appendCorrection, createDraft, emptyEditorInput, getEditableArticle, listSections, publishArticle, requireRight, saveDraft,
  scheduleArticle, unpublishArticle, unscheduleArticle, type EditorInput,
} from '../../content/index.js'
import { createMediaStore, mediaDisplayUrl, mediaMarkdown, mediaPath, uploadMedia, type Media } from '../../media/index.js'
import { currentApiKey } from './api-key-auth.js'
import {
  articleIdParams, articleResource, correctionBody, createArticleBody, errorResource, idempotencyHeaders, mediaResource, mediaUploadNote,
  scheduleBody, updateArticleBody,
} from './admin-schemas.js'

type ArticleBody = Partial<EditorInput>

const errors = { 400: errorResource, 401: errorResource, 403: errorResource, 404: errorResource, 409: errorResource }

function fingerprintOf(req: FastifyRequest, content: string | Buffer): string {
  return createHash('sha256').update(`${req.method} ${req.routeOptions.url ?? req.url}\n${JSON.stringify(req.params ?? {})}\n`).update(content).digest('hex')
}

/**
 * Runs a create once per Idempotency-Key: a retry of the same request gets the first answer again (with
 * `Idempotent-Replayed: true`), the same key on a different request is refused, and a failed attempt can be retried.
 */
async function idempotent(
  deps: Pick<Deps, 'db' | 'clock'>, req: FastifyRequest, reply: FastifyReply, key: ApiKey, content: string | Buffer,
  run: () => Promise<{ status: number; body: object }>,
) {
  const header = req.headers['idempotency-key']
  if (typeof header !== 'string') {
    const { status, body } = await run()
    return reply.code(status).send(body)
  }
  const claim = await claimIdempotencyKey(deps.db, key.id, header, fingerprintOf(req, content), deps.clock.now())
  if (claim.state === 'mismatch') throw new DomainError('CONFLICT', 'This Idempotency-Key was already used with a different request')
  if (claim.state === 'in-progress') throw new DomainError('CONFLICT', 'A request with this Idempotency-Key is still being processed; retry in a moment')
  if (claim.state === 'answered') {
    return reply.code(claim.answer.status).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(claim.answer.body)
  }
  try {
    const { status, body } = await run()
    // What is remembered is what the response schema lets out, so a replay is byte for byte the first answer.
    const serialised = reply.serializeInput(body as Record<string, unknown>, String(status)) as string
    await completeIdempotencyKey(deps.db, key.id, header, { status, body: serialised })
    return reply.code(status).type('application/json; charset=utf-8').send(serialised)
  } catch (err) {
    await releaseIdempotencyKey(deps.db, key.id, header)
    throw err
  }
}

export async function adminRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const { db, config } = deps
  const store = createMediaStore(config)
  const access = { access: 'api-key' } as const
  const tags = ['admin']
  const security = [{ apiKey: [] }]
  await app.register(multipart, {
    limits: { fileSize: config.mediaMaxBytes, files: 1, fields: 8, fieldSize: 8 * 1024, parts: 10, headerPairs: 200 },
  })
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'no-store')
    return payload
  })

  async function articleOut(id: number, revision?: number | null) {
    const { article, state, snapshot } = await getEditableArticle(db, id)
    return {
      id, status: state.status, url: `${config.siteUrl}${article.path}`, publishedAt: state.publishedAt?.toISOString() ?? null,
      modifiedAt: article.modifiedAt.toISOString(), revision: revision ?? null, ...snapshot,
    }
  }

  const actorOf = (req: FastifyRequest) => apiKeyActor(currentApiKey(req))
  const idOf = (req: FastifyRequest) => (req.params as { id: number }).id

  app.post('/articles', {
    config: access,
    schema: {
      tags, security, summary: 'Create a draft', headers: idempotencyHeaders, body: createArticleBody,
      response: { 201: articleResource, ...errors },
    },
  }, async (req, reply) => {
    const body = req.body as ArticleBody
    return idempotent(deps, req, reply, currentApiKey(req), JSON.stringify(body), async () => {
      const section = body.section ?? (await listSections(db))[0]?.name ?? 'News'
      const saved = await createDraft(deps, actorOf(req), { ...emptyEditorInput(section), ...body })
      return { status: 201, body: await articleOut(saved.id, saved.revision?.number) }
    })
  })

  app.get('/articles/:id', {
    config: access,
    schema: { tags, security, summary: 'Read an article the key may edit', params: articleIdParams, response: { 200: articleResource, ...errors } },
  }, async (req) => {
    const { state } = await getEditableArticle(db, idOf(req))
    requireRight(actorOf(req), 'edit', state)
    return articleOut(idOf(req))
  })

  app.patch('/articles/:id', {
    config: access,
    schema: {
      tags, security, summary: 'Update an article (fields left out keep their values); a published one changes at once',
      params: articleIdParams, body: updateArticleBody, response: { 200: articleResource, ...errors },
    },
  }, async (req) => {
    const { snapshot } = await getEditableArticle(db, idOf(req))
    const saved = await saveDraft(deps, actorOf(req), idOf(req), { ...snapshot, ...(req.body as ArticleBody) })
    return articleOut(saved.id, saved.revision?.number)
  })

  const transition = (path: string, summary: string, act: (req: FastifyRequest) => Promise<void>, body?: object) =>
    app.post(path, {
      config: access,
      schema: { tags, security, summary, params: articleIdParams, ...(body ? { body } : {}), response: { 200: articleResource, ...errors } },
    }, async (req) => {
      await act(req)
      return articleOut(idOf(req))
    })

  transition('/articles/:id/publish', 'Publish now', (req) => publishArticle(deps, actorOf(req), idOf(req)))
  transition('/articles/:id/schedule', 'Schedule for a time', (req) =>
    scheduleArticle(deps, actorOf(req), idOf(req), new Date((req.body as { publishAt: string }).publishAt)), scheduleBody)
  transition('/articles/:id/unschedule', 'Take a scheduled article back to draft', (req) => unscheduleArticle(deps, actorOf(req), idOf(req)))
  transition('/articles/:id/unpublish', 'Withdraw a published article', (req) => unpublishArticle(deps, actorOf(req), idOf(req)))
  transition('/articles/:id/corrections', 'Append a correction or update note to a published article', (req) =>
    appendCorrection(deps, actorOf(req), idOf(req), req.body as { kind: string; text: string }), correctionBody)

  const mediaOut = (m: Media) => ({
    id: m.id, url: mediaDisplayUrl(m), original: m.url, markdown: mediaMarkdown(m), alt: m.alt, caption: m.caption, credit: m.credit,
    width: m.width, height: m.height, mime: m.mime, bytes: m.bytes, createdAt: m.createdAt.toISOString(),
    variants: m.variants.map((v) => ({ url: mediaPath(v.name), format: v.format, width: v.width, height: v.height })),
  })

  app.post('/media', {
    config: access,
    schema: {
      tags, security, summary: 'Upload an image to the media library', description: mediaUploadNote, headers: idempotencyHeaders,
      response: { 201: mediaResource, ...errors, 413: errorResource, 415: errorResource },
    },
  }, async (req, reply) => {
    const key = currentApiKey(req)
    if (!req.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the image as multipart/form-data with a file field and its alt text')
    const text = { alt: '', caption: '', credit: '' }
    let file: { bytes: Buffer; filename: string } | undefined
    try {
      file = await readMultipartUpload(req, text)
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than the ${config.mediaMaxBytes} byte limit`)
      throw new DomainError('VALIDATION', 'The upload arrived incomplete or garbled')
    }
    if (!file || !file.bytes.length) throw new DomainError('VALIDATION', 'Send one image in the file field', [{ field: 'file', message: 'Send one image in the file field' }])
    const upload = file
    const content = Buffer.concat([Buffer.from(JSON.stringify(text)), upload.bytes])
    return idempotent(deps, req, reply, key, content, async () => {
      const media = await uploadMedia({ ...deps, store }, { bytes: upload.bytes, filename: upload.filename, ...text, createdBy: actorOf(req).id })
      return { status: 201, body: mediaOut(media) }
    })
  })
}
