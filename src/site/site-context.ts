// The per-request SiteInfo: stored settings (configuration as fallback) plus the section list, read once and dropped on any change.
import type { Deps } from '../platform/deps.js'
import {
  findDefaultCardImage, getSettings, listFooterPages, listSections, type CardImage, type FooterLink, type Section, type SiteSettings,
} from '../content/index.js'
import type { SiteInfo } from '../ui/index.js'
import type { Assets } from './assets.js'

export interface SiteContext {
  siteInfo(): Promise<SiteInfo>
  sections(): Promise<Section[]>
  /** Stored settings with configuration as fallback, re-read every few seconds and at once after a local change. */
  settings(): Promise<SiteSettings>
  /** The settings last read, for pages that must render without waiting (error pages); undefined before the first read. */
  knownSettings(): SiteSettings | undefined
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
  let footer: Promise<FooterLink[]> | undefined
  let footerAt = 0
  deps.events.on(() => { footer = undefined })
  const loadFooter = () => {
    // Pages saved by another process (an import) reach the footer within 5 seconds, like sections.
    if (!footer || Date.now() - footerAt > 5000) {
      footerAt = Date.now()
      footer = listFooterPages(deps.db)
      footer.catch(() => { footer = undefined })
    }
    return footer
  }
  const { config } = deps
  let settings: Promise<SiteSettings> | undefined
  let card: Promise<CardImage | undefined> | undefined
  let known: SiteSettings | undefined
  let settingsAt = 0
  deps.events.on(() => { settings = undefined })
  const loadSettings = () => {
    // Settings saved by another process arrive within 5 seconds, like sections.
    if (!settings || Date.now() - settingsAt > 5000) {
      settingsAt = Date.now()
      const loading = getSettings(deps.db, config)
      settings = loading
      // The default card is read with the settings that name it, not once per page.
      card = loading.then((s) => findDefaultCardImage(deps.db, s))
      card.catch(() => { card = undefined })
      loading.then((s) => { known = s }, () => { settings = undefined })
    }
    return settings
  }
  void loadSettings().catch(() => {})
  // Error pages read `known` without waiting: refresh it as soon as settings change.
  deps.events.on((event) => { if (event.type === 'settings.changed') void loadSettings().catch(() => {}) })
  return {
    sections: load,
    settings: loadSettings,
    knownSettings: () => known,
    async siteInfo() {
      const site = await loadSettings()
      return {
        name: site.name,
        description: site.description,
        url: config.siteUrl,
        language: site.language,
        timeZone: site.timeZone,
        sections: (await load()).map((s) => ({ slug: s.slug, name: s.name })),
        now: deps.clock.now(),
        stylesheet: assets.path('site.css'),
        script: assets.path('site.js').endsWith('site.js') ? undefined : assets.path('site.js'),
        logo: site.logo || assets.path('logo.svg'),
        defaultImage: await (card ?? Promise.resolve(undefined)).catch(() => undefined),
        footerPages: await loadFooter(),
      }
    },
  }
}
