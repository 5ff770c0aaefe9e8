// The article page: topic label | headline, standfirst, byline and times, body with "Also read", related news, comments.
import type { ArticleSummary, PublicArticle } from '../content/index.js'
import { AuthorLinks, Layout, Picture, Time, TopicLabel, teaserMarkup, type HeadInfo, type SiteInfo } from '../ui/index.js'
import { splitForAlsoRead } from './body.js'

export interface ArticleView {
  site: SiteInfo
  article: PublicArticle
  alsoRead: ArticleSummary | undefined
  related: ArticleSummary[]
  /** The story's previous article, when it is not a copy of this one: linked after the body as "Earlier coverage". */
  earlier?: ArticleSummary | undefined
  head: HeadInfo
  /** Rendered by the comments surface when it exists; absent means comments are not shown. */
  comments?: preact.ComponentChildren
  /** A notice above the article, for a preview of one readers cannot see yet. */
  banner?: string | undefined
}

function AlsoRead({ article }: { article: ArticleSummary }) {
  return (
    <aside class="also-read" aria-label="Also read">
      <p><strong>Also read:</strong> <a href={article.path}>{article.headline}</a></p>
    </aside>
  )
}

export function ArticlePage({ site, article, alsoRead, related, earlier, head, comments, banner }: ArticleView) {
  const split = alsoRead ? splitForAlsoRead(article.bodyHtml) : undefined
  const image = article.image
  return (
    <Layout site={site} head={head} current={article.section.slug}>
      {banner && <p class="preview-banner" role="note">{banner}</p>}
      <article class="article" aria-labelledby="headline">
        <nav class="breadcrumbs" aria-label="Breadcrumb">
          <ol>
            <li><a href="/">Home</a></li>
            <li><a href={`/${article.section.slug}/`}>{article.section.name}</a></li>
          </ol>
        </nav>
        <header class="article__header">
          <h1 id="headline" class="article__headline"><TopicLabel article={article} />{article.headline}</h1>
          {article.standfirst && <p class="article__standfirst">{article.standfirst}</p>}
          <div class="article__meta">
            {article.authors.length > 0 && <p class="byline">By <AuthorLinks authors={article.authors} /></p>}
            <p class="article__times">
              {article.dateline && <span class="dateline">{article.dateline}</span>}
              {article.publishedAt && <>Published <Time date={article.publishedAt} timeZone={site.timeZone} /></>}
              {article.updatedAt && <> · Updated <Time date={article.updatedAt} timeZone={site.timeZone} /></>}
              {article.commentCount > 0 && <> · <a href="#comments">{article.commentCount === 1 ? '1 comment' : `${article.commentCount} comments`}</a></>}
            </p>
          </div>
        </header>
        {image && (
          <figure class="article__figure">
            <Picture image={image} sizes="(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)" loading="eager" priority="high" />
            {(image.caption || image.credit) && (
              <figcaption>{image.caption}{image.credit && <span class="credit"> {image.credit}</span>}</figcaption>
            )}
          </figure>
        )}
        <div class="article__body">
          {split && alsoRead ? (
            <>
              <div dangerouslySetInnerHTML={{ __html: split[0] }} />
              <AlsoRead article={alsoRead} />
              <div dangerouslySetInnerHTML={{ __html: split[1] }} />
            </>
          ) : (
            <div dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
          )}
          {article.agency && <p class="agency-credit">With information from {article.agency}.</p>}
          {earlier && (
            <p class="earlier-coverage">
              <strong>Earlier coverage:</strong> <a href={earlier.path}>{earlier.headline}</a>
              {earlier.publishedAt && <> (<Time date={earlier.publishedAt} timeZone={site.timeZone} />)</>}
            </p>
          )}
        </div>
        {article.corrections.length > 0 && (
          <section class="corrections" aria-labelledby="corrections-heading">
            <h2 id="corrections-heading">Corrections and updates</h2>
            <ul>
              {article.corrections.map((c) => (
                <li id={`correction-${c.id}`}>
                  <strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong>, <Time date={c.createdAt} timeZone={site.timeZone} />: {c.text}
                </li>
              ))}
            </ul>
          </section>
        )}
        {article.tags.length > 0 && (
          <nav class="article__tags" aria-label="Tags">
            <ul>{article.tags.map((t) => <li><a href={`/tag/${t.slug}/`}>{t.name}</a></li>)}</ul>
          </nav>
        )}
      </article>
      {related.length > 0 && (
        <section class="related" aria-labelledby="related-heading">
          <h2 id="related-heading">Related news</h2>
          {/* Related summaries are remembered between views (search's memo), and so is each one's teaser. */}
          <div class="related__list" dangerouslySetInnerHTML={{ __html: related.map((r) => teaserMarkup({ article: r, site, size: 'compact', headingLevel: 3 })).join('') }} />
        </section>
      )}
      <section id="comments" class="comments" aria-label="Comments">{comments}</section>
    </Layout>
  )
}
