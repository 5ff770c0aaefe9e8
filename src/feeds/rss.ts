// RSS 2.0 with content:encoded for the full body and dc:creator for authors (RSS's own <author> wants an email).
import type { FeedChannel, FeedEntry } from './feed-entry.js'
import { attributes, element, rfc822Date, xmlDeclaration } from './xml.js'

export const rssContentType = 'application/rss+xml; charset=utf-8'

function item(e: FeedEntry): string {
  return [
    '<item>',
    element('title', e.title),
    element('link', e.url),
    element('guid', e.id, { isPermaLink: 'false' }),
    element('pubDate', rfc822Date(e.published)),
    ...e.authors.map((a) => element('dc:creator', a.name)),
    ...e.categories.map((c) => element('category', c)),
    element('description', e.summary),
    element('content:encoded', e.contentHtml),
    '</item>',
  ].join('')
}

export function renderRss(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return xmlDeclaration + [
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    element('title', channel.title),
    element('link', channel.homeUrl),
    element('description', channel.description || channel.title),
    element('language', channel.language),
    element('lastBuildDate', rfc822Date(channel.updated)),
    element('generator', 'Dateline'),
    `<atom:link${attributes({ href: channel.urls.rss, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...entries.map(item),
    '</channel>',
    '</rss>',
  ].join('\n') + '\n'
}
