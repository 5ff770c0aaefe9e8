// Signing in and out, first-run setup, password reset, accepting an invitation, and one's own account.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { isIP } from 'node:net'
import type { Config } from '../config/index.js'
import { h, type VNode } from 'preact'
import { DomainError, type FieldIssue } from '../platform/errors.js'
import { wantsJson } from '../platform/http/index.js'
import {
  acceptInvitation, changePassword, checkSetupCode, countUserSessions, createFirstAdministrator, findInvitation, hasAdministrator, isResetTokenValid,
  requestPasswordReset, resetPassword, signIn, signOut, startSession,
} from '../identity/index.js'
import { clearSessionCookie, currentStaff, lookUpStaff, sessionCookie, setSessionCookie } from './session.js'
import type { Newsroom } from './newsroom.js'
import {
  AccountPage, ForgotPasswordPage, InvitationPage, ResetPasswordPage, SetupPage, SignInPage,
} from './auth.page.js'

const str = (max: number) => ({ type: 'string', maxLength: max }) as const
const formBody = (properties: Record<string, { type: 'string'; maxLength: number }>) =>
  ({ type: 'object', properties: { _csrf: str(200), ...properties } }) as const
const tokenParams = { type: 'object', properties: { token: str(100) }, required: ['token'] } as const

/** Only newsroom paths on this site: `next` must never send someone elsewhere after signing in. */
export function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string' || next.length > 500) return undefined
  return /^\/newsroom(\/|$)/.test(next) && !next.startsWith('//') && !next.includes('\\') ? next : undefined
}

const issuesOf = (err: unknown): FieldIssue[] | undefined =>
  err instanceof DomainError && err.code === 'VALIDATION' ? [...err.issues] : undefined

type Body = Record<string, string | undefined>

/** 127.0.0.0/8, ::1 (bracketed or not), IPv4-mapped loopback, and the name localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '').replace(/^::ffff:/, '')
  if (h === 'localhost' || h === '::1') return true
  return isIP(h) === 4 && h.startsWith('127.')
}

const forwardingHeaders = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip', 'via'] as const

/**
 * Whether this setup request may go without the code: only a browser on the server's own machine, on a server that
 * listens on loopback only and calls itself by a loopback name. A reverse proxy on the same host makes every request
 * arrive from 127.0.0.1, so any sign of one (forwarding headers, whatever TRUST_PROXY says, or a public SITE_URL,
 * which a proxied site has) means the code is asked for.
 */
export function setupCodeWaived(req: FastifyRequest, config: Pick<Config, 'host' | 'siteUrl'>): boolean {
  if (!isLoopback(config.host) || !isLoopback(new URL(config.siteUrl).hostname)) return false
  if (!isLoopback(req.socket.remoteAddress ?? '')) return false
  return !forwardingHeaders.some((name) => req.headers[name] !== undefined)
}

const setupCodeProblems = {
  missing: 'Enter the setup code. The server printed it to its log when it started; run dateline setup-code on the server to see it again.',
  invalid: 'That is not the setup code. Copy it from the server\'s log, or run dateline setup-code on the server to see it again.',
} as const

export async function authRoutes(app: FastifyInstance, newsroom: Newsroom) {
  const { deps } = newsroom
  const pub = { access: 'public' } as const
  const linkTo = (path: string) => (token: string) => `${deps.config.siteUrl}/newsroom/${path}/${token}`
  const show = async (req: FastifyRequest, reply: FastifyReply, page: (chrome: Awaited<ReturnType<Newsroom['chrome']>>) => VNode, status = 200) =>
    newsroom.send(reply, page(await newsroom.chrome(req, reply)), status)

  app.get('/sign-in', { config: pub, schema: { querystring: { type: 'object', properties: { next: str(500), reset: str(5) } } } }, async (req, reply) => {
    const query = req.query as { next?: string; reset?: string }
    if (await lookUpStaff(deps, req)) return reply.redirect(safeNext(query.next) ?? '/newsroom/', 303)
    if (!(await hasAdministrator(deps.db))) return reply.redirect('/newsroom/setup', 303)
    const notice = query.reset ? 'Your password has been changed. Sign in with the new one.' : undefined
    return show(req, reply, (chrome) => h(SignInPage, { chrome, next: safeNext(query.next), notice }) as VNode)
  })

  app.post('/sign-in', { config: pub, schema: { body: formBody({ email: str(1000), password: str(1024), next: str(500) }) } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    const result = await signIn(deps, {
      email: body.email ?? '', password: body.password ?? '', previousToken: req.cookies[sessionCookie],
      ip: req.ip, userAgent: req.headers['user-agent'],
    })
    if (result.ok) {
      setSessionCookie(deps, reply, result)
      if (wantsJson(req)) return reply.send({ staff: { id: result.staff.id, name: result.staff.name, role: result.staff.role } })
      return reply.redirect(safeNext(body.next) ?? '/newsroom/', 303)
    }
    const email = (body.email ?? '').slice(0, 254)
    if (result.reason === 'throttled') {
      const minutes = Math.ceil(result.retryAfterSeconds / 60)
      const problem = `Too many failed sign-ins. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`
      reply.header('retry-after', String(result.retryAfterSeconds))
      if (wantsJson(req)) throw new DomainError('RATE_LIMITED', problem)
      return show(req, reply, (chrome) => h(SignInPage, { chrome, email, next: safeNext(body.next), problem }) as VNode, 429)
    }
    const problem = 'That email and password do not match an account. Check them and try again.'
    if (wantsJson(req)) throw new DomainError('UNAUTHENTICATED', problem)
    return show(req, reply, (chrome) => h(SignInPage, { chrome, email, next: safeNext(body.next), problem }) as VNode, 401)
  })

  app.post('/sign-out', { config: { access: 'signed-in' }, schema: { body: formBody({}) } }, async (req, reply) => {
    await signOut(deps, currentStaff(req), { ip: req.ip })
    clearSessionCookie(deps, reply)
    return reply.redirect('/newsroom/sign-in', 303)
  })

  app.post('/sign-out-everywhere', { config: { access: 'signed-in' }, schema: { body: formBody({}) } }, async (req, reply) => {
    await signOut(deps, currentStaff(req), { everywhere: true, ip: req.ip })
    clearSessionCookie(deps, reply)
    return reply.redirect('/newsroom/sign-in', 303)
  })

  app.get('/setup', { config: { access: 'setup' } }, async (req, reply) =>
    show(req, reply, (chrome) => h(SetupPage, { chrome, askCode: !setupCodeWaived(req, deps.config) }) as VNode))

  app.post('/setup', { config: { access: 'setup' }, schema: { body: formBody({ name: str(1000), email: str(1000), password: str(1024), setupCode: str(100) }) } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body
    const input = { name: body.name ?? '', email: body.email ?? '', password: body.password ?? '' }
    const askCode = !setupCodeWaived(req, deps.config)
    const setupCode = askCode ? (body.setupCode ?? '').slice(0, 100) : ''
    const again = (status: number, extra: { issues?: FieldIssue[]; problem?: string }) =>
      show(req, reply, (chrome) => h(SetupPage, { chrome, askCode, setupCode, name: input.name.slice(0, 100), email: input.email.slice(0, 254), ...extra }) as VNode, status)
    if (askCode) {
      const checked = await checkSetupCode(deps, { code: setupCode, ip: req.ip })
      if (!checked.ok) {
        if (checked.reason === 'throttled') {
          const minutes = Math.ceil(checked.retryAfterSeconds / 60)
          const problem = `Too many wrong setup codes from your address. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`
          reply.header('retry-after', String(checked.retryAfterSeconds))
          if (wantsJson(req)) throw new DomainError('RATE_LIMITED', problem)
          return again(429, { problem })
        }
        const problem = setupCodeProblems[checked.reason]
        if (wantsJson(req)) throw new DomainError('FORBIDDEN', problem)
        return again(403, { problem })
      }
    }
    try {
      const user = await createFirstAdministrator(deps, input, req.ip)
      setSessionCookie(deps, reply, await startSession(deps, user.id, { ip: req.ip, userAgent: req.headers['user-agent'] }))
      return reply.redirect('/newsroom/', 303)
    } catch (err) {
      const issues = issuesOf(err)
      if (!issues || wantsJson(req)) throw err
      return again(400, { issues })
    }
  })

  app.get('/forgot-password', { config: pub }, async (req, reply) =>
    show(req, reply, (chrome) => h(ForgotPasswordPage, { chrome, sent: false }) as VNode))

  app.post('/forgot-password', { config: pub, schema: { body: formBody({ email: str(1000) }) } }, async (req, reply) => {
    const email = ((req.body as Body | undefined)?.email ?? '').trim().slice(0, 254)
    await requestPasswordReset(deps, { email, ip: req.ip }, linkTo('reset-password'))
    return show(req, reply, (chrome) => h(ForgotPasswordPage, { chrome, sent: true, email }) as VNode)
  })

  app.get('/reset-password/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    const valid = await isResetTokenValid(deps, token)
    return show(req, reply, (chrome) => h(ResetPasswordPage, { chrome, token, valid }) as VNode, valid ? 200 : 404)
  })

  app.post('/reset-password/:token', { config: pub, schema: { params: tokenParams, body: formBody({ password: str(1024) }) } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    try {
      await resetPassword(deps, token, (req.body as Body | undefined)?.password ?? '', req.ip)
    } catch (err) {
      const issues = issuesOf(err)
      if (err instanceof DomainError && err.code === 'NOT_FOUND' && !wantsJson(req)) {
        return show(req, reply, (chrome) => h(ResetPasswordPage, { chrome, token, valid: false }) as VNode, 404)
      }
      if (!issues || wantsJson(req)) throw err
      return show(req, reply, (chrome) => h(ResetPasswordPage, { chrome, token, valid: true, issues }) as VNode, 400)
    }
    clearSessionCookie(deps, reply)
    return reply.redirect('/newsroom/sign-in?reset=1', 303)
  })

  app.get('/invitations/:token', { config: pub, schema: { params: tokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    const invitation = await findInvitation(deps, token)
    return show(req, reply, (chrome) => h(InvitationPage, { chrome, token, invitation }) as VNode, invitation ? 200 : 404)
  })

  app.post('/invitations/:token', { config: pub, schema: { params: tokenParams, body: formBody({ name: str(1000), password: str(1024) }) } }, async (req, reply) => {
    const { token } = req.params as { token: string }
    const body = (req.body ?? {}) as Body
    const input = { name: body.name ?? '', password: body.password ?? '' }
    try {
      const user = await acceptInvitation(deps, token, input, req.ip)
      setSessionCookie(deps, reply, await startSession(deps, user.id, { ip: req.ip, userAgent: req.headers['user-agent'] }))
      return reply.redirect('/newsroom/', 303)
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND' && !wantsJson(req)) {
        return show(req, reply, (chrome) => h(InvitationPage, { chrome, token }) as VNode, 404)
      }
      const issues = issuesOf(err)
      if (!issues || wantsJson(req)) throw err
      const invitation = await findInvitation(deps, token)
      return show(req, reply, (chrome) => h(InvitationPage, { chrome, token, invitation, name: input.name.slice(0, 100), issues }) as VNode, 400)
    }
  })

  app.get('/account', { config: { access: 'signed-in' }, schema: { querystring: { type: 'object', properties: { changed: str(5) } } } }, async (req, reply) => {
    const staff = currentStaff(req)
    const sessions = await countUserSessions(deps.db, staff.id)
    const notice = (req.query as { changed?: string }).changed ? 'Password changed. Every other session has been signed out.' : undefined
    return show(req, reply, (chrome) => h(AccountPage, { chrome, sessions, notice }) as VNode)
  })

  app.post('/account/password', { config: { access: 'signed-in' }, schema: { body: formBody({ currentPassword: str(1024), newPassword: str(1024), username: str(1000) }) } }, async (req, reply) => {
    const staff = currentStaff(req)
    const body = (req.body ?? {}) as Body
    try {
      await changePassword(deps, staff, { current: body.currentPassword ?? '', next: body.newPassword ?? '' }, req.ip)
    } catch (err) {
      const issues = issuesOf(err)
      if (!issues || wantsJson(req)) throw err
      const sessions = await countUserSessions(deps.db, staff.id)
      return show(req, reply, (chrome) => h(AccountPage, { chrome, sessions, issues }) as VNode, 400)
    }
    return reply.redirect('/newsroom/account?changed=1', 303)
  })
}
