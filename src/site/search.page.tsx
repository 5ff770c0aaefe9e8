// Search: a form that works without JavaScript, ranked results with highlighted snippets.
import type { ArticleSummary } from '../content/index.js'
import { Layout, Pagination, Time, type HeadInfo, type SiteInfo } from '../ui/index.js'

export interface SearchView {
  site: SiteInfo
  head: HeadInfo
  query: string
  results: { article: ArticleSummary; snippet: string }[]
  total: number
  page: number
  pages: number
}

/** Snippet text arrives with \u0002…\u0003 around matches; escape everything, then mark those. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/)
  return (
    <p class="result__snippet">
      {parts.map((p) => (p.startsWith('\u0002') ? <mark>{p.slice(1, -1)}</mark> : p.replace(/[\u0002\u0003]/g, '')))}
    </p>
  )
}

export function SearchPage({ site, head, query, results, total, page, pages }: SearchView) {
  return (
    <Layout site={site} head={head}>
      <header class="list-header">
        <h1>Search</h1>
        <form class="search-form" role="search" action="/search" method="get">
          <label for="q">Search the archive</label>
          <input id="q" name="q" type="search" value={query} maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </header>
      {query && (
        <p class="search-summary" role="status">
          {total === 0 ? `No articles match “${query}”.` : `${total} ${total === 1 ? 'article matches' : 'articles match'} “${query}”.`}
        </p>
      )}
      <ol class="results">
        {results.map(({ article, snippet }) => (
          <li class="result">
            <h2 class="result__headline">
              {article.topic && <span class="teaser__topic">{article.topic.name}<span aria-hidden="true"> | </span></span>}
              <a href={article.path}>{article.headline}</a>
            </h2>
            <Snippet text={snippet} />
            <p class="teaser__meta">{article.section.name}{article.publishedAt && <> · <Time date={article.publishedAt} timeZone={site.timeZone} /></>}</p>
          </li>
        ))}
      </ol>
      <Pagination page={page} pages={pages} href={(p) => `/search?q=${encodeURIComponent(query)}&page=${p}`} />
    </Layout>
  )
}
