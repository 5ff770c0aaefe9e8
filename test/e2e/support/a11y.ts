// checkA11y(page): runs axe-core on the page as it is and fails on serious or critical violations.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export interface A11yOptions {
  /** CSS selectors axe should skip, for third-party embeds the site does not control. */
  exclude?: string[]
}

/** Resolves with the minor and moderate findings (for logging); throws listing every serious or critical one. */
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
