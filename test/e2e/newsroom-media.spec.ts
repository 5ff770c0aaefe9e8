// An editor uploads a picture with alt text in Chromium; once it is an article's featured image, readers get it as
// responsive AVIF/WebP/JPEG variants and every file the page offers answers 200.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import sharp from 'sharp'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'
import { signInAs } from '../support/auth.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer({ seed: false }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Where screenshots go when a person wants to look at the pages (E2E_SCREENSHOTS=/tmp/shots). */
const shots = process.env.E2E_SCREENSHOTS

describe('newsroom media', () => {
  it('uploads an image with alt text and serves it to readers as responsive variants', async () => {
    const session = await signInAs(server, 'editor')
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    context.setDefaultTimeout(10_000)
    await context.addCookies([{ name: 'dl_session', value: session.cookie.slice('dl_session='.length), url: server.url }])
    const page = await context.newPage()

    await page.goto(`${server.url}/newsroom/media`)
    await checkA11y(page)
    const picture = await sharp({ create: { width: 800, height: 450, channels: 3, background: '#2a6f97' } })
      .composite([{ input: Buffer.from('<svg width="800" height="450"><circle cx="400" cy="225" r="170" fill="#f4a261"/></svg>') }])
      .jpeg().toBuffer()
    await page.getByLabel('Image file').setInputFiles({ name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: picture })
    // Without alt text the browser itself refuses to send the form.
    await page.getByRole('button', { name: 'Upload image' }).click()
    await expect(page.getByLabel('Alt text').evaluate((el: HTMLInputElement) => el.validity.valueMissing)).resolves.toBe(true)
    await page.getByLabel('Alt text').fill('Fishing boats moored in Halvern harbour at dawn')
    await page.getByLabel('Caption').fill('The harbour before the storm')
    await page.getByLabel('Credit').fill('Photo: Ana Lee')
    await Promise.all([page.waitForURL(/\/newsroom\/media\/\d+\?done=uploaded$/), page.getByRole('button', { name: 'Upload image' }).click()])
    await expect(page.getByRole('status').innerText()).resolves.toContain('Uploaded')
    await expect(page.getByLabel('Markdown for the body').inputValue()).resolves
      .toMatch(/^!\[Fishing boats moored in Halvern harbour at dawn\]\(\/media\/[0-9a-f]{20}-800\.jpg "The harbour before the storm"\)$/)
    await expect(page.getByRole('button', { name: 'Copy Markdown' }).isVisible()).resolves.toBe(true)
    await checkA11y(page)
    if (shots) await page.screenshot({ path: `${shots}/media-item.png`, fullPage: true })
    const mediaId = Number(new URL(page.url()).pathname.split('/').pop())

    await page.goto(`${server.url}/newsroom/media`)
    await expect(page.locator('.nr-media-card').count()).resolves.toBe(1)
    if (shots) await page.screenshot({ path: `${shots}/media-library.png`, fullPage: true })

    // Straight from the library into a new draft, then published from the editor.
    await page.goto(`${server.url}/newsroom/media/${mediaId}`)
    await page.getByLabel('Headline').fill('Storm reaches Halvern')
    await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+/), page.getByRole('button', { name: 'Start a draft with this image' }).click()])
    page.on('dialog', (d) => void d.accept())
    await page.getByLabel('Body', { exact: true }).fill('Winds reached 120 km/h overnight.\n\nThe harbour was closed at dawn.')
    await Promise.all([page.waitForURL(/done=published/), page.getByRole('button', { name: 'Publish', exact: true }).click()])
    const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const article = await reader.newPage()
    await article.goto(`${server.url}/news/storm-reaches-halvern/`)
    const figure = article.locator('.article__figure picture')
    await expect(figure.locator('source[type="image/avif"]').count()).resolves.toBe(1)
    await expect(figure.locator('source[type="image/webp"]').count()).resolves.toBe(1)
    const img = figure.locator('img')
    await expect(img.getAttribute('alt')).resolves.toBe('Fishing boats moored in Halvern harbour at dawn')
    // Chromium takes AVIF, and the picture really decoded.
    await img.evaluate((el: HTMLImageElement) => el.decode())
    await expect(img.evaluate((el: HTMLImageElement) => el.currentSrc)).resolves.toMatch(/\.avif$/)
    await expect(img.evaluate((el: HTMLImageElement) => el.naturalWidth)).resolves.toBeGreaterThan(0)

    const urls = await figure.evaluate((el) => [...el.querySelectorAll('source, img')].flatMap((n) =>
      (n.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(' ')[0]!).filter(Boolean)))
    expect(urls).toHaveLength(9)
    for (const url of urls) {
      const res = await article.request.get(`${server.url}${url}`)
      expect(res.status(), url).toBe(200)
      expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    }
    await checkA11y(article)
    if (shots) await article.screenshot({ path: `${shots}/article.png` })
    await reader.close()

    // The taxonomy pages the same editor runs pass axe too.
    await page.goto(`${server.url}/newsroom/sections`)
    await checkA11y(page)
    await Promise.all([page.waitForURL(/\/newsroom\/sections\/\d+$/), page.getByRole('link', { name: 'Edit section News' }).click()])
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('News')
    await checkA11y(page)
    await context.close()
  }, 120_000)
})
