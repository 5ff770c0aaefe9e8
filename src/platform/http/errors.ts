// The one place error codes become HTTP statuses; people get a page, clients get JSON, nobody gets a stack trace.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, errorCodes, type ErrorCode, type FieldIssue } from '../errors.js'
import { databaseFault } from '../db/index.js'
import type { CachedPage } from '../cache/index.js'

export const statusFor: Record<ErrorCode, number> = {
  NOT_FOUND: 404, GONE: 410, VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, CSRF: 403, CONFLICT: 409,
  INVALID_TRANSITION: 409, RATE_LIMITED: 429, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405, UNAVAILABLE: 503, INTERNAL: 500,
}

export interface ErrorView {
  status: number
  code: ErrorCode
  message: string
  issues: readonly FieldIssue[]
}

export type ErrorPageRenderer = (req: FastifyRequest, view: ErrorView) => string

export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return true
  const accept = req.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

/** Fastify's own errors (body too large, bad JSON, schema) carry statuses; give them stable codes too. */
function fromFastify(err: FastifyError): DomainError {
  const status = err.statusCode ?? 500
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) return new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large')
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here')
  if (status === 429) return new DomainError('RATE_LIMITED', 'Too many requests: please wait a moment and try again')
  if (err.validation) {
    const issues = err.validation.map((v) => ({
      field: (v.instancePath?.replace(/^\//, '') || (v.params as { missingProperty?: string })?.missingProperty) ?? 'input',
      message: `${v.instancePath?.replace(/^\//, '') || (v.params as { missingProperty?: string })?.missingProperty || 'input'} ${v.message ?? 'is invalid'}`,
    }))
    return new DomainError('VALIDATION', issues.map((i) => i.message).join('; '), issues)
  }
  if (status >= 400 && status < 500) return new DomainError('VALIDATION', 'The request could not be understood')
  return new DomainError('INTERNAL')
}

/**
 * A database that cannot serve (stopped, restarting, out of disk) is a 503 the reader can retry, decided here once
 * for every route and every dialect rather than caught in each handler.
 */
function fromDatabase(err: unknown): DomainError | undefined {
  const fault = databaseFault(err)
  if (fault === 'full') {
    return new DomainError('UNAVAILABLE', 'Changes cannot be saved just now: the server has run out of storage space. Reading still works; please try again later.', [], { cause: err })
  }
  if (fault === 'unreachable') return new DomainError('UNAVAILABLE', errorCodes.UNAVAILABLE, [], { cause: err })
  return undefined
}

export interface ErrorHandlingOptions {
  /** The last copy of a page to serve, however old, when rendering it fails for want of the database (stale-if-error). */
  staleCopy?: (req: FastifyRequest) => CachedPage | undefined
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: DomainError, render: ErrorPageRenderer) {
  const status = statusFor[error.code]
  const message = error.code === 'INTERNAL' ? errorCodes.INTERNAL : error.message
  reply.code(status).header('cache-control', 'no-store')
  if (error.code === 'UNAVAILABLE') reply.header('retry-after', '5')
  if (wantsJson(req)) {
    return reply.type('application/json; charset=utf-8')
      .send({ error: { code: error.code, message, ...(error.issues.length ? { issues: error.issues } : {}) } })
  }
  return reply.type('text/html; charset=utf-8').send(render(req, { status, code: error.code, message, issues: error.issues }))
}

export function registerErrorHandling(app: FastifyInstance, render: ErrorPageRenderer, opts: ErrorHandlingOptions = {}): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const error = err instanceof DomainError ? err : fromDatabase(err) ?? fromFastify(err)
    const fault = databaseFault(error.cause ?? err)
    if (error.code === 'INTERNAL') req.log.error({ err }, 'unhandled error')
    else if (fault === 'full') req.log.error({ err: error.cause ?? err, url: req.routeOptions?.url }, 'database storage is full: writes are refused until space is freed')
    else if (error.code === 'UNAVAILABLE') req.log.warn({ err: error.cause ?? err, url: req.routeOptions?.url }, 'a backing service failed')
    else req.log.info({ code: error.code, url: req.routeOptions?.url }, 'request refused')
    if (error.code === 'UNAVAILABLE' && (req.method === 'GET' || req.method === 'HEAD')) {
      const page = opts.staleCopy?.(req)
      if (page) {
        return reply.code(page.status).headers(page.headers).header('etag', page.etag).header('x-cache', 'STALE')
          .type(page.contentType).send(req.method === 'HEAD' ? undefined : page.body)
      }
    }
    return sendError(req, reply, error, render)
  })
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new DomainError('NOT_FOUND', 'There is no page at this address'), render))
}
