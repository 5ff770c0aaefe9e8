// schema.org JSON-LD for articles and breadcrumbs; absolute URLs come from the configured site URL only.
import type { PublicArticle } from '../content/index.js'
import { absolute, type SiteInfo } from '../ui/index.js'

/** The article's own picture, else the site's default card: Google asks every NewsArticle for an image. */
function imageLd(site: SiteInfo, article: PublicArticle): { image?: (object | string)[] } {
  const own = article.image
  if (own) {
    return { image: [own.width && own.height ? { '@type': 'ImageObject', url: absolute(site, own.url), width: own.width, height: own.height } : absolute(site, own.url)] }
  }
  const card = site.defaultImage
  return card ? { image: [{ '@type': 'ImageObject', url: absolute(site, card.url), width: card.width, height: card.height }] } : {}
}

export function newsArticleLd(site: SiteInfo, article: PublicArticle): object {
  const url = absolute(site, article.path)
  const dateModified = article.updatedAt || article.corrections.length
    ? new Date(Math.max(...[article.updatedAt, ...article.corrections.map((c) => c.createdAt)].filter((d): d is Date => !!d).map((d) => d.getTime())))
    : article.publishedAt
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.seoDescription || article.standfirst,
    ...imageLd(site, article),
    datePublished: article.publishedAt?.toISOString(),
    dateModified: dateModified?.toISOString(),
    author: article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absolute(site, `/author/${a.slug}/`) })),
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: site.name,
      url: `${site.url}/`,
      logo: { '@type': 'ImageObject', url: absolute(site, site.logo) },
    },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    articleSection: article.section.name,
    ...(article.dateline ? { locationCreated: { '@type': 'Place', name: article.dateline } } : {}),
    isAccessibleForFree: true,
    inLanguage: site.language,
  }
}

export function breadcrumbLd(site: SiteInfo, trail: { name: string; path: string }[]): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((t, i) => ({ '@type': 'ListItem', position: i + 1, name: t.name, item: absolute(site, t.path) })),
  }
}
