// The newsroom's first day in Chromium: first-run setup, an administrator invites an editor, the editor joins and signs in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'
import { ensureSetupCode } from '../../src/identity/index.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  // An http SITE_URL: Chromium keeps no Secure cookie for a plain-http 127.0.0.1 server.
  ;[server, browser] = await Promise.all([startServer({ seed: false, env: { SITE_URL: 'http://news.example.test' } }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function submit(page: Page, button: string) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button, exact: true }).click()])
}

describe('newsroom administration in a browser', () => {
  it('sets up the first administrator, who invites an editor who joins and signs in', async () => {
    const admin = await browser.newContext()
    admin.setDefaultTimeout(10_000)
    const page = await admin.newPage()

    // First run: the newsroom sends the first visitor to create the administrator.
    await page.goto(`${server.url}/newsroom/`)
    expect(new URL(page.url()).pathname).toBe('/newsroom/setup')
    await checkA11y(page)
    // SITE_URL is not a loopback name, so the form asks for the code the server printed to its log.
    const setupCode = await ensureSetupCode(server.services.db)
    await page.getByLabel('Setup code', { exact: true }).fill(setupCode!)
    await page.getByLabel('Name', { exact: true }).fill('Ada Okafor')
    await page.getByLabel('Email', { exact: true }).fill('ada@courier.test')
    await page.getByLabel('Password', { exact: true }).fill('first light over halvern')
    await submit(page, 'Create administrator')
    await expect(page.locator('h1').innerText()).resolves.toBe('Newsroom')
    await expect(page.locator('main').innerText()).resolves.toContain('Signed in as Ada Okafor (Administrator)')
    await checkA11y(page)

    // Invite an editor from the Users page.
    await Promise.all([page.waitForNavigation(), page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Users' }).click()])
    await checkA11y(page)
    await page.getByLabel('Email', { exact: true }).fill('nia@courier.test')
    await page.getByLabel('Role', { exact: true }).selectOption('editor')
    await submit(page, 'Send invitation')
    await expect(page.getByRole('status').innerText()).resolves.toBe('Invitation sent.')
    await checkA11y(page)
    const mail = server.services.mail.sent().at(-1)
    expect(mail?.to).toBe('nia@courier.test')
    const link = /http:\/\/news\.example\.test(\/newsroom\/invitations\/\S+)/.exec(mail?.text ?? '')?.[1]
    expect(link).toBeTruthy()

    // Settings: rename the paper.
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Settings' }).click()])
    await checkA11y(page)
    await page.getByLabel('Site name').fill('The Halvern Ledger')
    await page.getByLabel('Time zone').fill('Europe/Lisbon')
    await submit(page, 'Save settings')
    await expect(page.getByRole('status').innerText()).resolves.toBe('Settings saved.')
    await expect(page.locator('.nr-header__name').innerText()).resolves.toContain('The Halvern Ledger')

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Audit log' }).click()])
    await checkA11y(page)
    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ada Okafor' }).click()])
    await expect(page.locator('h1').innerText()).resolves.toBe('Your account')
    await checkA11y(page)

    // The editor follows the link in another browser, joins, signs out and signs back in.
    const editor = await browser.newContext()
    editor.setDefaultTimeout(10_000)
    const ed = await editor.newPage()
    await ed.goto(`${server.url}${link}`)
    await expect(ed.locator('main').innerText()).resolves.toContain('nia@courier.test')
    await checkA11y(ed)
    await ed.getByLabel('Name', { exact: true }).fill('Nia Brandt')
    await ed.getByLabel('Password', { exact: true }).fill('copy desk until midnight')
    await submit(ed, 'Join the newsroom')
    await expect(ed.locator('main').innerText()).resolves.toContain('Signed in as Nia Brandt (Editor)')
    await submit(ed, 'Sign out')
    expect(new URL(ed.url()).pathname).toBe('/newsroom/sign-in')
    await checkA11y(ed)
    await ed.getByLabel('Email', { exact: true }).fill('nia@courier.test')
    await ed.getByLabel('Password', { exact: true }).fill('copy desk until midnight')
    await submit(ed, 'Sign in')
    const nav = ed.getByRole('navigation', { name: 'Newsroom' })
    await expect(nav.getByRole('link', { name: 'Articles' }).count()).resolves.toBe(1)
    await expect(nav.getByRole('link', { name: 'Comments' }).count()).resolves.toBe(1)
    await expect(nav.getByRole('link', { name: 'Users' }).count()).resolves.toBe(0)
    await admin.close()
    await editor.close()
  }, 120_000)
})
