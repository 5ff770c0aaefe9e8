// The newsroom surface at /newsroom: sessions, CSRF, never-cached pages, its own error pages, and its route plugins.
import type { FastifyInstance, RouteOptions } from 'fastify'
import type { VNode } from 'preact'
import { h } from 'preact'
import { DomainError } from '../platform/errors.js'
import { registerErrorHandling, wantsJson } from '../platform/http/index.js'
import { hasAdministrator } from '../identity/index.js'
import { getSettings, type SiteSettings } from '../content/index.js'
import { render } from '../ui/index.js'
import { bindCsrf, csrfProtection, csrfToken, sessionCsrfToken } from './csrf.js'
import { findStaff } from './session.js'
import { NewsroomLayout, type Chrome } from './layout.js'
import type { Newsroom, NewsroomOptions } from './newsroom.js'
import { NewsroomErrorPage } from './error.page.js'
import { dashboardRoutes } from './dashboard.routes.js'
import { authRoutes } from './auth.routes.js'
import { usersRoutes } from './users.routes.js'
import { settingsRoutes } from './settings.routes.js'
import { auditRoutes } from './audit.routes.js'
import { mediaRoutes } from './media.routes.js'
import { taxonomyRoutes } from './taxonomy.routes.js'
import { pagesRoutes } from './pages.routes.js'
import { articleRoutes } from './articles.routes.js'
import { commentRoutes } from './comments.routes.js'
import { apiKeyRoutes } from './api-keys.routes.js'
import { webhookRoutes } from './webhooks.routes.js'

const stateChanging = (method: RouteOptions['method']) =>
  (Array.isArray(method) ? method : [method]).some((m) => !['GET', 'HEAD', 'OPTIONS'].includes(String(m).toUpperCase()))

export async function newsroomPlugin(app: FastifyInstance, { deps, assetPath }: NewsroomOptions) {
  const { db, config } = deps
  // The site name shows on every page, error pages too, which render synchronously: keep the last one read.
  let settings: SiteSettings = await getSettings(db, config)
  deps.events.on((event) => {
    if (event.type === 'settings.changed') void getSettings(db, config).then((s) => { settings = s }).catch(() => {})
  })
  const stylesheet = assetPath('newsroom.css')
  const script = assetPath('newsroom.js').endsWith('/newsroom.js') ? undefined : assetPath('newsroom.js')
  const baseChrome = (staff: Chrome['staff'], csrf: string): Chrome => ({
    siteName: settings.name, language: settings.language, timeZone: settings.timeZone, stylesheet, script, staff, csrf,
  })

  const newsroom: Newsroom = {
    deps,
    assetPath,
    async chrome(req, reply) {
      settings = await getSettings(db, config)
      return baseChrome(findStaff(req), csrfToken(req, reply))
    },
    send(reply, page, status = 200) {
      return reply.code(status).type('text/html; charset=utf-8').send(render(page))
    },
    async page(req, reply, { title, current, notice, status, body }) {
      const chrome = await newsroom.chrome(req, reply)
      return newsroom.send(reply, h(NewsroomLayout, { chrome, title, current, notice, children: body }) as VNode, status)
    },
  }

  app.addHook('onRequest', async (req) => bindCsrf(req, deps))
  app.addHook('onRoute', (route) => {
    if (!stateChanging(route.method)) return
    const guard = csrfProtection(deps)
    const existing = route.preValidation
    // After the access check (added by the app-wide onRoute hook), so strangers are sent to sign in first,
    // and before validation, so a forged request is refused before its input is looked at.
    route.preValidation = existing ? [...(Array.isArray(existing) ? existing : [existing]), guard] : [guard]
  })
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex, nofollow')
    return payload
  })

  registerErrorHandling(app, (req, view) =>
    render(h(NewsroomErrorPage, { chrome: baseChrome(findStaff(req), sessionCsrfToken(req)), status: view.status, message: view.message }) as VNode))

  await app.register(async function routes(scope) {
    const pageErrors = scope.errorHandler
    // A stranger asking for a page is sent to sign in (or to first-run setup while the newsroom has no administrator);
    // scripts get the 401 as JSON.
    scope.setErrorHandler(async function (err, req, reply) {
      if (err instanceof DomainError && err.code === 'UNAUTHENTICATED' && !wantsJson(req)) {
        if (!(await hasAdministrator(db))) return reply.redirect('/newsroom/setup', 303)
        const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : ''
        return reply.header('cache-control', 'no-store').redirect(`/newsroom/sign-in${next}`, 303)
      }
      return pageErrors.call(this, err, req, reply)
    })

    // Route plugins of the newsroom, one line each; every route in them declares its access.
    await scope.register(dashboardRoutes, newsroom)
    await scope.register(authRoutes, newsroom)
    await scope.register(usersRoutes, newsroom)
    await scope.register(settingsRoutes, newsroom)
    await scope.register(auditRoutes, newsroom)
    await scope.register(mediaRoutes, newsroom)
    await scope.register(taxonomyRoutes, newsroom)
    await scope.register(pagesRoutes, newsroom)
    await scope.register(articleRoutes, newsroom)
    await scope.register(commentRoutes, newsroom)
    await scope.register(apiKeyRoutes, newsroom)
    await scope.register(webhookRoutes, newsroom)
  })
}
