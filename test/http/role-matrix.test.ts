// Walks every newsroom route, including ones added later, as a stranger and as every role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { loadConfig } from '../../src/config/index.js'
import { buildApp, createServices, type Services } from '../../src/app.js'
import { fixedClock } from '../../src/platform/clock.js'
import type { Access } from '../../src/platform/http/index.js'
import { roles, roleMeets, type Role, type StaffUser } from '../../src/identity/index.js'
import { freshDatabase } from '../support/db.js'
import { testNow } from '../support/app.js'
import { createStaff, signInAs } from '../support/auth.js'

interface Route { method: string; url: string; access: Access }

describe('role matrix: every newsroom route answers strangers and every role as its access says', () => {
  const routes: Route[] = []
  let app: FastifyInstance
  let services: Services
  let drop: () => Promise<void>
  const users = new Map<Role, StaffUser>()

  beforeAll(async () => {
    const database = await freshDatabase('sqlite')
    drop = database.drop
    const config = loadConfig({ DATABASE_URL: database.url, SITE_URL: 'https://news.example.test', SECRET: 'matrix-secret-matrix-secret-matrix-0123', PAGE_CACHE: 'off' })
    services = await createServices(config, { clock: fixedClock(testNow) })
    app = await buildApp(services, {
      onRoute: (route: RouteOptions) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method]
        const access = (route.config as { access?: Access } | undefined)?.access ?? 'public'
        for (const method of methods) {
          if (method === 'HEAD' || !route.url.startsWith('/newsroom')) continue
          routes.push({ method, url: route.url, access })
        }
      },
    })
    await app.ready()
    for (const role of roles) users.set(role, await createStaff(services, { role }))
  })
  afterAll(async () => {
    await app?.close()
    await services?.close()
    await drop?.()
  })

  const concrete = (url: string) => url.replace(/:[A-Za-z_]+/g, '1').replace(/\*/g, 'x')
  const request = (route: Route, headers: Record<string, string>) =>
    app.inject({
      method: route.method as 'GET', url: concrete(route.url), headers,
      ...(route.method === 'GET' ? {} : { payload: '{}', headers: { ...headers, 'content-type': 'application/json' } }),
    })
  const code = (body: string) => {
    try {
      return (JSON.parse(body) as { error?: { code?: string } }).error?.code
    } catch {
      return undefined
    }
  }

  it('finds the routes it has to walk', () => {
    const urls = routes.map((r) => `${r.method} ${r.url}`)
    expect(urls).toEqual(expect.arrayContaining(['GET /newsroom', 'GET /newsroom/users', 'POST /newsroom/settings', 'GET /newsroom/audit', 'POST /newsroom/sign-in']))
  })

  it('leaves public only the pages a stranger needs to get in', () => {
    // A new public newsroom route must be added here on purpose: nothing in the newsroom is public by accident.
    const allowed = [
      'GET /newsroom/sign-in', 'POST /newsroom/sign-in', 'GET /newsroom/forgot-password', 'POST /newsroom/forgot-password',
      'GET /newsroom/reset-password/:token', 'POST /newsroom/reset-password/:token',
      'GET /newsroom/invitations/:token', 'POST /newsroom/invitations/:token',
    ]
    const open = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`)
    expect(open.filter((r) => !allowed.includes(r))).toEqual([])
  })

  it('sends strangers to sign in (pages) or answers 401 (JSON) on every non-public route', async () => {
    for (const route of routes.filter((r) => r.access !== 'public' && r.access !== 'setup')) {
      const page = await request(route, { accept: 'text/html', origin: 'https://news.example.test' })
      expect(page.statusCode, `${route.method} ${route.url}`).toBe(303)
      expect(page.headers.location, `${route.method} ${route.url}`).toMatch(/^\/newsroom\/sign-in/)
      const json = await request(route, { accept: 'application/json', origin: 'https://news.example.test' })
      expect(json.statusCode, `${route.method} ${route.url}`).toBe(401)
    }
  })

  it('refuses every role below a route’s access with 403, and lets the others past the gate', async () => {
    for (const route of routes.filter((r) => r.access !== 'public' && r.access !== 'setup')) {
      for (const role of roles) {
        const session = await signInAs({ services, config: services.config }, users.get(role)!)
        const res = await request(route, { ...session.headers, accept: 'application/json' })
        const where = `${route.method} ${route.url} as ${role}`
        if (roleMeets(role, route.access)) {
          expect(res.statusCode, where).not.toBe(401)
          expect(code(res.body), where).not.toBe('CSRF')
          expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeLessThan(500)
        } else {
          expect(res.statusCode, where).toBe(403)
          expect(code(res.body), where).toBe('FORBIDDEN')
        }
      }
    }
  })

  it('closes first-run setup to everyone once an administrator exists', async () => {
    const setup = routes.filter((r) => r.access === 'setup')
    expect(setup.length).toBeGreaterThan(0)
    const admin = await signInAs({ services, config: services.config }, users.get('administrator')!)
    for (const route of setup) {
      expect((await request(route, { accept: 'application/json' })).statusCode).toBe(403)
      expect((await request(route, { ...admin.headers, accept: 'application/json' })).statusCode).toBe(403)
    }
  })
})
