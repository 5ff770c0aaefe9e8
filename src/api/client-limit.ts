// Who a read-API client is, for its rate limit, and how many requests a minute it gets.
import type { FastifyRequest } from 'fastify'

export interface ClientLimit {
  /** The bucket this request counts against: `ip:…` for anonymous clients; a key's own bucket once keys exist. */
  key: string
  /** Requests a minute for that bucket. */
  max: number
}

/**
 * Decides a request's rate-limit bucket and allowance. The hook for API keys: a resolver that recognises a key
 * (`?key=` or `Authorization`) returns `{ key: 'key:<id>', max: <higher> }` and falls back to this for the rest.
 */
export type ClientLimitFor = (req: FastifyRequest) => ClientLimit | Promise<ClientLimit>

/** Anonymous clients share their address's allowance. */
export const anonymousClientLimit = (perMinute: number): ClientLimitFor => (req) => ({ key: `ip:${req.ip}`, max: perMinute })
