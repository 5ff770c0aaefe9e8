// The newsroom's first screen through inject(): New article, my drafts, what is scheduled and when, comments
// waiting for a moderator, the last published; each item links to where the work is done; a contributor sees only theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../support/app.js'
import { signInAs, type StaffSession } from '../support/auth.js'
import { testDialects } from '../support/db.js'
import { createArticle } from '../support/factories.js'
import { freshToken, postComment, reader } from '../comments/support.js'
import { saveCommentPolicy } from '../../src/comments/index.js'
import { createDraft, emptyEditorInput, publishArticle, scheduleArticle } from '../../src/content/index.js'
import type { StaffUser } from '../../src/identity/index.js'

/** The part of the page inside one labelled block, from its heading to the next block. */
function block(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`)
  if (start < 0) return ''
  const end = html.indexOf('<section', start)
  return html.slice(start, end < 0 ? undefined : end)
}

describe.each(testDialects())('%s: newsroom dashboard', (dialect) => {
  let t: TestApp
  let editor: StaffSession
  let contributor: StaffSession
  let other: StaffSession
  const ids: Record<string, number> = {}
  const commenter = reader({ comment: 'Is the harbour wall safe for anglers again?' })

  const draft = async (who: StaffUser, headline: string) =>
    (await createDraft(t.services, who, { ...emptyEditorInput('News'), headline, body: `${headline}. The whole story.` })).id
  const get = (who: StaffSession, url = '/newsroom/') => t.app.inject({ url, headers: { cookie: who.cookie } })

  beforeAll(async () => {
    // Berlin is an hour ahead of UTC in November: the page must show the site's time, not the server's.
    t = await buildTestApp({ dialect, env: { SITE_TIMEZONE: 'Europe/Berlin' } })
    await saveCommentPolicy(t.services, { ratePerMinute: 1000 })
    ;[editor, contributor, other] = await Promise.all([signInAs(t, 'editor'), signInAs(t, 'contributor'), signInAs(t, 'contributor')])
    ids.imported = (await createArticle(t.services, { slug: 'harbour-wall', headline: 'Harbour wall repaired', section: 'News' })).id

    ids.editorDraft = await draft(editor.user, 'Budget talks resume')
    ids.editorScheduled = await draft(editor.user, 'Night ferry timetable')
    await scheduleArticle(t.services, editor.user, ids.editorScheduled, new Date('2026-11-26T06:00:00Z'))
    ids.contributorDraft = await draft(contributor.user, 'Allotment waiting list grows')
    ids.contributorScheduled = await draft(contributor.user, 'School meals menu changes')
    await scheduleArticle(t.services, editor.user, ids.contributorScheduled, new Date('2026-11-27T08:30:00Z'))
    ids.contributorPublished = await draft(contributor.user, 'Library opens late on Thursdays')
    await publishArticle(t.services, editor.user, ids.contributorPublished)
    ids.otherDraft = await draft(other.user, 'Another writer’s private draft')

    const token = await freshToken(t, '/news/harbour-wall/')
    const posted = await postComment(t, { ...commenter, article: String(ids.imported), token })
    ids.comment = Number(/#comment-(\d+)/.exec(String(posted.headers.location))?.[1])
  })
  afterAll(() => t.close())

  it('gives an editor a New article button, their own drafts, everything scheduled with its time, pending comments and the last published', async () => {
    const page = await get(editor)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<a class="nr-button" href="/newsroom/articles/new">New article</a>')

    const drafts = block(page.body, 'dash-drafts')
    expect(drafts).toContain('My drafts')
    expect(drafts).toContain(`href="/newsroom/articles/${ids.editorDraft}">Budget talks resume</a>`)
    expect(drafts).not.toContain('Allotment waiting list grows')
    expect(drafts).toContain('href="/newsroom/articles?status=draft&amp;mine=1"')

    const scheduled = block(page.body, 'dash-scheduled')
    expect(scheduled).toContain(`href="/newsroom/articles/${ids.editorScheduled}">Night ferry timetable</a>`)
    expect(scheduled).toContain(`href="/newsroom/articles/${ids.contributorScheduled}">School meals menu changes</a>`)
    expect(scheduled).toContain('<time datetime="2026-11-26T06:00:00.000Z">26 November 2026 at 07:00</time>')
    expect(scheduled).toContain('<time datetime="2026-11-27T08:30:00.000Z">27 November 2026 at 09:30</time>')
    expect(scheduled).toContain(`by ${contributor.user.name}`)
    expect(scheduled.indexOf('Night ferry timetable')).toBeLessThan(scheduled.indexOf('School meals menu changes'))
    expect(scheduled).toContain('Europe/Berlin')

    const comments = block(page.body, 'dash-comments')
    expect(comments).toContain('Comments awaiting moderation <span class="nr-count">1</span>')
    expect(comments).toContain(`href="/newsroom/comments/${ids.comment}">${commenter.name} on “Harbour wall repaired”</a>`)
    expect(comments).toContain('Is the harbour wall safe for anglers again?')
    expect(comments).toContain('href="/newsroom/comments"')
    expect(page.body).not.toContain(commenter.email)

    const published = block(page.body, 'dash-published')
    expect(published).toContain('Recently published')
    expect(published).toContain(`href="/newsroom/articles/${ids.contributorPublished}">Library opens late on Thursdays</a>`)
    expect(published).toContain(`href="/newsroom/articles/${ids.imported}">Harbour wall repaired</a>`)
    expect(published).toContain('href="/news/harbour-wall/"')
    expect(published).toContain('href="/newsroom/articles?status=published"')
  })

  it('shows a contributor only their own work, and no moderation', async () => {
    const page = await get(contributor)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('href="/newsroom/articles/new">New article</a>')
    expect(block(page.body, 'dash-drafts')).toContain(`href="/newsroom/articles/${ids.contributorDraft}">Allotment waiting list grows</a>`)
    const scheduled = block(page.body, 'dash-scheduled')
    expect(scheduled).toContain('My scheduled articles')
    expect(scheduled).toContain(`href="/newsroom/articles/${ids.contributorScheduled}">School meals menu changes</a>`)
    expect(scheduled).toContain('href="/newsroom/articles?status=scheduled&amp;mine=1"')
    const published = block(page.body, 'dash-published')
    expect(published).toContain(`href="/newsroom/articles/${ids.contributorPublished}">Library opens late on Thursdays</a>`)
    expect(published).toContain('href="/newsroom/articles?status=published&amp;mine=1"')

    for (const theirs of ['Budget talks resume', 'Night ferry timetable', 'Harbour wall repaired', 'Another writer’s private draft']) {
      expect(page.body).not.toContain(theirs)
    }
    expect(page.body).not.toContain('Comments awaiting moderation')
    expect(page.body).not.toContain('/newsroom/comments')
    expect(page.body).not.toContain(commenter.name)
  })

  it('keeps an author to their own work too, with the moderation block left out', async () => {
    const author = await signInAs(t, 'author')
    const page = await get(author)
    expect(page.body).toContain('No drafts.')
    expect(page.body).toContain('Nothing is scheduled.')
    expect(page.body).toContain('Nothing published yet.')
    expect(page.body).not.toContain('Comments awaiting moderation')
  })

  it('bounds each list and links to all of it: the filtered Articles page holds only the person’s own', async () => {
    const busy = await signInAs(t, 'contributor')
    for (let i = 1; i <= 12; i++) await draft(busy.user, `Busy draft number ${i}`)
    const page = await get(busy)
    const drafts = block(page.body, 'dash-drafts')
    expect(drafts).toContain('My drafts <span class="nr-count">12</span>')
    expect(drafts.match(/Busy draft number/g)).toHaveLength(10)

    const all = await get(busy, '/newsroom/articles?status=draft&mine=1')
    expect(all.statusCode).toBe(200)
    expect(all.body.match(/>Busy draft number \d+<\/a>/g)).toHaveLength(12)
    expect(all.body).not.toContain('Allotment waiting list grows')
    expect(all.body).toContain('id="filter-mine" name="mine" value="1" checked')
  })

  it('counts and lists no comments when none wait', async () => {
    const quiet = await signInAs(t, 'administrator')
    await t.app.inject({
      method: 'POST', url: '/newsroom/comments/bulk', headers: { ...quiet.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: quiet.csrf, one: `approve:${ids.comment}`, from: 'pending' }).toString(),
    })
    const comments = block((await get(quiet)).body, 'dash-comments')
    expect(comments).toContain('<span class="nr-count">0</span>')
    expect(comments).toContain('No comments are waiting.')
  })
})
