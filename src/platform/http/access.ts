// Every route says who may call it; one without a declaration stops the server at boot.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DomainError } from '../errors.js'

/**
 * 'public' for anyone; 'api-key' for a program with an Admin API key (`Authorization: Bearer`, never a cookie; the
 * use cases check the key's role per action); any other value is a role name the identity capability understands.
 */
export type Access = 'public' | 'signed-in' | 'contributor' | 'author' | 'editor' | 'administrator' | 'setup' | 'api-key'

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
}

export type Authorize = (req: FastifyRequest, access: Exclude<Access, 'public'>) => Promise<void>

export function requireAccessDeclarations(app: FastifyInstance, authorize: Authorize): void {
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access; add config: { access: … }`)
    if (access === 'public') return
    const guard = async (req: FastifyRequest) => authorize(req, access)
    // Before validation, so a stranger learns nothing about a route's input, not even that it was wrong.
    const existing = route.preValidation
    route.preValidation = existing ? [guard, ...(Array.isArray(existing) ? existing : [existing])] : [guard]
  })
}

/** The default until identity is wired: nothing but public routes may be called. */
export const denyAll: Authorize = async () => {
  throw new DomainError('UNAUTHENTICATED')
}
