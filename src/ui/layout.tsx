// The page shell every reader page shares: head, skip link, masthead with today's date, navigation, footer.
import type { ComponentChildren } from 'preact'
import { formatMastheadDate } from './format.js'
import { absolute, type SiteInfo } from './site-info.js'
import { htmlTemplate } from './template.js'

export interface HeadInfo {
  title: string
  description?: string | undefined
  /** Path of the canonical URL, made absolute with the configured site URL. */
  canonical?: string | undefined
  feeds?: { title: string; href: string; type?: string }[] | undefined
  /** Open Graph and Twitter card values. */
  og?: {
    type: string; image?: string | undefined; imageAlt?: string | undefined; imageWidth?: number | null | undefined; imageHeight?: number | null | undefined
  } | undefined
  /** Structured data objects, each written as one JSON-LD script. */
  jsonLd?: object[] | undefined
  noindex?: boolean | undefined
  /** Extra tags such as article:published_time. */
  meta?: { property: string; content: string }[] | undefined
}

/** JSON for a script tag: `<` is escaped so no string can close the element. */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value)
  // Most structured data holds none of these: one scan instead of three replacements.
  return /[<\u2028\u2029]/.test(json) ? json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029') : json
}

export function Layout({ site, head, current, children }: {
  site: SiteInfo
  head: HeadInfo
  /** Slug of the section to mark as current in the navigation. */
  current?: string | undefined
  children: ComponentChildren
}) {
  const title = head.title === site.name ? site.name : `${head.title} | ${site.name}`
  const canonical = head.canonical ? absolute(site, head.canonical) : undefined
  const description = head.description ?? site.description
  // A page without a picture of its own still shows one in link previews: the site's default card.
  const card = head.og?.image
    ? { url: head.og.image, alt: head.og.imageAlt, width: head.og.imageWidth ?? undefined, height: head.og.imageHeight ?? undefined }
    : site.defaultImage
  return (
    <html lang={site.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {canonical && <link rel="canonical" href={canonical} />}
        {head.noindex && <meta name="robots" content="noindex" />}
        <link rel="stylesheet" href={site.stylesheet} />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {(head.feeds ?? [{ title: site.name, href: '/feed/' }]).map((f) => (
          <link rel="alternate" type={f.type ?? 'application/rss+xml'} title={f.title} href={absolute(site, f.href)} />
        ))}
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={description} />
        <meta property="og:type" content={head.og?.type ?? 'website'} />
        {canonical && <meta property="og:url" content={canonical} />}
        {card && <meta property="og:image" content={absolute(site, card.url)} />}
        {card?.width && <meta property="og:image:width" content={String(card.width)} />}
        {card?.height && <meta property="og:image:height" content={String(card.height)} />}
        {card?.alt && <meta property="og:image:alt" content={card.alt} />}
        <meta name="twitter:card" content={card ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={head.title} />
        <meta name="twitter:description" content={description} />
        {card && <meta name="twitter:image" content={absolute(site, card.url)} />}
        {card?.alt && <meta name="twitter:image:alt" content={card.alt} />}
        {(head.meta ?? []).map((m) => <meta property={m.property} content={m.content} />)}
        {(head.jsonLd ?? []).map((data) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />
        ))}
        {site.script && <script type="module" src={site.script} />}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="masthead" role="banner" dangerouslySetInnerHTML={{
          __html: masthead(site.sections, current)({
            date: site.now.toISOString(), today: formatMastheadDate(site.now, site.timeZone, site.language), name: site.name,
          }),
        }} />
        <main id="main" tabindex={-1}>{children}</main>
        <footer class="site-footer" role="contentinfo" dangerouslySetInnerHTML={{ __html: footerOf(site.footerPages ?? [])({ name: site.name, description: site.description }) }} />
      </body>
    </html>
  )
}

// The masthead and footer are the same on every page but for a few values: rendered once per section list and
// current section, then filled in.
const mastheads = new Map<string, ReturnType<typeof mastheadTemplate>>()

function masthead(sections: SiteInfo['sections'], current: string | undefined) {
  const key = `${current ?? ''}\u0001${sections.map((s) => `${s.slug}\u0002${s.name}`).join('\u0001')}`
  let template = mastheads.get(key)
  if (!template) {
    if (mastheads.size >= 500) mastheads.clear()
    mastheads.set(key, (template = mastheadTemplate(sections, current)))
  }
  return template
}

const mastheadTemplate = (sections: SiteInfo['sections'], current: string | undefined) => htmlTemplate(['date', 'today', 'name'], (s) => (
  <>
    <div class="masthead__top">
      <time class="masthead__date" datetime={s.date}>{s.today}</time>
      <a class="masthead__search" href="/search">Search</a>
    </div>
    <a class="masthead__name" href="/">{s.name}</a>
    <nav class="sections" aria-label="Sections">
      <ul>
        {sections.map((section) => (
          <li><a href={`/${section.slug}/`} aria-current={current === section.slug ? 'page' : undefined}>{section.name}</a></li>
        ))}
      </ul>
    </nav>
  </>
))

const footers = new Map<string, ReturnType<typeof footerTemplate>>()

function footerOf(pages: NonNullable<SiteInfo['footerPages']>) {
  const key = pages.map((p) => `${p.path}\u0002${p.title}`).join('\u0001')
  let template = footers.get(key)
  if (!template) {
    if (footers.size >= 100) footers.clear()
    footers.set(key, (template = footerTemplate(pages)))
  }
  return template
}

const footerTemplate = (pages: NonNullable<SiteInfo['footerPages']>) => htmlTemplate(['name', 'description'], (s) => (
  <>
    <p><a href="/">{s.name}</a> · {s.description}</p>
    {pages.length > 0 && (
      <nav aria-label="About this site" class="site-footer__pages">
        <ul>{pages.map((p) => <li><a href={p.path}>{p.title}</a></li>)}</ul>
      </nav>
    )}
    <nav aria-label="Site">
      <ul>
        <li><a href="/feed/">RSS</a></li>
        <li><a href="/feed/atom/">Atom</a></li>
        <li><a href="/feed/json/">JSON Feed</a></li>
        <li><a href="/sitemap.xml">Sitemap</a></li>
        <li><a href="/search">Search</a></li>
      </ul>
    </nav>
  </>
))
