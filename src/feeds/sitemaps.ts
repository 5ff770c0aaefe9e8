// Sitemap protocol 0.9 (index and url sets), the Google News extension, and robots.txt that points at both.
import { element, w3cDate, xmlDeclaration } from './xml.js'

export const sitemapNs = 'http://www.sitemaps.org/schemas/sitemap/0.9'
export const newsNs = 'http://www.google.com/schemas/sitemap-news/0.9'
export const xmlContentType = 'application/xml; charset=utf-8'

/** Ample room under the protocol's 50,000-URL ceiling, and small enough to build in one quick query. */
export const articlesPerSitemap = 5000
/** Google News reads only the last 48 hours, and at most 1,000 URLs per sitemap. */
export const newsWindowMs = 48 * 60 * 60 * 1000
export const newsLimit = 1000

export interface SitemapRef { loc: string; lastmod?: Date | undefined }
export interface SitemapUrl { loc: string; lastmod?: Date | undefined }
export interface NewsUrl { loc: string; title: string; published: Date }

export function renderSitemapIndex(sitemaps: readonly SitemapRef[]): string {
  return xmlDeclaration + [
    `<sitemapindex xmlns="${sitemapNs}">`,
    ...sitemaps.map((s) => `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', w3cDate(s.lastmod)) : ''}</sitemap>`),
    '</sitemapindex>',
  ].join('\n') + '\n'
}

export function renderUrlSet(urls: readonly SitemapUrl[]): string {
  return xmlDeclaration + [
    `<urlset xmlns="${sitemapNs}">`,
    ...urls.map((u) => `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', w3cDate(u.lastmod)) : ''}</url>`),
    '</urlset>',
  ].join('\n') + '\n'
}

/**
 * Google News wants an ISO 639 code ("en", "pt"), except zh-cn and zh-tw for the two Chinese scripts.
 * @example newsLanguage('en-GB') // 'en'
 */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase().replace('_', '-')
  if (lower === 'zh-cn' || lower === 'zh-hans' || lower === 'zh-hans-cn') return 'zh-cn'
  if (lower === 'zh-tw' || lower === 'zh-hant' || lower === 'zh-hant-tw') return 'zh-tw'
  return lower.split('-')[0] || 'en'
}

export function renderNewsSitemap(publication: { name: string; language: string }, urls: readonly NewsUrl[]): string {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', newsLanguage(publication.language))}</news:publication>`
  return xmlDeclaration + [
    `<urlset xmlns="${sitemapNs}" xmlns:news="${newsNs}">`,
    ...urls.map((u) => `<url>${element('loc', u.loc)}<news:news>${pub}${element('news:publication_date', w3cDate(u.published))}${element('news:title', u.title)}</news:news></url>`),
    '</urlset>',
  ].join('\n') + '\n'
}

export function renderRobots(siteUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /newsroom/',
    'Disallow: /search',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    '',
  ].join('\n')
}
