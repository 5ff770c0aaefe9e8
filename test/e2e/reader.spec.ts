// A reader's journey in a real browser: front page, a section, an article, "Also read", search; with and without JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { checkA11y, launchBrowser, startServer, type RunningServer } from './support/index.js'

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const headline = (page: Page) => page.locator('h1').first().innerText()

/** Clicks a link and waits for the page it leads to; returns the link's visible text. */
async function follow(page: Page, link: ReturnType<Page['locator']>): Promise<string> {
  const text = (await link.innerText()).trim()
  const from = page.url()
  await Promise.all([page.waitForURL((u) => u.href !== from), link.click()])
  return text
}

/** The path every reader takes; `audit` runs axe on each page it lands on. */
async function readTheNews(context: BrowserContext, audit: (page: Page) => Promise<unknown>) {
  // A missing element should fail in seconds with its selector, not when the test times out.
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  const response = await page.goto(`${server.url}/`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('.masthead__date').innerText()).resolves.toBe('Wednesday, November 25')
  const lead = page.locator('.teaser--lead .teaser__headline a')
  await expect(lead.innerText()).resolves.not.toBe('')
  await audit(page)

  // A section from the navigation.
  await follow(page, page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Politics', exact: true }))
  expect(new URL(page.url()).pathname).toBe('/politics/')
  await expect(headline(page)).resolves.toBe('Politics')
  await expect(page.locator('.sections a[aria-current="page"]').innerText()).resolves.toBe('Politics')
  await audit(page)

  // An article from the section, then the story it recommends inline.
  const opened = await follow(page, page.locator('.list .teaser__headline a').first())
  expect(new URL(page.url()).pathname).toMatch(/^\/politics\/[a-z0-9-]+\/$/)
  await expect(headline(page)).resolves.toContain(opened)
  await expect(page.locator('.article__body p').count()).resolves.toBeGreaterThan(2)
  await audit(page)

  const alsoRead = page.locator('.also-read a')
  await expect(alsoRead.count()).resolves.toBe(1)
  const recommended = await follow(page, alsoRead)
  await expect(headline(page)).resolves.toContain(recommended)
  await expect(page.locator('.related .teaser').count()).resolves.toBeGreaterThanOrEqual(1)

  // Search from the search page and open a result.
  await follow(page, page.locator('.masthead__search'))
  expect(new URL(page.url()).pathname).toBe('/search')
  await page.getByLabel('Search the archive').fill('tram')
  await Promise.all([page.waitForURL(/\/search\?q=tram/), page.getByRole('button', { name: 'Search' }).click()])
  await expect(page.locator('.search-summary').innerText()).resolves.toMatch(/^\d+ articles? match/)
  await expect(page.locator('.result mark').count()).resolves.toBeGreaterThan(0)
  await audit(page)
  const found = await follow(page, page.locator('.result__headline a').first())
  await expect(headline(page)).resolves.toContain(found)
  return page
}

describe('reader journey', () => {
  it('reads the front page, a section, an article, "Also read" and a search result, passing axe on each', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    try {
      const page = await readTheNews(context, (p) => checkA11y(p))

      // The other page types a reader reaches from an article: its topic, its author and a tag.
      await follow(page, page.locator('h1 .topic-label'))
      expect(new URL(page.url()).pathname).toMatch(/^\/topic\/[a-z0-9-]+\/$/)
      await expect(page.locator('.list-header__kind').innerText()).resolves.toMatch(/running story/i)
      await checkA11y(page)

      await follow(page, page.locator('.list .teaser__headline a').first())
      await follow(page, page.locator('.byline a[rel="author"]').first())
      expect(new URL(page.url()).pathname).toMatch(/^\/author\/[a-z0-9-]+\/$/)
      await checkA11y(page)

      await page.goBack()
      await follow(page, page.locator('.article__tags a').first())
      expect(new URL(page.url()).pathname).toMatch(/^\/tag\/[a-z0-9-]+\/$/)
      await checkA11y(page)

      const missing = await page.goto(`${server.url}/politics/no-such-story/`)
      expect(missing?.status()).toBe(404)
      await expect(headline(page)).resolves.toBe('Page not found')
      await checkA11y(page)
    } finally {
      await context.close()
    }
  }, 180_000)

  it('works the same with JavaScript turned off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } })
    try {
      await readTheNews(context, async () => {})
    } finally {
      await context.close()
    }
  }, 90_000)
})
