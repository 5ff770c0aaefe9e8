// Commenters and moderators in Chromium: comment with JavaScript off, comment and reply with it on, a moderator
// approves, another reader then sees it; hostile input in every field never runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'
import { signInAs } from '../support/auth.js'
import { createArticle } from '../support/factories.js'
import { saveCommentPolicy } from '../../src/comments/index.js'

let server: RunningServer
let browser: Browser
let articlePath: string

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ seed: false }), launchBrowser()])
  await saveCommentPolicy(server.services, { ratePerMinute: 1000 })
  const a = await createArticle(server.services, { slug: 'bridge-reopens', headline: 'The old bridge reopens', section: 'News', body: 'The bridge reopened today.\n\nTraffic resumed.\n\nMore soon.' })
  articlePath = a.input.slug ? `/news/${a.input.slug}/` : '/news/bridge-reopens/'
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function readerContext(javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled })
  context.setDefaultTimeout(5_000)
  return context
}

/** Fills Leave a Reply; the server's clock then moves on, as a person takes more than 3 seconds to type. */
async function fillForm(page: Page, fields: { name: string; email: string; website?: string; comment: string }) {
  const form = page.locator('#respond')
  const box = (name: string) => form.getByRole('textbox', { name, exact: true })
  await box('Name').fill(fields.name)
  await box('Email').fill(fields.email)
  if (fields.website) await box('Website').fill(fields.website)
  await box('Comment').fill(fields.comment)
  server.clock.advance(5_000)
}

async function approveAsModerator(text: string) {
  const session = await signInAs(server, 'editor')
  const context = await browser.newContext()
  context.setDefaultTimeout(5_000)
  await context.addCookies([{ name: 'dl_session', value: session.cookie.slice('dl_session='.length), url: server.url }])
  const page = await context.newPage()
  await page.goto(`${server.url}/newsroom/comments?status=pending`)
  const row = page.locator('tr', { hasText: text })
  await Promise.all([page.waitForURL(/done=/), row.getByRole('button', { name: 'Approve', exact: true }).click()])
  await expect(page.locator('.nr-notice').innerText()).resolves.toContain('1 comment approved')
  await checkA11y(page)
  await context.close()
}

describe('commenting', () => {
  it('works with JavaScript off: the author sees it held, a moderator approves, then every reader sees it', async () => {
    const context = await readerContext(false)
    const page = await context.newPage()
    await page.goto(`${server.url}${articlePath}`)
    await expect(page.getByRole('heading', { name: 'Leave a Reply' }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('Your email address will not be published.').isVisible()).resolves.toBe(true)
    await fillForm(page, { name: 'Nora Quill', email: 'nora.quill@example.org', comment: 'Good news for the market traders.' })
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post Comment' }).click()])
    expect(page.url()).not.toMatch(/status|pending|moderat/i)
    const mine = page.locator('.comment', { hasText: 'Good news for the market traders.' })
    await expect(mine.locator('.comment__held').innerText()).resolves.toContain('Your comment is awaiting moderation')

    const other = await readerContext(false)
    const otherPage = await other.newPage()
    await otherPage.goto(`${server.url}${articlePath}`)
    await expect(otherPage.getByText('Good news for the market traders.').count()).resolves.toBe(0)

    await approveAsModerator('Good news for the market traders.')
    await otherPage.reload()
    await expect(otherPage.getByText('Good news for the market traders.').isVisible()).resolves.toBe(true)
    await expect(otherPage.locator('#comments-title').innerText()).resolves.toBe('1 Comment')
    await context.close()
    await other.close()
  }, 90_000)

  it('with JavaScript on, posts and replies in place without reloading the page', async () => {
    const context = await readerContext(true)
    const page = await context.newPage()
    await page.goto(`${server.url}${articlePath}`)
    const loads: string[] = []
    page.on('load', () => loads.push(page.url()))

    await fillForm(page, { name: 'Ivo Hart', email: 'ivo.hart@example.org', comment: 'Will the tram run over it too?' })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    const posted = page.locator('.comment', { hasText: 'Will the tram run over it too?' })
    await posted.waitFor()
    await expect(posted.locator('.comment__held').isVisible()).resolves.toBe(true)

    const parent = page.locator('.comment', { hasText: 'Good news for the market traders.' }).first()
    await parent.getByRole('link', { name: 'Reply to Nora Quill' }).click()
    await expect(page.locator('#reply-title').innerText()).resolves.toContain('Reply to Nora Quill')
    await expect(parent.locator('#respond').count()).resolves.toBe(1)
    await fillForm(page, { name: 'Ivo Hart', email: 'ivo.hart@example.org', comment: 'Agreed, the stalls will be busier.' })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await parent.locator('.comment-list--replies .comment', { hasText: 'Agreed, the stalls will be busier.' }).waitFor()
    expect(loads).toEqual([])
    await checkA11y(page)
    await context.close()
  }, 60_000)

  it('shows inline errors and keeps the text when a field is wrong, with JavaScript on', async () => {
    const context = await readerContext(true)
    const page = await context.newPage()
    await page.goto(`${server.url}${articlePath}`)
    await fillForm(page, { name: 'Ana', email: 'not-an-address', comment: 'Kept after the error.' })
    await page.getByRole('button', { name: 'Post Comment' }).click()
    await page.locator('#comment-email-error').waitFor()
    await expect(page.locator('#comment-email').getAttribute('aria-invalid')).resolves.toBe('true')
    await expect(page.getByRole('textbox', { name: 'Comment', exact: true }).inputValue()).resolves.toBe('Kept after the error.')
    await context.close()
  })
})

describe('hostile input', () => {
  const payloads = [
    '<script>window.__xss=1;alert(1)</script>',
    '"><img src=x onerror="window.__xss=1;alert(1)">',
    '<svg/onload=alert(1)>',
    'javascript:alert(1)',
    '[click](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '</textarea><script>alert(1)</script>',
    '{{constructor.constructor("alert(1)")()}}',
  ]

  it('never runs a script or opens a dialog, whatever is typed in any field', async () => {
    const context = await readerContext(false)
    const page = await context.newPage()
    for (const [i, payload] of payloads.entries()) {
      await page.goto(`${server.url}${articlePath}`)
      // An invalid website is refused with the form shown again; that page must be inert too.
      await fillForm(page, { name: `${payload}`.slice(0, 80), email: `xss${i}@example.org`, website: `https://x${i}.example/${encodeURIComponent(payload)}`.slice(0, 200), comment: `${payload} ${i}` })
      await page.getByRole('button', { name: 'Post Comment' }).click()
      await page.waitForLoadState()
      if (!/#comment-\d+$/.test(page.url())) {
        await page.getByRole('textbox', { name: 'Website', exact: true }).fill('')
        server.clock.advance(5_000)
        await Promise.all([page.waitForURL(/#comment-\d+$/), page.getByRole('button', { name: 'Post Comment' }).click()])
      }
    }
    const ids = await server.services.db.selectFrom('comment').select('id').where('status', '=', 'pending').execute()
    const { moderateComments } = await import('../../src/comments/index.js')
    await moderateComments(server.services, ids.map((r) => r.id), 'approve', 'test')

    const reader = await readerContext(true)
    const view = await reader.newPage()
    const dialogs: string[] = []
    view.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss() })
    await view.goto(`${server.url}${articlePath}`)
    await view.locator('.comment', { hasText: 'constructor' }).first().waitFor()
    for (const path of [articlePath, `${articlePath}comments/feed/`, '/comments/feed/']) await view.goto(`${server.url}${path}`)
    await view.goto(`${server.url}${articlePath}?comments-sort=newest`)
    await view.locator('.comment__reply').first().click()
    expect(dialogs).toEqual([])
    await expect(view.evaluate(() => (window as unknown as { __xss?: number }).__xss)).resolves.toBeUndefined()
    await expect(view.locator('.comment__text script, .comment__text img, .comment__text svg').count()).resolves.toBe(0)
    await expect(view.locator('.comment__text a[href^="javascript"], .comment__author a[href^="javascript"]').count()).resolves.toBe(0)
    await context.close()
    await reader.close()
  }, 90_000)
})
