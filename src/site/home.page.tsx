// The front page: lead story, top stories, latest, a block per section, current topics.
import type { ArticleSummary, Section, Topic } from '../content/index.js'
import { Layout, Teaser, type HeadInfo, type SiteInfo } from '../ui/index.js'

export interface HomeView {
  site: SiteInfo
  head: HeadInfo
  lead: ArticleSummary | undefined
  top: ArticleSummary[]
  latest: ArticleSummary[]
  sections: { section: Section; articles: ArticleSummary[] }[]
  topics: Topic[]
}

export function HomePage({ site, head, lead, top, latest, sections, topics }: HomeView) {
  return (
    <Layout site={site} head={head}>
      <h1 class="visually-hidden">{site.name}: front page</h1>
      <div class="front">
        <section class="front__lead" aria-labelledby="top-stories">
          <h2 id="top-stories" class="visually-hidden">Top stories</h2>
          {lead && <Teaser article={lead} site={site} size="lead" headingLevel={3} eager />}
          <div class="front__top">
            {top.map((a) => <Teaser article={a} site={site} size="top" headingLevel={3} />)}
          </div>
        </section>
        <aside class="front__aside">
          <section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading" class="block-heading">Latest</h2>
            <ol class="latest__list">
              {latest.map((a) => <li><Teaser article={a} site={site} size="compact" headingLevel={3} /></li>)}
            </ol>
          </section>
          {topics.length > 0 && (
            <section class="topics" aria-labelledby="topics-heading">
              <h2 id="topics-heading" class="block-heading">Running stories</h2>
              <ul class="topics__list">
                {topics.map((t) => <li><a href={`/topic/${t.slug}/`}>{t.name}</a></li>)}
              </ul>
            </section>
          )}
        </aside>
      </div>
      {sections.filter((s) => s.articles.length > 0).map(({ section, articles }) => (
        <section class="section-block" aria-labelledby={`section-${section.slug}`}>
          <h2 id={`section-${section.slug}`} class="block-heading"><a href={`/${section.slug}/`}>{section.name}</a></h2>
          <div class="section-block__list">
            {articles.map((a, i) => <Teaser article={a} site={site} size={i === 0 ? 'top' : 'list'} headingLevel={3} />)}
          </div>
        </section>
      ))}
    </Layout>
  )
}
