// checkA11y(page): runs axe-core on the page as it is and fails on serious or critical violations.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export interface A11yOptions {
  /** CSS selectors axe should skip, for third-party embeds the site does not control. */
  exclude?: string[]
}

/**
 * Resolves with the minor and moderate findings (for logging); throws listing every serious or critical one.
 * The page must come from `browser.newContext()`, not `browser.newPage()` (axe's Playwright binding needs the context).
 * @example const page = await (await browser.newContext()).newPage(); await page.goto(url); await checkA11y(page)
 */
export async function checkA11y(page: Page, { exclude = [] }: A11yOptions = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
  for (const selector of exclude) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (blocking.length) {
    const lines = blocking.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
    throw new Error(`axe found ${blocking.length} serious or critical problem(s) on ${page.url()}:\n${lines.join('\n')}`)
  }
  return violations
}
