// The read APIs' memory of live keys: no query per request, and a revocation made elsewhere is seen within its bound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { createApiKey, revokeApiKey } from '../../src/identity/index.js'
import { createKeyLookup } from '../../src/api/index.js'
import { createEvents } from '../../src/platform/events.js'

describe('API key lookup', () => {
  let t: TestApp
  beforeAll(async () => { t = await buildTestApp() })
  afterAll(() => t.close())

  it('answers a live key from memory, and sees a revocation by another process once the bound has passed', async () => {
    let now = 0
    const keys = createKeyLookup({ db: t.services.db, events: createEvents() }, { ttlMs: 1000, now: () => now })
    const { key, secret } = await createApiKey(t.services, null, { name: 'Memo', kind: 'content' })
    expect((await keys.content(secret))?.id).toBe(key.id)
    // Revoked in the database behind this process's back (as `dateline api-key revoke` does): no event arrives here.
    await t.services.db.updateTable('api_key').set({ revoked_at: '2026-11-25T12:00:00.000Z' }).where('id', '=', key.id).execute()
    now = 999
    expect((await keys.content(secret))?.id).toBe(key.id)
    now = 1000
    expect(await keys.content(secret)).toBeUndefined()
  })

  it('forgets a key at once when this process revokes it', async () => {
    const keys = createKeyLookup(t.services, { ttlMs: 60_000 })
    const { key, secret } = await createApiKey(t.services, null, { name: 'Gone', kind: 'admin', role: 'author' })
    expect((await keys.bearer(secret))?.id).toBe(key.id)
    expect(await keys.content(secret)).toBeUndefined()
    await revokeApiKey(t.services, null, key.id)
    expect(await keys.bearer(secret)).toBeUndefined()
  })
})
