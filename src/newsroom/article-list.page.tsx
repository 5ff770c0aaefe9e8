// The Articles page: every article, drafts included, filtered by status, section, author and text, a page at a time.
import type { ArticleStatus, EditorialListItem } from '../content/index.js'
import { formatDateTime } from '../ui/index.js'
import { NewsroomLayout, type Chrome } from './layout.js'

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft', scheduled: 'Scheduled', published: 'Published', unpublished: 'Unpublished',
}

export interface ArticleListFilters {
  status: string
  section: string
  author: string
  q: string
  /** '1': only the articles the signed-in person created. */
  mine: string
}

export interface ArticleListView {
  chrome: Chrome
  items: EditorialListItem[]
  total: number
  page: number
  pages: number
  filters: ArticleListFilters
  sections: { id: number; name: string }[]
  authors: { id: number; name: string }[]
  notice?: string | undefined
  /** The editor's stylesheet (status badges, filters). */
  style: string
}

export function ArticleListPage({ chrome, items, total, page, pages, filters, sections, authors, notice, style }: ArticleListView) {
  const query = (p: number) => {
    const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), ...(p > 1 ? { page: String(p) } : {}) })
    const s = params.toString()
    return `/newsroom/articles${s ? `?${s}` : ''}`
  }
  return (
    <NewsroomLayout chrome={chrome} title="Articles" current="articles" notice={notice}>
      <link rel="stylesheet" href={style} />
      <p><a class="nr-button" href="/newsroom/articles/new">New article</a></p>
      <form method="get" action="/newsroom/articles" class="nr-panel nr-filters" role="search" aria-label="Filter articles">
        <div class="nr-field">
          <label for="filter-status">Status</label>
          <select id="filter-status" name="status">
            <option value="">Any status</option>
            {(Object.keys(statusLabels) as ArticleStatus[]).map((s) => <option value={s} selected={filters.status === s}>{statusLabels[s]}</option>)}
          </select>
        </div>
        <div class="nr-field">
          <label for="filter-section">Section</label>
          <select id="filter-section" name="section">
            <option value="">Any section</option>
            {sections.map((s) => <option value={String(s.id)} selected={filters.section === String(s.id)}>{s.name}</option>)}
          </select>
        </div>
        <div class="nr-field">
          <label for="filter-author">Author</label>
          <select id="filter-author" name="author">
            <option value="">Any author</option>
            {authors.map((a) => <option value={String(a.id)} selected={filters.author === String(a.id)}>{a.name}</option>)}
          </select>
        </div>
        <div class="nr-field">
          <label for="filter-q">Text</label>
          <input type="search" id="filter-q" name="q" value={filters.q} maxLength={200} />
        </div>
        <div class="nr-check">
          <input type="checkbox" id="filter-mine" name="mine" value="1" checked={filters.mine === '1'} />
          <label for="filter-mine">Only my articles</label>
        </div>
        <div class="nr-actions"><button type="submit" class="nr-button nr-button--quiet">Filter</button></div>
      </form>
      <p class="nr-muted" role="status">{total} {total === 1 ? 'article' : 'articles'}</p>
      {items.length > 0 && (
        <table class="nr-table">
          <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">Section</th><th scope="col">Authors</th><th scope="col">Last changed</th></tr></thead>
          <tbody>
            {items.map((a) => (
              <tr>
                <td>
                  <a href={`/newsroom/articles/${a.id}`}>{a.headline || 'Untitled'}</a>
                  {a.status === 'published' && <> · <a class="nr-muted" href={a.path}>view<span class="visually-hidden"> “{a.headline}” on the site</span></a></>}
                </td>
                <td><span class={`nr-status nr-status--${a.status}`}>{statusLabels[a.status]}</span>
                  {a.status === 'scheduled' && a.publishedAt && <> <time datetime={a.publishedAt.toISOString()}>{formatDateTime(a.publishedAt, chrome.timeZone)}</time></>}</td>
                <td>{a.section}</td>
                <td>{a.authors.join(', ')}</td>
                <td><time datetime={a.modifiedAt.toISOString()}>{formatDateTime(a.modifiedAt, chrome.timeZone)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav class="nr-pagination" aria-label="Pages">
          {page > 1 ? <a rel="prev" href={query(page - 1)}>← Newer</a> : <span />}
          <span>Page {page} of {pages}</span>
          {page < pages ? <a rel="next" href={query(page + 1)}>Older →</a> : <span />}
        </nav>
      )}
    </NewsroomLayout>
  )
}
