// A page that is not news (About, Contact): title and body only; no dates, byline, comments or related news.
import type { PublicPage } from '../content/index.js'
import { Layout, type HeadInfo, type SiteInfo } from '../ui/index.js'

export interface PageView {
  site: SiteInfo
  page: PublicPage
  head: HeadInfo
}

export function PagePage({ site, page, head }: PageView) {
  return (
    <Layout site={site} head={head}>
      <article class="article page" aria-labelledby="page-title">
        <h1 id="page-title" class="article__headline">{page.title}</h1>
        <div class="article__body" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
      </article>
    </Layout>
  )
}
