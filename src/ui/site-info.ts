// What every page knows about the site it belongs to.
export interface NavSection { slug: string; name: string }

export interface SiteInfo {
  name: string
  description: string
  /** Absolute base URL without a trailing slash, from configuration. */
  url: string
  language: string
  timeZone: string
  sections: NavSection[]
  /** The moment the page was rendered, for the masthead date. */
  now: Date
  /** Versioned path of the stylesheet. */
  stylesheet: string
  /** Versioned path of the progressive-enhancement script, when there is one. */
  script?: string | undefined
  logo: string
  /** The card shown for pages without a picture of their own (link previews, NewsArticle image); from Settings. */
  defaultImage?: { url: string; width: number; height: number; alt: string } | undefined
  /** Pages (About, Contact…) the newsroom marked for the footer, in their order. */
  footerPages?: readonly { path: string; title: string }[] | undefined
}

export const absolute = (site: Pick<SiteInfo, 'url'>, path: string) => (/^https?:\/\//.test(path) ? path : `${site.url}${path}`)
