import { describe, expect, it } from 'vitest'
import Parser from 'rss-parser'
import { escapeXml, w3cDate } from '../../src/feeds/xml.js'
import { newsLanguage } from '../../src/feeds/sitemaps.js'
import { renderRss } from '../../src/feeds/rss.js'
import { absoluteLinks } from '../../src/feeds/feed-entry.js'

describe('feed XML', () => {
  it('escapes markup and a CDATA terminator, and drops characters XML cannot carry', () => {
    expect(escapeXml('a < b & "c" \'d\' ]]>')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; ]]&gt;')
    expect(escapeXml('bell\u0007 form\u000c feed\ufffe tab\tok \ud83d\udcf0 lone\ud800')).toBe('bell form feed tab\tok \ud83d\udcf0 lone')
  })

  it('keeps a feed parseable whatever an editor typed into a headline', async () => {
    const at = new Date('2026-11-25T09:00:00Z')
    const xml = renderRss(
      { title: 'T', description: '', homeUrl: 'https://x.test/', urls: { rss: 'https://x.test/feed/', atom: '', json: '' }, language: 'en', id: '', updated: at, siteName: 'T', siteUrl: 'https://x.test', icon: '' },
      [{ id: 'tag:x.test,2026:article:1', url: 'https://x.test/a/', title: 'Bell\u0007 & <b>]]></b>', published: at, updated: at, authors: [], categories: [], summary: 's', contentHtml: '<p>]]></p>', contentText: ']]>', image: undefined }],
    )
    const feed = await new Parser().parseString(xml)
    expect(feed.items[0]?.title).toBe('Bell & <b>]]></b>')
  })

  it('writes W3C datetimes to the second and ISO 639 codes for Google News', () => {
    expect(w3cDate(new Date('2026-11-25T09:00:00.123Z'))).toBe('2026-11-25T09:00:00Z')
    expect(newsLanguage('en-GB')).toBe('en')
    expect(newsLanguage('pt')).toBe('pt')
    expect(newsLanguage('zh-Hant')).toBe('zh-tw')
  })

  it('makes site-relative links and images absolute, leaving others alone', () => {
    expect(absoluteLinks({ url: 'https://x.test' }, '<a href="/a/">a</a><img src="/m.jpg"><a href="https://o.test/">o</a>'))
      .toBe('<a href="https://x.test/a/">a</a><img src="https://x.test/m.jpg"><a href="https://o.test/">o</a>')
  })
})
