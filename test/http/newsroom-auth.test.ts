// Staff sign-in, sessions, CSRF, throttling, resets, invitations, first run and settings, on both dialects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, testNow, type TestApp } from '../support/app.js'
import { testDialects } from '../support/db.js'
import { createStaff, formPost, setCookie, signInAs, testPassword } from '../support/auth.js'
import { getSettings } from '../../src/content/index.js'
import { ensureSetupCode, listAudit, recordAudit, signIn } from '../../src/identity/index.js'
import { userCommand } from '../../src/cli/user.js'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const origin = 'https://news.example.test'

/** A public form as a stranger's browser gets it: its anonymous CSRF cookie and the token in the page. */
async function openForm(t: TestApp, url: string) {
  const res = await t.app.inject({ url })
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] ?? ''
  const anon = setCookie(res, 'dl_csrf') ?? ''
  return { res, csrf, cookie: `dl_csrf=${anon}` }
}

async function signInForm(t: TestApp, email: string, password: string, ip = '10.0.0.1') {
  const form = await openForm(t, '/newsroom/sign-in')
  return t.app.inject({ ...formPost(form, '/newsroom/sign-in', { email, password }, origin), remoteAddress: ip })
}

describe.each(testDialects())('%s: newsroom identity', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp({ dialect }) })
  afterAll(async () => { await t?.close() })
  const outbox = () => t.services.mail.sent()
  const lastLink = (path: string) => {
    const text = outbox().at(-1)?.text ?? ''
    const match = new RegExp(`https://news\\.example\\.test(/newsroom/${path}/[A-Za-z0-9_-]+)`).exec(text)
    return match?.[1] ?? ''
  }

  it('sends a stranger to first-run setup until an administrator exists, then closes setup', async () => {
    t.clock.set(testNow)
    const home = await t.app.inject({ url: '/newsroom/' })
    expect(home.statusCode).toBe(303)
    expect(home.headers.location).toBe('/newsroom/setup')

    const form = await openForm(t, '/newsroom/setup')
    expect(form.res.statusCode).toBe(200)
    expect(form.res.body).toContain('<label for="email">Email</label>')
    expect(form.res.body).toContain('<label for="setupCode">Setup code</label>')
    // SITE_URL is not a loopback name, so even a request from 127.0.0.1 must bring the code the server logged.
    const without = await t.app.inject(formPost(form, '/newsroom/setup', { name: 'Mallory', email: 'mallory@example.test', password: testPassword }, origin))
    expect(without.statusCode).toBe(403)
    expect(without.body).toContain('Enter the setup code. The server printed it to its log when it started; run dateline setup-code on the server to see it again.')
    expect(await t.services.db.selectFrom('staff_user').select('id').execute()).toEqual([])

    const setupCode = (await ensureSetupCode(t.services.db))!
    expect(setupCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    const short = await t.app.inject(formPost(form, '/newsroom/setup', { setupCode, name: 'Ada Admin', email: 'ada@newsroom.test', password: 'short' }, origin))
    expect(short.statusCode).toBe(400)
    expect(short.body).toContain('Password must be at least 12 characters long')
    expect(short.body).toContain('value="ada@newsroom.test"')

    // Typed as people type it: lower case, without the dashes.
    const typed = setupCode.toLowerCase().replace(/-/g, '')
    const created = await t.app.inject(formPost(form, '/newsroom/setup', { setupCode: typed, name: 'Ada Admin', email: 'Ada@Newsroom.test', password: testPassword }, origin))
    expect(created.statusCode).toBe(303)
    const cookie = (created.headers['set-cookie'] as string[] | string).toString()
    expect(cookie).toMatch(/dl_session=[^;]+; Max-Age=43200; Path=\/; HttpOnly; Secure; SameSite=Lax/)
    const session = `dl_session=${setCookie(created, 'dl_session')}`
    const dashboard = await t.app.inject({ url: '/newsroom/', headers: { cookie: session } })
    expect(dashboard.statusCode).toBe(200)
    expect(dashboard.body).toContain('Signed in as Ada Admin')
    expect(dashboard.headers['cache-control']).toBe('private, no-store')
    expect(dashboard.headers['x-robots-tag']).toContain('noindex')

    expect((await t.app.inject({ url: '/newsroom/setup' })).statusCode).toBe(403)
    const again = await t.app.inject(formPost(form, '/newsroom/setup', { setupCode, name: 'Eve', email: 'eve@newsroom.test', password: testPassword }, origin))
    expect(again.statusCode).toBe(403)
    // The code worked once: it is gone, and nothing prints it any more.
    expect(await ensureSetupCode(t.services.db)).toBeUndefined()
    expect((await t.app.inject({ url: '/newsroom/' })).headers.location).toBe('/newsroom/sign-in?next=%2Fnewsroom%2F')
  })

  it('gives the same answer for a wrong password and an unknown email, and starts a fresh session on success', async () => {
    t.clock.set(testNow)
    const user = await createStaff(t.services, { role: 'author', email: 'writer@newsroom.test' })
    const wrong = await signInForm(t, user.email, 'not the right password', '10.0.1.1')
    const unknown = await signInForm(t, 'nobody@newsroom.test', 'not the right password', '10.0.1.2')
    expect(wrong.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    const problem = (html: string) => /<p class="nr-errors" role="alert">([^<]+)</.exec(html)?.[1]
    expect(problem(wrong.body)).toBe(problem(unknown.body))

    const first = await signInForm(t, 'WRITER@newsroom.test', testPassword, '10.0.1.3')
    expect(first.statusCode).toBe(303)
    expect(first.headers.location).toBe('/newsroom/')
    const token = setCookie(first, 'dl_session')!
    const stored = await t.services.db.selectFrom('staff_session').select('id').where('user_id', '=', user.id).execute()
    expect(stored.map((s) => s.id)).not.toContain(token)

    // Signing in again from the same browser replaces the session rather than adding one.
    const form = await openForm(t, '/newsroom/sign-in')
    const second = await t.app.inject(formPost({ ...form, cookie: `${form.cookie}; dl_session=${token}` }, '/newsroom/sign-in', { email: user.email, password: testPassword }, origin))
    expect(second.statusCode).toBe(303)
    expect(setCookie(second, 'dl_session')).not.toBe(token)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: `dl_session=${token}` } })).statusCode).toBe(303)
  })

  it('takes about as long to refuse an unknown email as a wrong password', async () => {
    t.clock.set(testNow)
    const user = await createStaff(t.services, { role: 'author', email: 'timed@newsroom.test' })
    // The use case itself, without HTTP around it, so the password check is most of what is measured.
    const time = async (email: string, i: number) => {
      const started = performance.now()
      const result = await signIn(t.services, { email, password: `wrong guess ${i}`, ip: `10.0.7.${i}` })
      expect(result.ok).toBe(false)
      return performance.now() - started
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 6; i++) {
      known.push(await time(user.email, i))
      unknown.push(await time(`absent${i}@newsroom.test`, i + 10))
    }
    // Both pay for one argon2id verification (a dummy hash for unknown emails). Skipping it would make the unknown
    // email about a hundred times faster; the bounds are wide because other test files share the cores.
    const ratio = median(unknown) / median(known)
    expect(ratio).toBeGreaterThan(0.2)
    expect(ratio).toBeLessThan(5)
  })

  it('refuses a sixth failed sign-in within the hour, per account and per address, with Retry-After', async () => {
    t.clock.set(testNow)
    const user = await createStaff(t.services, { role: 'editor', email: 'target@newsroom.test' })
    for (let i = 0; i < 5; i++) {
      expect((await signInForm(t, user.email, `guess number ${i} wrong`, `10.0.2.${i}`)).statusCode).toBe(401)
    }
    const blocked = await signInForm(t, user.email, testPassword, '10.0.2.99')
    expect(blocked.statusCode).toBe(429)
    expect(Number(blocked.headers['retry-after'])).toBe(3600)
    expect(blocked.body).toContain('Too many failed sign-ins')

    for (let i = 0; i < 5; i++) await signInForm(t, `stranger${i}@newsroom.test`, 'a wrong password', '10.0.3.1')
    expect((await signInForm(t, 'someone-else@newsroom.test', 'a wrong password', '10.0.3.1')).statusCode).toBe(429)
    expect((await signInForm(t, 'nobody-at-all@newsroom.test', 'a wrong password', '10.0.3.1')).statusCode).toBe(429)

    t.clock.advance(3600_000 + 1000)
    expect((await signInForm(t, user.email, testPassword, '10.0.2.99')).statusCode).toBe(303)
  })

  it('ends a session after 2 idle hours and 12 hours after sign-in', async () => {
    t.clock.set(testNow)
    const idle = await signInAs(t, 'contributor')
    t.clock.advance(2 * 3600_000 - 60_000)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: idle.cookie } })).statusCode).toBe(200)
    t.clock.advance(2 * 3600_000)
    const expired = await t.app.inject({ url: '/newsroom/account', headers: { cookie: idle.cookie } })
    expect(expired.statusCode).toBe(303)
    expect(expired.headers.location).toBe('/newsroom/sign-in?next=%2Fnewsroom%2Faccount')
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: idle.cookie, accept: 'application/json' } })).statusCode).toBe(401)

    t.clock.set(testNow)
    const busy = await signInAs(t, 'contributor')
    for (let hour = 1; hour < 12; hour++) {
      t.clock.set(new Date(Date.parse(testNow) + hour * 3600_000))
      expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: busy.cookie } })).statusCode).toBe(200)
    }
    t.clock.set(new Date(Date.parse(testNow) + 12 * 3600_000))
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: busy.cookie } })).statusCode).toBe(303)
  })

  it('ends every other session when the password changes, and every session on "Sign out everywhere"', async () => {
    t.clock.set(testNow)
    const laptop = await signInAs(t, 'editor')
    const phone = await signInAs(t, laptop.user)
    const wrong = await t.app.inject(formPost(laptop, '/newsroom/account/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' }))
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('Current password is not right')
    const changed = await t.app.inject(formPost(laptop, '/newsroom/account/password', { currentPassword: testPassword, newPassword: 'a brand new passphrase' }))
    expect(changed.statusCode).toBe(303)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: laptop.cookie } })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: phone.cookie } })).statusCode).toBe(303)
    expect((await signInForm(t, laptop.user.email, 'a brand new passphrase', '10.0.4.1')).statusCode).toBe(303)

    const tablet = await signInAs(t, laptop.user)
    const out = await t.app.inject(formPost(laptop, '/newsroom/sign-out-everywhere', {}))
    expect(out.statusCode).toBe(303)
    for (const s of [laptop, tablet]) expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: s.cookie } })).statusCode).toBe(303)
  })

  it('refuses state changes without the token, with a wrong one, or from another site', async () => {
    t.clock.set(testNow)
    const editor = await signInAs(t, 'editor')
    const other = await signInAs(t, 'editor')
    const post = (headers: Record<string, string>, payload?: string) =>
      t.app.inject({ method: 'POST', url: '/newsroom/sign-out', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: payload ?? '' })
    const json = (r: { body: string }) => {
      try {
        return (JSON.parse(r.body) as { error?: { code?: string } }).error?.code
      } catch {
        return undefined
      }
    }
    const accept = { accept: 'application/json' }
    const missing = await post({ cookie: editor.cookie, origin, ...accept })
    expect(missing.statusCode).toBe(403)
    expect(json(missing)).toBe('CSRF')
    expect(json(await post({ cookie: editor.cookie, origin, ...accept }, `_csrf=${other.csrf}`))).toBe('CSRF')
    expect(json(await post({ cookie: editor.cookie, origin: 'https://evil.example', ...accept }, `_csrf=${editor.csrf}`))).toBe('CSRF')
    expect(json(await post({ cookie: editor.cookie, referer: 'https://evil.example/page', ...accept }, `_csrf=${editor.csrf}`))).toBe('CSRF')
    // A stranger's sign-in form needs its token too (login CSRF).
    const anon = await t.app.inject({ method: 'POST', url: '/newsroom/sign-in', headers: { origin, 'content-type': 'application/x-www-form-urlencoded', ...accept }, payload: 'email=a%40b.c&password=x' })
    expect(json(anon)).toBe('CSRF')
    // Multipart (an upload form): the body is read after the check, so the token travels in the header or the action URL.
    const boundary = 'dateline-test-boundary'
    const multipart = (url: string, headers: Record<string, string>) => t.app.inject({
      method: 'POST', url, headers: { cookie: editor.cookie, origin, accept: 'application/json', 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="alt"\r\n\r\nA test\r\n--${boundary}--\r\n`,
    })
    expect(json(await multipart('/newsroom/media', {}))).toBe('CSRF')
    expect(json(await multipart(`/newsroom/media?_csrf=${encodeURIComponent(other.csrf)}`, {}))).toBe('CSRF')
    expect(json(await multipart(`/newsroom/media?_csrf=${encodeURIComponent(editor.csrf)}`, {}))).not.toBe('CSRF')
    expect(json(await multipart('/newsroom/media', { 'x-csrf-token': editor.csrf }))).not.toBe('CSRF')
    // JSON with the header token is accepted.
    const ok = await t.app.inject({ method: 'POST', url: '/newsroom/sign-out', headers: { ...editor.headers, 'content-type': 'application/json' }, payload: '{}' })
    expect(ok.statusCode).toBe(303)
  })

  it('resets a password through a single-use emailed link that expires after an hour', async () => {
    t.clock.set(testNow)
    const user = await createStaff(t.services, { role: 'author', email: 'forgetful@newsroom.test' })
    const kept = await signInAs(t, user)
    const form = await openForm(t, '/newsroom/forgot-password')
    const before = outbox().length
    const unknown = await t.app.inject(formPost(form, '/newsroom/forgot-password', { email: 'nobody@newsroom.test' }, origin))
    expect(outbox().length).toBe(before)
    const known = await t.app.inject(formPost(form, '/newsroom/forgot-password', { email: user.email }, origin))
    expect(known.statusCode).toBe(unknown.statusCode)
    expect(known.body.replace(/forgetful@newsroom\.test/g, 'X')).toBe(unknown.body.replace(/nobody@newsroom\.test/g, 'X'))
    expect(outbox().at(-1)?.to).toBe(user.email)
    const link = lastLink('reset-password')
    expect(link).not.toBe('')
    const token = link.split('/').at(-1)!
    const rows = await t.services.db.selectFrom('password_reset').select('token_hash').execute()
    expect(rows.map((r) => r.token_hash)).not.toContain(token)

    const page = await openForm(t, link)
    expect(page.res.statusCode).toBe(200)
    expect(page.res.body).toContain('New password')
    const done = await t.app.inject(formPost(page, link, { password: 'fresh start passphrase' }, origin))
    expect(done.statusCode).toBe(303)
    expect(done.headers.location).toBe('/newsroom/sign-in?reset=1')
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: kept.cookie } })).statusCode).toBe(303)
    expect((await t.app.inject(formPost(page, link, { password: 'another passphrase!' }, origin))).statusCode).toBe(404)
    expect((await signInForm(t, user.email, 'fresh start passphrase', '10.0.5.1')).statusCode).toBe(303)

    await t.app.inject(formPost(form, '/newsroom/forgot-password', { email: user.email }, origin))
    const late = lastLink('reset-password')
    t.clock.advance(3600_000 + 1)
    expect((await t.app.inject({ url: late })).statusCode).toBe(404)
  })

  it('lets an administrator invite an editor who joins through a single-use link', async () => {
    t.clock.set(testNow)
    const admin = await signInAs(t, 'administrator')
    const bad = await t.app.inject(formPost(admin, '/newsroom/users/invite', { email: 'not-an-email', role: 'editor' }))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Email must be an address')
    const sent = await t.app.inject(formPost(admin, '/newsroom/users/invite', { email: 'new.editor@newsroom.test', role: 'editor' }))
    expect(sent.statusCode).toBe(303)
    const link = lastLink('invitations')
    const page = await openForm(t, link)
    expect(page.res.body).toContain('new.editor@newsroom.test')
    const joined = await t.app.inject(formPost(page, link, { name: 'Nia Editor', password: 'newsroom passphrase' }, origin))
    expect(joined.statusCode).toBe(303)
    const session = `dl_session=${setCookie(joined, 'dl_session')}`
    const home = await t.app.inject({ url: '/newsroom/', headers: { cookie: session } })
    expect(home.body).toContain('Signed in as Nia Editor (Editor)')
    expect(home.body).toContain('>Comments</a>')
    expect(home.body).not.toContain('>Users</a>')
    expect((await t.app.inject(formPost(page, link, { name: 'Twice', password: 'newsroom passphrase' }, origin))).statusCode).toBe(404)

    const users = await t.app.inject({ url: '/newsroom/users', headers: { cookie: admin.cookie } })
    expect(users.body).toContain('Nia Editor')

    await t.app.inject(formPost(admin, '/newsroom/users/invite', { email: 'changed.mind@newsroom.test', role: 'author' }))
    const withdrawn = lastLink('invitations')
    const open = await t.services.db.selectFrom('staff_invitation').select('id').where('email', '=', 'changed.mind@newsroom.test').executeTakeFirstOrThrow()
    expect((await t.app.inject(formPost(admin, `/newsroom/users/invitations/${open.id}/revoke`, {}))).statusCode).toBe(303)
    expect((await t.app.inject({ url: withdrawn })).statusCode).toBe(404)
    const audit = await listAudit(t.services.db, { action: 'user' })
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['user.invited', 'user.created', 'user.invitation-revoked']))
  })

  it('keeps the last administrator, and ends a deactivated account’s sessions', async () => {
    t.clock.set(testNow)
    const admin = await signInAs(t, 'administrator')
    const author = await signInAs(t, 'author')
    const demote = await t.app.inject(formPost(author, `/newsroom/users/${author.user.id}/role`, { role: 'editor' }))
    expect(demote.statusCode).toBe(403)
    expect((await t.app.inject(formPost(admin, `/newsroom/users/${author.user.id}/role`, { role: 'editor' }))).statusCode).toBe(303)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: author.cookie } })).body).toContain('(Editor)')
    expect((await t.app.inject(formPost(admin, `/newsroom/users/${author.user.id}/active`, { active: '0' }))).statusCode).toBe(303)
    expect((await t.app.inject({ url: '/newsroom/', headers: { cookie: author.cookie } })).statusCode).toBe(303)
    expect((await t.app.inject(formPost(admin, `/newsroom/users/${admin.user.id}/active`, { active: '0' }))).statusCode).toBe(409)
    const roles = await listAudit(t.services.db, { action: 'user' })
    expect(roles.entries.some((e) => e.action === 'user.role-changed' && e.detail.includes('Author → Editor'))).toBe(true)
  })

  it('saves settings that the reader site and the comment policy use, and audits the change', async () => {
    t.clock.set(testNow)
    const admin = await signInAs(t, 'administrator')
    const reader = await t.app.inject({ url: '/' })
    expect(reader.body).toContain('The Dateline Courier')
    const page = await t.app.inject({ url: '/newsroom/settings', headers: { cookie: admin.cookie } })
    expect(page.body).toContain('<label for="timeZone">Time zone</label>')
    const fields = {
      name: 'The Halvern Ledger', description: 'News from the valley', logo: '', language: 'en-GB', timeZone: 'Mars/Olympus',
      commentsEnabled: 'on', autoCloseDays: '14', maxLinks: '3', blockList: 'casino\nCheap pills', holdList: 'idiot', threadDepth: '4', ratePerMinute: '5',
      moderatorEmails: 'desk@newsroom.test',
    }
    const bad = await t.app.inject(formPost(admin, '/newsroom/settings', fields))
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Time zone must be an IANA time zone')
    expect(bad.body).toContain('value="The Halvern Ledger"')
    const saved = await t.app.inject(formPost(admin, '/newsroom/settings', { ...fields, timeZone: 'Europe/Lisbon' }))
    expect(saved.statusCode).toBe(303)
    const settings = await getSettings(t.services.db)
    expect(settings).toMatchObject({ name: 'The Halvern Ledger', timeZone: 'Europe/Lisbon', moderatorEmails: ['desk@newsroom.test'] })
    expect(settings.comments).toMatchObject({ enabledByDefault: true, holdAll: false, autoCloseDays: 14, maxLinks: 3, blockList: ['casino', 'cheap pills'], holdList: ['idiot'] })
    const after = await t.app.inject({ url: '/' })
    expect(after.body).toContain('The Halvern Ledger')
    expect((await t.app.inject({ url: '/no-such-page/' })).body).toContain('The Halvern Ledger')
    expect(after.body).toContain('<html lang="en-GB"')
    const audit = await listAudit(t.services.db, { action: 'settings' })
    expect(audit.entries[0]?.detail).toContain('timeZone')
    const log = await t.app.inject({ url: '/newsroom/audit?action=settings', headers: { cookie: admin.cookie } })
    expect(log.body).toContain('settings.changed')
  })

  it('pages the audit log, newest first, and sends a signed-in person back where they were going', async () => {
    t.clock.set(testNow)
    const admin = await signInAs(t, 'administrator')
    for (let i = 0; i < 60; i++) await recordAudit(t.services.db, { at: t.clock.now(), actor: admin.user, action: 'article.published', subject: `article:${i}`, detail: `Story ${i}` })
    const first = await t.app.inject({ url: '/newsroom/audit?action=article', headers: { cookie: admin.cookie } })
    expect(first.body).toContain('Story 59')
    expect(first.body).not.toContain('Story 9<')
    expect(first.body).toMatch(/Page 1 of 2/)
    const second = await t.app.inject({ url: '/newsroom/audit?action=article&page=2', headers: { cookie: admin.cookie } })
    expect(second.body).toContain('Story 0<')
    const viewer = await signInAs(t, 'editor')
    expect((await t.app.inject({ url: '/newsroom/audit', headers: { cookie: viewer.cookie } })).statusCode).toBe(403)

    const user = await createStaff(t.services, { role: 'editor', email: 'returning@newsroom.test' })
    const form = await openForm(t, '/newsroom/sign-in?next=%2Fnewsroom%2Faccount')
    expect(form.res.body).toContain('name="next" value="/newsroom/account"')
    const back = await t.app.inject({ ...formPost(form, '/newsroom/sign-in', { email: user.email, password: testPassword, next: '/newsroom/account' }, origin), remoteAddress: '10.0.8.1' })
    expect(back.headers.location).toBe('/newsroom/account')
    const away = await t.app.inject({ ...formPost(form, '/newsroom/sign-in', { email: user.email, password: testPassword, next: '//evil.example/' }, origin), remoteAddress: '10.0.8.1' })
    expect(away.headers.location).toBe('/newsroom/')
  })

  it('creates staff from the command line with a password file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-pw-'))
    writeFileSync(join(dir, 'pw'), 'command line passphrase\n')
    const code = await userCommand(t.services, ['create', '--email', 'cli@newsroom.test', '--name', 'Cli User', '--role', 'author', '--password-file', join(dir, 'pw')])
    expect(code).toBe(0)
    expect((await signInForm(t, 'cli@newsroom.test', 'command line passphrase', '10.0.6.1')).statusCode).toBe(303)
    expect(await userCommand(t.services, ['create', '--email', 'x@newsroom.test', '--name', 'X', '--role', 'boss', '--password-file', join(dir, 'pw')])).toBe(2)
  })
})

describe.each(testDialects())('%s: the first-run setup code', (dialect) => {
  const apps: TestApp[] = []
  afterAll(async () => { await Promise.all(apps.map((a) => a.close())) })
  const fresh = async (env: Record<string, string> = {}) => {
    const t = await buildTestApp({ dialect, env })
    apps.push(t)
    return t
  }
  const setup = (t: TestApp, form: Awaited<ReturnType<typeof openForm>>, fields: Record<string, string>, extra: { remoteAddress?: string; headers?: Record<string, string> } = {}) => {
    const post = formPost(form, '/newsroom/setup', { name: 'Ada Admin', email: 'ada@newsroom.test', password: testPassword, ...fields }, t.config.siteUrl)
    return t.app.inject({ ...post, headers: { ...post.headers, ...extra.headers }, ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}) })
  }

  it('throttles wrong setup codes like failed sign-ins, per address, with Retry-After', async () => {
    const t = await fresh({ HOST: '0.0.0.0' })
    const code = (await ensureSetupCode(t.services.db))!
    const form = await openForm(t, '/newsroom/setup')
    for (let i = 0; i < 5; i++) {
      const wrong = await setup(t, form, { setupCode: `WRNG-C0DE-000${i}` }, { remoteAddress: '203.0.113.7' })
      expect(wrong.statusCode).toBe(403)
      expect(wrong.body).toContain('That is not the setup code.')
      expect(wrong.body).toContain('value="ada@newsroom.test"')
    }
    // The sixth try from that address is refused before the code is even looked at, the right one included.
    const sixth = await setup(t, form, { setupCode: code }, { remoteAddress: '203.0.113.7' })
    expect(sixth.statusCode).toBe(429)
    expect(sixth.headers['retry-after']).toBe('3600')
    expect(sixth.body).toContain('Too many wrong setup codes from your address. Please wait 60 minutes and try again.')
    const json = await setup(t, form, { setupCode: code }, { remoteAddress: '203.0.113.7', headers: { accept: 'application/json' } })
    expect(json.statusCode).toBe(429)
    expect(json.json()).toEqual({ error: { code: 'RATE_LIMITED', message: 'Too many wrong setup codes from your address. Please wait 60 minutes and try again.' } })
    expect((await listAudit(t.services.db, { action: 'setup.code-refused' })).total).toBe(5)

    // The owner, elsewhere, is not locked out by a scanner's guesses.
    expect((await setup(t, form, { setupCode: code }, { remoteAddress: '198.51.100.4' })).statusCode).toBe(303)
  })

  it('lets a browser on the server itself skip the code only when the server listens and calls itself on loopback', async () => {
    const local = await fresh({ SITE_URL: 'http://localhost:3000' })
    const form = await openForm(local, '/newsroom/setup')
    expect(form.res.body).not.toContain('name="setupCode"')
    // A reverse proxy on the same machine also connects from 127.0.0.1, but says whom it forwards for.
    const proxied = await setup(local, form, {}, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(proxied.statusCode).toBe(403)
    expect(proxied.body).toContain('Enter the setup code.')
    expect((await setup(local, form, {}, { remoteAddress: '192.0.2.10' })).statusCode).toBe(403)
    expect((await setup(local, form, {})).statusCode).toBe(303)

    // Listening on every interface, the code is asked for even from 127.0.0.1.
    const open = await fresh({ HOST: '0.0.0.0', SITE_URL: 'http://localhost:3000' })
    const openForm2 = await openForm(open, '/newsroom/setup')
    expect(openForm2.res.body).toContain('name="setupCode"')
    expect((await setup(open, openForm2, {})).statusCode).toBe(403)
    expect((await setup(open, openForm2, { setupCode: (await ensureSetupCode(open.services.db))! })).statusCode).toBe(303)
  })
})
