// The newsroom's first screen in Chromium: an editor signs in, lands on what needs doing, and starts writing from
// there; with JavaScript off, the new draft waits on the dashboard. A contributor's dashboard holds only their work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'
import { createStaff, signInAs, testPassword } from '../support/auth.js'
import { createDraft, emptyEditorInput, scheduleArticle } from '../../src/content/index.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  // An http SITE_URL: Chromium keeps no Secure cookie for a plain-http 127.0.0.1 server, and this journey signs in by the form.
  ;[server, browser] = await Promise.all([startServer({ env: { SITE_URL: 'http://news.example.test' } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()])
}

describe('newsroom dashboard', () => {
  it('lands a signed-in editor on the dashboard, from where New article opens the editor, JavaScript off', async () => {
    // An administrator exists, or the newsroom would send everyone to first-run setup.
    await createStaff(server.services, { role: 'administrator' })
    const editor = await createStaff(server.services, { role: 'editor', name: 'Nia Brandt', email: 'nia@courier.test' })
    const id = (await createDraft(server.services, editor, { ...emptyEditorInput('Politics'), headline: 'Ferry fares rise in spring', body: 'Fares go up.' })).id
    await scheduleArticle(server.services, editor, id, new Date('2026-11-26T06:00:00Z'))

    const context = await browser.newContext({ javaScriptEnabled: false })
    context.setDefaultTimeout(10_000)
    const page = await context.newPage()
    await page.goto(`${server.url}/newsroom/sign-in`)
    await page.getByLabel('Email', { exact: true }).fill('nia@courier.test')
    await page.getByLabel('Password', { exact: true }).fill(testPassword)
    await submit(page, 'Sign in')

    expect(new URL(page.url()).pathname).toBe('/newsroom/')
    await expect(page.locator('h1').innerText()).resolves.toBe('Newsroom')
    const scheduled = page.getByRole('region', { name: /^Scheduled/ })
    await expect(scheduled.getByRole('link', { name: 'Ferry fares rise in spring' }).getAttribute('href')).resolves.toBe(`/newsroom/articles/${id}`)
    await expect(scheduled.locator('time').first().innerText()).resolves.toBe('26 November 2026 at 06:00')
    await expect(page.getByRole('region', { name: /^Comments awaiting moderation/ }).count()).resolves.toBe(1)
    await expect(page.getByRole('region', { name: 'Recently published' }).getByRole('listitem').count()).resolves.toBe(10)

    await Promise.all([page.waitForURL(/\/newsroom\/articles\/new$/), page.getByRole('link', { name: 'New article', exact: true }).first().click()])
    await page.getByLabel('Headline').fill('Tram depot to close')
    await page.getByLabel('Body', { exact: true }).fill('The depot closes in March.')
    await submit(page, 'Save draft')
    expect(page.url()).toMatch(/\/newsroom\/articles\/\d+\?done=saved$/)

    await page.goto(`${server.url}/newsroom/`)
    const drafts = page.getByRole('region', { name: /^My drafts/ })
    await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+$/), drafts.getByRole('link', { name: 'Tram depot to close' }).click()])
    await expect(page.getByLabel('Headline').inputValue()).resolves.toBe('Tram depot to close')
    await context.close()
  }, 90_000)

  it('passes the accessibility check as an editor and as a contributor, who sees no moderation', async () => {
    for (const role of ['editor', 'contributor'] as const) {
      const session = await signInAs(server, role)
      const context = await browser.newContext()
      await context.addCookies([{ name: 'dl_session', value: session.cookie.slice('dl_session='.length), url: server.url }])
      const page = await context.newPage()
      await page.goto(`${server.url}/newsroom/`)
      await checkA11y(page)
      const moderation = page.getByRole('region', { name: /^Comments awaiting moderation/ })
      await expect(moderation.count()).resolves.toBe(role === 'editor' ? 1 : 0)
      if (role === 'contributor') {
        await expect(page.getByRole('region', { name: 'My published articles' }).innerText()).resolves.toContain('Nothing published yet.')
      }
      await context.close()
    }
  }, 60_000)
})
