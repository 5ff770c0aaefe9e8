// The editor's journey in Chromium: write, schedule and see it published when the (injected) clock reaches its time;
// a correction reaches readers; a contributor cannot publish; drafts give readers 404; typed text survives failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'
import { signInAs } from '../support/auth.js'
import type { Role } from '../../src/identity/index.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function staffContext(role: Role): Promise<BrowserContext> {
  const session = await signInAs(server, role)
  const context = await browser.newContext()
  context.setDefaultTimeout(5_000)
  await context.addCookies([{ name: 'dl_session', value: session.cookie.slice('dl_session='.length), url: server.url }])
  return context
}

describe('newsroom editor', () => {
  it('lets an editor write and schedule an article that goes out when its time comes, then correct it', async () => {
    const context = await staffContext('editor')
    const page = await context.newPage()
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${server.url}/newsroom/articles/new`)
    await checkA11y(page)

    await page.getByLabel('Headline').fill('Night ferry returns to the island')
    await expect(page.getByLabel('Slug').inputValue()).resolves.toBe('night-ferry-returns-to-the-island')
    await page.getByLabel('Section').selectOption({ label: 'Politics' })
    await page.getByLabel('Standfirst').fill('The overnight crossing runs again from Monday.')
    const body = page.getByLabel('Body', { exact: true })
    await body.fill('The ferry sails at midnight. ')
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' }).click()
    await page.locator('#preview strong').waitFor()
    await expect(page.locator('#preview').innerText()).resolves.toContain('The ferry sails at midnight.')

    // The shared test clock stands at 12:00 UTC, the site's zone.
    await page.getByLabel(/Publish at/).fill('2026-11-25T12:30')
    await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+\?done=scheduled$/), page.getByRole('button', { name: 'Schedule' }).click()])
    await expect(page.locator('.nr-editor__state .nr-status').innerText()).resolves.toBe('Scheduled')

    const reader = await browser.newPage()
    const path = '/politics/night-ferry-returns-to-the-island/'
    expect((await reader.goto(`${server.url}${path}`))?.status()).toBe(404)

    server.clock.set('2026-11-25T12:30:03Z')
    await server.services.jobs.tick()
    expect((await reader.goto(`${server.url}${path}`))?.status()).toBe(200)
    await reader.goto(`${server.url}/`)
    await expect(reader.getByRole('link', { name: 'Night ferry returns to the island' }).count()).resolves.toBeGreaterThan(0)

    await page.reload()
    await expect(page.locator('.nr-editor__state .nr-status').innerText()).resolves.toBe('Published')
    const editorUrl = page.url()
    for (const place of ['/newsroom/articles', `${new URL(editorUrl).pathname}/revisions`]) {
      await page.goto(`${server.url}${place}`)
      await checkA11y(page)
    }
    await page.goto(editorUrl)
    await page.getByLabel('Note').fill('An earlier version gave the wrong sailing time.')
    await Promise.all([page.waitForURL(/done=noted/), page.getByRole('button', { name: 'Add note' }).click()])
    await reader.goto(`${server.url}${path}`)
    await expect(reader.locator('body').innerText()).resolves.toContain('An earlier version gave the wrong sailing time.')
    await reader.close()
    await context.close()
  }, 90_000)

  it('shows a contributor no Publish button, refuses a forced one with 403, and keeps their draft from readers', async () => {
    const context = await staffContext('contributor')
    const page = await context.newPage()
    await page.goto(`${server.url}/newsroom/articles/new`)
    await expect(page.getByRole('button', { name: 'Publish' }).count()).resolves.toBe(0)
    await expect(page.getByRole('button', { name: 'Schedule' }).count()).resolves.toBe(0)
    await page.getByLabel('Headline').fill('Draft about the harbour dredging')
    await page.getByLabel('Section').selectOption({ label: 'Politics' })
    await page.getByLabel('Body', { exact: true }).fill('Not ready yet.')
    await Promise.all([page.waitForURL(/done=saved$/), page.getByRole('button', { name: 'Save draft' }).click()])

    const form = Object.fromEntries(await page.locator('#editor').evaluate((f) => [...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)])))
    const forced = await page.request.post(page.url().replace(/\?.*$/, ''), { form: { ...form, action: 'publish' }, headers: { origin: server.url } })
    expect(forced.status()).toBe(403)

    const reader = await browser.newPage()
    expect((await reader.goto(`${server.url}/politics/draft-about-the-harbour-dredging/`))?.status()).toBe(404)
    await reader.close()
    await context.close()
  })

  it('never loses typed text: a failed autosave says so, and a reload restores the browser copy', async () => {
    const context = await staffContext('author')
    const page = await context.newPage()
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${server.url}/newsroom/articles/new`)
    await page.getByLabel('Headline').fill('Storm closes the coast road')
    await page.getByLabel('Body', { exact: true }).fill('First words.')
    await page.keyboard.press('Control+s')
    await expect(page.locator('#save-status').filter({ hasText: 'Draft saved' }).waitFor()).resolves.toBeUndefined()
    expect(page.url()).toMatch(/\/newsroom\/articles\/\d+$/)

    await page.route('**/autosave', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"INTERNAL","message":"the server is busy"}}' }))
    await page.getByLabel('Body', { exact: true }).fill('First words. Then many more that must survive.')
    await page.keyboard.press('Control+s')
    await page.locator('#save-status').filter({ hasText: 'Not saved: the server is busy' }).waitFor()
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toContain('must survive')

    await page.reload()
    await page.locator('.nr-editor__restored').waitFor()
    await expect(page.getByLabel('Body', { exact: true }).inputValue()).resolves.toContain('must survive')
    await context.close()
  })
})
