// API keys: made by administrators in the newsroom (shown once) and with `dateline api-key`, stored only as hashes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { formPost, signInAs } from '../support/auth.js'
import { listAudit } from '../../src/identity/index.js'
import { testDialects } from '../support/db.js'

describe.each(testDialects())('%s: API keys in the newsroom', (dialect) => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp({ dialect }) })
  afterAll(async () => t?.close())

  it('lets an administrator create a content key, shown once, that then reads the Ghost API', async () => {
    const admin = await signInAs(t, 'administrator')
    const page = await t.app.inject({ method: 'GET', url: '/newsroom/api-keys', headers: { cookie: admin.cookie } })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Create a key')
    const made = await t.app.inject(formPost(admin, '/newsroom/api-keys', { name: 'Static <front> end', type: 'content' }))
    expect(made.statusCode).toBe(200)
    const secret = /id="new-key"[^>]*value="([0-9a-f]{26})"/.exec(made.body)?.[1]
    expect(secret).toBeDefined()
    expect(made.body).toContain('Static &lt;front> end')
    const rows = await t.services.db.selectFrom('api_key').selectAll().execute()
    expect(JSON.stringify(rows)).not.toContain(secret)
    const listed = await t.app.inject({ method: 'GET', url: '/newsroom/api-keys', headers: { cookie: admin.cookie } })
    expect(listed.body).not.toContain(secret)
    expect(listed.body).toContain(`${secret!.slice(0, 6)}…`)
    expect((await t.app.inject({ method: 'GET', url: `/ghost/api/content/settings/?key=${secret}` })).statusCode).toBe(200)
    const { entries } = await listAudit(t.services.db, { action: 'api-key' })
    expect(entries[0]).toMatchObject({ action: 'api-key.created', detail: 'Static <front> end (content)' })
  })

  it('creates an admin key with a role, and revokes it', async () => {
    const admin = await signInAs(t, 'administrator')
    const made = await t.app.inject(formPost(admin, '/newsroom/api-keys', { name: 'Wire importer', type: 'author' }))
    const secret = /id="new-key"[^>]*value="(dla_[0-9a-f]{64})"/.exec(made.body)?.[1]
    expect(secret).toBeDefined()
    const create = () => t.app.inject({ method: 'POST', url: '/api/v1/admin/articles', payload: { headline: 'From the wire' }, headers: { authorization: `Bearer ${secret}` } })
    expect((await create()).statusCode).toBe(201)
    const id = (await t.services.db.selectFrom('api_key').select('id').where('name', '=', 'Wire importer').executeTakeFirstOrThrow()).id
    const revoked = await t.app.inject(formPost(admin, `/newsroom/api-keys/${id}/revoke`, {}))
    expect(revoked.statusCode).toBe(303)
    expect((await create()).statusCode).toBe(401)
  })

  it('refuses bad input, other roles and forged requests', async () => {
    const admin = await signInAs(t, 'administrator')
    const empty = await t.app.inject(formPost(admin, '/newsroom/api-keys', { name: '', type: 'content' }))
    expect(empty.statusCode).toBe(400)
    expect(empty.body).toContain('Give the key a name')
    expect((await t.app.inject(formPost(admin, '/newsroom/api-keys', { name: 'x', type: 'overlord' }))).statusCode).toBe(400)
    const editor = await signInAs(t, 'editor')
    expect((await t.app.inject(formPost(editor, '/newsroom/api-keys', { name: 'Mine', type: 'administrator' }))).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'GET', url: '/newsroom/api-keys', headers: { cookie: editor.cookie } })).statusCode).toBe(403)
    const forged = await t.app.inject({ ...formPost(admin, '/newsroom/api-keys', { name: 'Forged', type: 'content' }), headers: { cookie: admin.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' } })
    expect(forged.statusCode).toBe(403)
  })
})

describe('dateline api-key', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dateline-keys-'))
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`)
  }, 240_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const run = (args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'keys.db')}`, MEDIA_DIR: join(dir, 'media') }
    delete env.REDIS_URL
    const r = spawnSync(process.execPath, ['bin/dateline.js', 'api-key', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 })
    return { code: r.status, stdout: r.stdout.trim(), stderr: r.stderr.trim() }
  }

  it('creates a content key and prints it alone on the last line; lists and revokes keys', () => {
    const content = run(['create', '--name', 'Front end', '--content'])
    expect(content.code).toBe(0)
    expect(content.stdout.split('\n').at(-1)).toMatch(/^[0-9a-f]{26}$/)
    const admin = run(['create', '--name', 'Importer', '--role', 'editor'])
    expect(admin.stdout.split('\n').at(-1)).toMatch(/^dla_[0-9a-f]{64}$/)
    const list = JSON.parse(run(['list', '--json']).stdout) as { id: number; name: string; kind: string; role: string | null; revokedAt: string | null }[]
    expect(list.map((k) => [k.name, k.kind, k.role])).toEqual([['Importer', 'admin', 'editor'], ['Front end', 'content', null]])
    expect(JSON.stringify(list)).not.toContain(content.stdout.split('\n').at(-1))
    expect(run(['revoke', String(list[1]!.id)]).stdout).toContain('Revoked key')
    expect(run(['list']).stdout).toMatch(/revoked .*Front end/)
    expect(run(['create', '--name', 'Both', '--content', '--role', 'editor']).code).toBe(2)
    expect(run(['create', '--name', 'Nope', '--role', 'overlord']).code).toBe(1)
    expect(run(['revoke', '999']).code).toBe(1)
  }, 240_000)
})
