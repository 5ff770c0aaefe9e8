// Atom (RFC 4287): a feed-level author covers entries without a byline, as the format requires.
import type { FeedChannel, FeedEntry } from './feed-entry.js'
import { attributes, element, w3cDate, xmlDeclaration } from './xml.js'

export const atomContentType = 'application/atom+xml; charset=utf-8'

const link = (attrs: Record<string, string>) => `<link${attributes(attrs)}/>`

function entry(e: FeedEntry): string {
  return [
    '<entry>',
    element('id', e.id),
    element('title', e.title, { type: 'text' }),
    link({ rel: 'alternate', type: 'text/html', href: e.url }),
    element('published', w3cDate(e.published)),
    element('updated', w3cDate(e.updated)),
    ...e.authors.map((a) => `<author>${element('name', a.name)}${element('uri', a.url)}</author>`),
    ...e.categories.map((c) => `<category${attributes({ term: c })}/>`),
    element('summary', e.summary, { type: 'text' }),
    element('content', e.contentHtml, { type: 'html' }),
    '</entry>',
  ].join('')
}

export function renderAtom(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return xmlDeclaration + [
    `<feed xmlns="http://www.w3.org/2005/Atom"${attributes({ 'xml:lang': channel.language })}>`,
    element('id', channel.id),
    element('title', channel.title, { type: 'text' }),
    element('subtitle', channel.description, { type: 'text' }),
    element('updated', w3cDate(channel.updated)),
    link({ rel: 'self', type: 'application/atom+xml', href: channel.urls.atom }),
    link({ rel: 'alternate', type: 'text/html', href: channel.homeUrl }),
    `<author>${element('name', channel.siteName)}${element('uri', `${channel.siteUrl}/`)}</author>`,
    element('icon', channel.icon),
    element('generator', 'Dateline'),
    ...entries.map(entry),
    '</feed>',
  ].join('\n') + '\n'
}
