// The per-request SiteInfo: configuration plus the section list, which is read once and dropped on any change.
import type { Deps } from '../platform/deps.js'
import { listSections, type Section } from '../content/index.js'
import type { SiteInfo } from '../ui/index.js'
import type { Assets } from './assets.js'

export interface SiteContext {
  siteInfo(): Promise<SiteInfo>
  sections(): Promise<Section[]>
}

export function createSiteContext(deps: Pick<Deps, 'db' | 'config' | 'clock' | 'events'>, assets: Assets): SiteContext {
  let sections: Promise<Section[]> | undefined
  let loadedAt = 0
  deps.events.on(() => { sections = undefined })
  const load = () => {
    // Other processes change sections too; re-read at most every 5 seconds.
    if (!sections || Date.now() - loadedAt > 5000) {
      loadedAt = Date.now()
      sections = listSections(deps.db)
      sections.catch(() => { sections = undefined })
    }
    return sections
  }
  const { config } = deps
  return {
    sections: load,
    async siteInfo() {
      return {
        name: config.siteName,
        description: config.siteDescription,
        url: config.siteUrl,
        language: config.siteLanguage,
        timeZone: config.siteTimezone,
        sections: (await load()).map((s) => ({ slug: s.slug, name: s.name })),
        now: deps.clock.now(),
        stylesheet: assets.path('site.css'),
        script: assets.path('site.js').endsWith('site.js') ? undefined : assets.path('site.js'),
        logo: assets.path('logo.svg'),
      }
    },
  }
}
