// Small pieces reader pages share: teasers, bylines, times, paging, the error page.
import type { ArticleImage, ArticleSummary, AuthorRef } from '../content/index.js'
import { formatDateTime, formatDate } from './format.js'
import { Layout } from './layout.js'
import type { SiteInfo } from './site-info.js'
import { renderToString } from 'preact-render-to-string'

export function Time({ date, timeZone, withTime = true, itemProp }: { date: Date; timeZone: string; withTime?: boolean; itemProp?: string }) {
  return <time datetime={date.toISOString()} itemprop={itemProp}>{withTime ? formatDateTime(date, timeZone) : formatDate(date, timeZone)}</time>
}

export function AuthorLinks({ authors }: { authors: AuthorRef[] }) {
  return (
    <>
      {authors.map((a, i) => (
        <>
          {i > 0 && (i === authors.length - 1 ? ' and ' : ', ')}
          <a href={`/author/${a.slug}/`} rel="author">{a.name}</a>
        </>
      ))}
    </>
  )
}

/** "Energy Crisis | " before a headline when the article belongs to a running story. */
export function TopicLabel({ article }: { article: Pick<ArticleSummary, 'topic'> }) {
  if (!article.topic) return null
  return <><a class="topic-label" href={`/topic/${article.topic.slug}/`}>{article.topic.name}</a><span class="topic-sep" aria-hidden="true"> | </span></>
}

/**
 * A picture in the best format the browser takes (AVIF, then WebP, then JPEG) at the width the layout needs; a plain
 * `<img>` for pictures without variants. `sizes` must describe how wide the layout shows it.
 */
export function Picture({ image, sizes, class: className, loading = 'lazy', priority }: {
  image: ArticleImage
  sizes: string
  class?: string
  loading?: 'lazy' | 'eager'
  priority?: 'high' | 'low'
}) {
  const srcset = (format: string) => (image.variants ?? []).filter((v) => v.format === format)
    .slice().sort((a, b) => a.width - b.width).map((v) => `${v.url} ${v.width}w`).join(', ')
  const jpeg = srcset('jpeg')
  // Width and height only give the box its shape before the file arrives; a variant's will do when the article has none.
  const shape = image.width && image.height ? image : (image.variants ?? [])[0]
  const img = (
    <img class={className} src={image.url} srcset={jpeg || undefined} sizes={jpeg ? sizes : undefined} alt={image.alt}
      width={shape?.width ?? 1200} height={shape?.height ?? 675} loading={loading} decoding="async" fetchpriority={priority} />
  )
  if (!jpeg) return img
  return (
    <picture>
      {(['avif', 'webp'] as const).map((format) => {
        const set = srcset(format)
        return set ? <source type={`image/${format}`} srcset={set} sizes={sizes} /> : null
      })}
      {img}
    </picture>
  )
}

export type TeaserSize = 'lead' | 'top' | 'list' | 'compact'

/** How wide each teaser shows its picture (see site.css), so the browser fetches the smallest variant that is sharp. */
const teaserSizes: Record<TeaserSize, string> = {
  lead: '(min-width: 60rem) 46rem, calc(100vw - 2.5rem)',
  top: '(min-width: 60rem) 23rem, (min-width: 40rem) 50vw, 6.5rem',
  list: '(min-width: 40rem) 14rem, 6.5rem',
  compact: '6.5rem',
}

export function Teaser({ article, site, size = 'list', headingLevel = 3, eager = false }: {
  article: ArticleSummary
  site: SiteInfo
  size?: TeaserSize
  headingLevel?: 2 | 3 | 4
  /** Above the fold: load the image at once. */
  eager?: boolean
}) {
  const H = `h${headingLevel}` as 'h2'
  const showImage = article.image && size !== 'compact'
  return (
    <article class={`teaser teaser--${size}`}>
      {showImage && article.image && (
        <Picture class="teaser__image" image={article.image} sizes={teaserSizes[size]} loading={eager ? 'eager' : 'lazy'} />
      )}
      <div class="teaser__text">
        <H class="teaser__headline">
          {article.topic && <span class="teaser__topic">{article.topic.name}<span aria-hidden="true"> | </span></span>}
          <a href={article.path}>{article.headline}</a>
        </H>
        {size !== 'compact' && article.standfirst && <p class="teaser__standfirst">{article.standfirst}</p>}
        <p class="teaser__meta">
          {article.publishedAt && <Time date={article.publishedAt} timeZone={site.timeZone} />}
          {size !== 'compact' && article.authors.length > 0 && <> · <span class="teaser__authors">{article.authors.map((a) => a.name).join(', ')}</span></>}
          {article.commentCount > 0 && <> · <a class="teaser__comments" href={`${article.path}#comments`}>{article.commentCount === 1 ? '1 comment' : `${article.commentCount} comments`}</a></>}
        </p>
      </div>
    </article>
  )
}

// Teasers of remembered summaries (related news) appear on page after page: their markup is kept with the summary
// object, so it goes when the summary does. Keyed by what else the markup depends on.
const teaserMarkups = new WeakMap<ArticleSummary, Map<string, string>>()

/**
 * The markup `<Teaser>` renders, remembered for this summary object: pass summaries that are shared and never changed.
 * @example <div class="related__list" dangerouslySetInnerHTML={{ __html: related.map((r) => teaserMarkup({ article: r, site, size: 'compact' })).join('') }} />
 */
export function teaserMarkup(props: Parameters<typeof Teaser>[0]): string {
  const key = `${props.size ?? 'list'}|${props.headingLevel ?? 3}|${props.eager === true}|${props.site.timeZone}`
  let byKey = teaserMarkups.get(props.article)
  if (!byKey) teaserMarkups.set(props.article, (byKey = new Map()))
  let html = byKey.get(key)
  if (html === undefined) byKey.set(key, (html = renderToString(<Teaser {...props} />)))
  return html
}

export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 ? <a rel="prev" href={href(page - 1)}>← Newer</a> : <span />}
      <span class="pagination__where">Page {page} of {pages}</span>
      {page < pages ? <a rel="next" href={href(page + 1)}>Older →</a> : <span />}
    </nav>
  )
}

export function ErrorPage({ site, status, message }: { site: SiteInfo; status: number; message: string }) {
  const title = status === 404 ? 'Page not found' : status === 410 ? 'This article has been withdrawn' : status === 429 ? 'Slow down' : status >= 500 ? 'Something went wrong' : 'That did not work'
  return (
    <Layout site={site} head={{ title, noindex: true }}>
      <div class="error-page">
        <p class="error-page__status">Error {status}</p>
        <h1>{title}</h1>
        <p>{message}</p>
        <p><a href="/">Go to the front page</a> or <a href="/search">search the archive</a>.</p>
      </div>
    </Layout>
  )
}
