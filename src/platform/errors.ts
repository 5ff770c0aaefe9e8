// One catalog of error codes: domain code throws them, platform/http maps them to statuses in one place.

export const errorCodes = {
  NOT_FOUND: 'Not found',
  GONE: 'No longer available',
  VALIDATION: 'Invalid input',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  CSRF: 'Form expired or forged',
  CONFLICT: 'Conflict',
  INVALID_TRANSITION: 'Not possible in this state',
  RATE_LIMITED: 'Too many requests',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  UNAVAILABLE: 'Temporarily unavailable: please try again in a moment',
  INTERNAL: 'Something went wrong',
} as const

export type ErrorCode = keyof typeof errorCodes

/** A field-level problem, shown next to the field it concerns. */
export interface FieldIssue {
  field: string
  message: string
}

/**
 * An expected failure with a stable code and a message safe to show the public.
 * @example throw new DomainError('INVALID_TRANSITION', 'cannot publish a retracted article')
 */
export class DomainError extends Error {
  override name = 'DomainError'
  constructor(
    readonly code: ErrorCode,
    message: string = errorCodes[code],
    readonly issues: readonly FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

export const notFound = (what = 'Page') => new DomainError('NOT_FOUND', `${what} not found`)

export function validationError(issues: FieldIssue[]): DomainError {
  return new DomainError('VALIDATION', issues.map((i) => i.message).join('; '), issues)
}
