// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): both HTML and plain-text content, so any reader finds one it likes.
import type { FeedChannel, FeedEntry } from './feed-entry.js'
import { w3cDate } from './xml.js'

export const jsonFeedContentType = 'application/feed+json; charset=utf-8'

export function renderJsonFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.urls.json,
    description: channel.description || undefined,
    icon: channel.icon,
    language: channel.language,
    authors: [{ name: channel.siteName, url: `${channel.siteUrl}/` }],
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      summary: e.summary,
      content_html: e.contentHtml,
      content_text: e.contentText,
      image: e.image?.url,
      date_published: w3cDate(e.published),
      date_modified: w3cDate(e.updated),
      authors: e.authors.length ? e.authors : undefined,
      tags: e.categories,
    })),
  })
}
