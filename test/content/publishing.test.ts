// The editorial use cases on both dialects: drafts and revisions, the role rules, scheduling through the job queue, corrections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../src/app.js'
import { loadConfig } from '../../src/config/index.js'
import { fixedClock } from '../../src/platform/clock.js'
import type { DomainEvent } from '../../src/platform/events.js'
import { createJobRunner, findJobByKey, type JobRunner } from '../../src/platform/jobs/index.js'
import {
  appendCorrection, autosaveDraft, compareRevisions, createDraft, deleteArticle, emptyEditorInput, findArticleById, listRevisions,
  publishArticle, publishJobKey, registerContentJobs, restoreRevision, saveDraft, scheduleArticle, unpublishArticle, unscheduleArticle,
  type Actor, type EditorInput,
} from '../../src/content/index.js'
import { listAudit } from '../../src/identity/index.js'
import { freshDatabase, testDialects } from '../support/db.js'

const start = '2026-11-25T12:00:00.000Z'

describe.each(testDialects())('%s: editorial use cases', (dialect) => {
  let services: Services
  let drop: () => Promise<void>
  let runner: JobRunner
  const clock = fixedClock(start)
  const events: DomainEvent[] = []
  const staff: Record<'contributor' | 'author' | 'otherAuthor' | 'editor', Actor> = {} as never

  beforeAll(async () => {
    const database = await freshDatabase(dialect)
    drop = database.drop
    services = await createServices(loadConfig({ DATABASE_URL: database.url, SECRET: 'test-secret-test-secret-test-secret-0123' }), { clock })
    services.events.on((e) => { events.push(e) })
    runner = createJobRunner({ db: services.db, dialect, clock, log: { warn: () => {}, error: () => {} } })
    registerContentJobs(runner, services)
    const people = [['contributor', 'contributor'], ['author', 'author'], ['otherAuthor', 'author'], ['editor', 'editor']] as const
    for (const [key, role] of people) {
      const row = await services.db.insertInto('staff_user').values({
        email: `${key.toLowerCase()}@example.test`, name: `Staff ${key}`, role, password_hash: 'x', active: 1, created_at: start, updated_at: start,
      }).returning('id').executeTakeFirstOrThrow()
      staff[key] = { id: row.id, name: `Staff ${key}`, email: `${key.toLowerCase()}@example.test`, role }
    }
  })
  afterAll(async () => {
    await services.close()
    await drop()
  })

  let n = 0
  const draft = (over: Partial<EditorInput> = {}): EditorInput => ({
    ...emptyEditorInput('News'), headline: `Harbour bridge reopens ${++n}`, authors: ['Ada Reporter'],
    body: 'The bridge reopened this morning after repairs.\n\nTraffic was light.', ...over,
  })
  const statusOf = async (id: number) => (await findArticleById(services.db, id))?.status

  it('records a revision for each save that changes something, and none for one that does not', async () => {
    const { id, revision } = await createDraft(services, staff.contributor, draft({ topics: ['Transport'] }))
    expect(revision?.number).toBe(1)
    const second = await saveDraft(services, staff.contributor, id, { ...draft({ topics: ['Transport'] }), headline: 'Harbour bridge reopens early', slug: 'harbour-bridge-reopens-early' })
    expect(second.revision?.number).toBe(2)
    const again = await saveDraft(services, staff.contributor, id, { ...draft({ topics: ['Transport'] }), headline: 'Harbour bridge reopens early', slug: 'harbour-bridge-reopens-early' })
    expect(again.revision).toBeUndefined()
    expect((await listRevisions(services.db, id)).map((r) => r.number)).toEqual([2, 1])
  })

  it('compares two revisions field by field and word by word, and restores an old one as a new revision', async () => {
    const input = draft({ body: 'The council met on Tuesday.\n\nIt voted for the plan.' })
    const { id } = await createDraft(services, staff.author, input)
    await saveDraft(services, staff.author, id, { ...input, slug: '', headline: input.headline, body: 'The council met on Wednesday.\n\nIt voted for the plan.', tags: ['Council'] })
    const comparison = await compareRevisions(services.db, id, 2, 1)
    expect(comparison.older.number).toBe(1)
    const body = comparison.fields.find((f) => f.key === 'body')
    expect(body?.parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['Tuesday'])
    expect(body?.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['Wednesday'])
    expect(comparison.fields.find((f) => f.key === 'tags')?.parts).toEqual([{ text: 'Council', change: 'added' }])

    const restored = await restoreRevision(services, staff.author, id, 1)
    expect(restored.revision?.number).toBe(3)
    expect((await findArticleById(services.db, id))?.bodyMd).toContain('Tuesday')
  })

  it('refuses a slug another article uses, naming the field', async () => {
    const a = await createDraft(services, staff.editor, draft())
    const b = await createDraft(services, staff.editor, draft())
    await expect(saveDraft(services, staff.editor, b.id, { ...draft(), slug: a.slug }))
      .rejects.toMatchObject({ code: 'VALIDATION', issues: [{ field: 'slug' }] })
  })

  it('lets a contributor write drafts but never publish, schedule, or touch another writer’s draft', async () => {
    const { id } = await createDraft(services, staff.contributor, draft())
    await expect(publishArticle(services, staff.contributor, id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(scheduleArticle(services, staff.contributor, id, new Date('2026-11-26T08:00:00Z'))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const theirs = await createDraft(services, staff.author, draft())
    await expect(saveDraft(services, staff.contributor, theirs.id, draft())).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(await statusOf(id)).toBe('draft')
  })

  it('lets an author publish their own article but not a colleague’s; an editor publishes anyone’s', async () => {
    const own = await createDraft(services, staff.author, draft())
    await publishArticle(services, staff.author, own.id)
    expect(await statusOf(own.id)).toBe('published')
    const colleague = await createDraft(services, staff.otherAuthor, draft())
    await expect(publishArticle(services, staff.author, colleague.id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await publishArticle(services, staff.editor, colleague.id)
    expect(events.filter((e) => e.type === 'article.published' && e.articleId === colleague.id)).toEqual([
      { type: 'article.published', articleId: colleague.id, tags: ['site'] },
    ])
    const audit = await listAudit(services.db, { action: 'article.published' })
    expect(audit.entries.some((e) => e.subject === `article:${colleague.id}` && e.actorId === staff.editor.id)).toBe(true)
  })

  it('publishes a scheduled article once its time arrives, through the job queue', async () => {
    const { id } = await createDraft(services, staff.author, draft())
    await scheduleArticle(services, staff.author, id, new Date('2026-11-25T13:00:00Z'))
    // Rescheduling replaces the job rather than adding a second.
    await scheduleArticle(services, staff.author, id, new Date('2026-11-25T14:00:00Z'))
    expect(await statusOf(id)).toBe('scheduled')
    clock.set('2026-11-25T13:30:00Z')
    await runner.tick()
    expect(await statusOf(id)).toBe('scheduled')
    clock.set('2026-11-25T14:00:05Z')
    await runner.tick()
    expect(await statusOf(id)).toBe('published')
    expect(events.at(-1)).toEqual({ type: 'article.published', articleId: id, tags: ['site'] })
    expect((await findJobByKey(services.db, publishJobKey(id)))?.status).toBe('done')
    clock.set(start)
  })

  it('withdraws the job when a scheduled article goes back to draft, and refuses a time in the past', async () => {
    const { id } = await createDraft(services, staff.editor, draft())
    await expect(scheduleArticle(services, staff.editor, id, new Date('2026-11-25T11:00:00Z'))).rejects.toMatchObject({ code: 'VALIDATION' })
    await scheduleArticle(services, staff.editor, id, new Date('2026-11-25T12:30:00Z'))
    await unscheduleArticle(services, staff.editor, id)
    expect(await findJobByKey(services.db, publishJobKey(id))).toBeUndefined()
    clock.set('2026-11-25T13:00:00Z')
    await runner.tick()
    expect(await statusOf(id)).toBe('draft')
    clock.set(start)
  })

  it('unpublishes with a site-wide purge and an audit entry; only published articles can be unpublished', async () => {
    const { id } = await createDraft(services, staff.author, draft())
    await expect(unpublishArticle(services, staff.author, id)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await publishArticle(services, staff.author, id)
    await unpublishArticle(services, staff.author, id)
    expect(await statusOf(id)).toBe('unpublished')
    expect(events.at(-1)).toEqual({ type: 'article.unpublished', articleId: id, tags: ['site'] })
    const audit = await listAudit(services.db, { action: 'article.unpublished' })
    expect(audit.entries[0]).toMatchObject({ subject: `article:${id}`, actorId: staff.author.id })
  })

  it('appends corrections to a published article, moving its updated time and announcing the change', async () => {
    const { id } = await createDraft(services, staff.author, draft())
    await expect(appendCorrection(services, staff.author, id, { kind: 'correction', text: 'Too early.' })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' })
    await publishArticle(services, staff.author, id)
    clock.set('2026-11-25T15:00:00Z')
    await appendCorrection(services, staff.author, id, { kind: 'correction', text: 'An earlier version gave the wrong date.' })
    await expect(appendCorrection(services, staff.author, id, { kind: 'retraction', text: '' })).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(appendCorrection(services, staff.otherAuthor, id, { kind: 'update', text: 'Not mine.' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const article = await findArticleById(services.db, id)
    expect(article?.corrections.map((c) => [c.kind, c.text])).toEqual([['correction', 'An earlier version gave the wrong date.']])
    expect(article?.updatedAt?.toISOString()).toBe('2026-11-25T15:00:00.000Z')
    expect(events.at(-1)).toEqual({ type: 'article.updated', articleId: id, tags: [`article:${id}`, 'site'] })
    clock.set(start)
  })

  it('keeps an autosave of a live article as a pending revision without changing what readers see', async () => {
    const input = draft()
    const { id } = await createDraft(services, staff.author, input)
    await publishArticle(services, staff.author, id)
    const result = await autosaveDraft(services, staff.author, id, { ...input, body: 'Half-typed new text' })
    expect(result).toMatchObject({ applied: false, revision: { pending: true } })
    expect((await findArticleById(services.db, id))?.bodyMd).not.toContain('Half-typed')
    const same = await autosaveDraft(services, staff.author, id, { ...input, body: 'Half-typed new text' })
    expect(same.revision).toBeUndefined()
  })

  it('takes a library image’s address and size from the media library, and refuses one that is gone', async () => {
    const media = await services.db.insertInto('media').values({
      name: 'abc123.jpg', original_filename: 'quay.jpg', mime: 'image/jpeg', width: 1600, height: 900, bytes: 1000,
      alt: 'The quay at dawn', caption: '', credit: '', variants: '[]', created_by: staff.editor.id, created_at: start,
    }).returning('id').executeTakeFirstOrThrow()
    const { id } = await createDraft(services, staff.editor, draft({ imageMediaId: media.id, imageAlt: 'The quay at dawn' }))
    const article = await findArticleById(services.db, id)
    expect(article?.image).toMatchObject({ width: 1600, height: 900, alt: 'The quay at dawn' })
    expect(article?.image?.url).toContain('abc123')
    await expect(createDraft(services, staff.editor, draft({ imageMediaId: 999_999 }))).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('deletes an article for an editor, with an audit entry', async () => {
    const { id } = await createDraft(services, staff.otherAuthor, draft())
    await expect(deleteArticle(services, staff.author, id)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await deleteArticle(services, staff.editor, id)
    expect(await findArticleById(services.db, id)).toBeUndefined()
    const audit = await listAudit(services.db, { action: 'article.deleted' })
    expect(audit.entries[0]).toMatchObject({ subject: `article:${id}`, actorId: staff.editor.id })
  })
})
