// Search: a form that works without JavaScript, ranked results with highlighted snippets, and clear empty states.
import { renderToString } from 'preact-render-to-string'
import type { ArticleSummary } from '../content/index.js'
import { Layout, Pagination, Time, type HeadInfo, type SiteInfo } from '../ui/index.js'

export interface SearchView {
  site: SiteInfo
  head: HeadInfo
  query: string
  results: readonly SearchResultView[]
  total: number
  /** More than `total` articles match: the count stopped there. */
  more?: boolean
  page: number
  pages: number
  pageSize: number
}

export interface SearchResultView { article: ArticleSummary; snippet: string }

/** Snippet text arrives with \u0002…\u0003 around matches; everything is escaped by JSX, and only those become marks. */
export function Snippet({ text }: { text: string }) {
  if (!text) return null
  const parts = text.split(/(\u0002[^\u0002\u0003]*\u0003)/)
  return (
    <p class="result__snippet">
      {parts.map((p) => (p.startsWith('\u0002') && p.endsWith('\u0003') ? <mark>{p.slice(1, -1)}</mark> : p.replace(/[\u0002\u0003]/g, '')))}
    </p>
  )
}

function SearchForm({ query }: { query: string }) {
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <label for="q">Search the archive</label>
      <input id="q" name="q" type="search" value={query} maxLength={200} />
      <button type="submit">Search</button>
    </form>
  )
}

function Summary({ query, total, more, page, pages, shown }: { query: string; total: number; more: boolean; page: number; pages: number; shown: number }) {
  if (!query) return <p class="search-summary">Type a few words from a headline or story. Use “quotes” for an exact phrase and -word to leave a word out.</p>
  if (total === 0) {
    return (
      <div class="search-empty" role="status">
        <p class="search-summary">No articles match “{query}”.</p>
        <ul>
          <li>Check the spelling, or try fewer or more general words.</li>
          <li>Search for a person, a place or a company named in the story.</li>
          <li>Or browse the <a href="/">front page</a> and its sections.</li>
        </ul>
      </div>
    )
  }
  if (shown === 0) {
    const counted = more ? `first ${total.toLocaleString('en')} results fit` : `${total} ${total === 1 ? 'result fits' : 'results fit'}`
    return <p class="search-summary" role="status">There is no page {page} for “{query}”: its {counted} on {pages} {pages === 1 ? 'page' : 'pages'}. <a href={`/search?q=${encodeURIComponent(query)}`}>Back to the first page</a>.</p>
  }
  return (
    <p class="search-summary" role="status">
      {more ? `More than ${total.toLocaleString('en')} articles match` : `${total} ${total === 1 ? 'article matches' : 'articles match'}`} “{query}”{pages > 1 ? `, page ${page} of ${pages}` : ''}.
    </p>
  )
}

function Result({ article, snippet, timeZone }: SearchResultView & { timeZone: string }) {
  return (
    <li class="result">
      <h2 class="result__headline">
        {article.topic && <span class="teaser__topic">{article.topic.name}<span aria-hidden="true"> | </span></span>}
        <a href={article.path}>{article.headline}</a>
      </h2>
      <Snippet text={snippet} />
      <p class="teaser__meta">{article.section.name}{article.publishedAt && <> · <Time date={article.publishedAt} timeZone={timeZone} /></>}</p>
    </li>
  )
}

// Search hands every repeat of a query the same list of results until content changes, so the list's markup, most of
// the page's rendering, is made once per list (and time zone) and dropped with it.
const renderedResults = new WeakMap<readonly SearchResultView[], Map<string, string>>()

function resultItems(results: readonly SearchResultView[], timeZone: string): string {
  let byZone = renderedResults.get(results)
  if (!byZone) renderedResults.set(results, (byZone = new Map()))
  let html = byZone.get(timeZone)
  if (html === undefined) {
    html = renderToString(<>{results.map((r) => <Result {...r} timeZone={timeZone} />)}</>)
    // Rendering leaves a tree of small joined strings, several times the text's size; reading a character makes V8
    // store it flat, which is what is kept.
    html.charCodeAt(0)
    byZone.set(timeZone, html)
  }
  return html
}

export function SearchPage({ site, head, query, results, total, more = false, page, pages, pageSize }: SearchView) {
  return (
    <Layout site={site} head={head}>
      <header class="list-header">
        <h1>Search</h1>
        <SearchForm query={query} />
      </header>
      <Summary query={query} total={total} more={more} page={page} pages={pages} shown={results.length} />
      {results.length > 0 && <ol class="results" start={(page - 1) * pageSize + 1} dangerouslySetInnerHTML={{ __html: resultItems(results, site.timeZone) }} />}
      {results.length > 0 && <Pagination page={page} pages={pages} href={(p) => `/search?q=${encodeURIComponent(query)}&page=${p}`} />}
    </Layout>
  )
}
