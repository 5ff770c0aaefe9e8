// Who a read-API client is, for its rate limit, and how many requests a minute it gets.
import type { FastifyRequest } from 'fastify'
import type { ApiKey } from '../identity/index.js'
import type { KeyLookup } from './key-lookup.js'

export interface ClientLimit {
  /** The bucket this request counts against: `ip:…` for anonymous clients, `key:<id>` for a client that sent a live key. */
  key: string
  /** Requests a minute for that bucket. */
  max: number
  /** The live key the request sent, if any. */
  apiKey?: ApiKey | undefined
  /**
   * Why the request is refused with 401: it sent a key that is not live (unknown, revoked, or an admin key in the URL).
   * It still counts against the address's allowance, so guessing keys is limited like any other request.
   */
  refusal?: string | undefined
}

/**
 * Decides a request's rate-limit bucket and allowance: {@link keyedClientLimit} recognises keys, and falls back to
 * {@link anonymousClientLimit} for the rest.
 */
export type ClientLimitFor = (req: FastifyRequest) => ClientLimit | Promise<ClientLimit>

/** Anonymous clients share their address's allowance. */
export const anonymousClientLimit = (perMinute: number): ClientLimitFor => (req) => ({ key: `ip:${req.ip}`, max: perMinute })

/** The key a request sent, and how: `?key=` (a content key, as Ghost's clients send it) or `Authorization: Bearer`. */
function sentKey(req: FastifyRequest): { secret: string; via: 'query' | 'header' } | undefined {
  // Other schemes (Basic from a proxy guarding a staging site) are not for this API to judge.
  const header = req.headers.authorization
  if (typeof header === 'string' && /^Bearer(?:\s|$)/i.test(header)) {
    return { secret: /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] ?? '', via: 'header' }
  }
  const raw = (req.query as Record<string, unknown> | undefined)?.key
  const secret = Array.isArray(raw) ? raw[0] : raw
  return secret === undefined ? undefined : { secret: typeof secret === 'string' ? secret : '', via: 'query' }
}

/**
 * A client that sends a live API key gets its own bucket, `key:<id>`, with `perMinute.keyed` requests a minute,
 * whatever address it calls from; one that sends a key that is not live is refused, never quietly served as anonymous.
 * @example keyedClientLimit(createKeyLookup(deps), { anonymous: 600, keyed: 6000 })
 */
export function keyedClientLimit(keys: KeyLookup, perMinute: { anonymous: number; keyed: number }): ClientLimitFor {
  const anonymous = anonymousClientLimit(perMinute.anonymous)
  return async (req) => {
    const sent = sentKey(req)
    if (!sent) return anonymous(req)
    const apiKey = sent.secret === '' ? undefined : sent.via === 'query' ? await keys.content(sent.secret) : await keys.bearer(sent.secret)
    if (apiKey) return { key: `key:${apiKey.id}`, max: perMinute.keyed, apiKey }
    const refusal = sent.via === 'header'
      ? (sent.secret === '' ? 'Send an API key as Authorization: Bearer <key>' : 'This API key is not known or has been revoked')
      : (/^dla_/.test(sent.secret) ? 'Admin keys go in the Authorization header, never in a URL; ?key= takes a content key'
        : 'This API key is not known or has been revoked')
    return { ...(await anonymous(req)), refusal }
  }
}
