// One page for every archive: a section, a topic hub, an author, a tag; paginated, with its feed.
import type { ArticleSummary } from '../content/index.js'
import { Layout, Pagination, Teaser, type HeadInfo, type SiteInfo } from '../ui/index.js'

export interface ListView {
  site: SiteInfo
  head: HeadInfo
  kind: 'section' | 'topic' | 'author' | 'tag'
  title: string
  description: string
  /** Path of the archive's first page, e.g. /politics/ */
  basePath: string
  feedPath: string
  articles: ArticleSummary[]
  page: number
  pages: number
  current?: string | undefined
}

const kindLabel = { section: 'Section', topic: 'Running story', author: 'Author', tag: 'Tag' }

export function ListPage({ site, head, kind, title, description, basePath, feedPath, articles, page, pages, current }: ListView) {
  return (
    <Layout site={site} head={head} current={current}>
      <header class="list-header">
        <p class="list-header__kind">{kindLabel[kind]}</p>
        <h1>{title}</h1>
        {description && <p class="list-header__description">{description}</p>}
        <p class="list-header__feed"><a href={feedPath}>RSS feed for {title}</a></p>
      </header>
      {articles.length === 0 ? (
        <p class="empty">Nothing has been published here yet.</p>
      ) : (
        <div class="list">
          {articles.map((a, i) => <Teaser article={a} site={site} size="list" headingLevel={2} eager={i < 2 && page === 1} />)}
        </div>
      )}
      <Pagination page={page} pages={pages} href={(p) => (p === 1 ? basePath : `${basePath}?page=${p}`)} />
    </Layout>
  )
}
