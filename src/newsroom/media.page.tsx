// The media library: upload with alt text, a grid of pictures, and one picture's page (variants, Markdown, details, delete).
import type { FieldIssue } from '../platform/errors.js'
import type { Media } from '../media/index.js'
import type { ArticleImage } from '../content/index.js'
import { formatDateTime, Picture } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export interface MediaText { alt: string; caption: string; credit: string }

/** What the library shows of one item; built by the routes from a Media so the page needs no media logic. */
export interface MediaItemView {
  id: number
  url: string
  displayUrl: string
  markdown: string
  originalFilename: string
  mime: string
  width: number
  height: number
  bytes: number
  alt: string
  caption: string
  credit: string
  createdAt: Date
  variants: Media['variants']
  image: ArticleImage
}

export interface MediaLibraryView {
  chrome: Chrome
  items: MediaItemView[]
  page: number
  pages: number
  total: number
  maxBytes: number
  limits: { alt: number; caption: number; credit: number }
  notice?: string | undefined
  upload?: { text: MediaText; issues: readonly FieldIssue[] } | undefined
  /** The library's own stylesheet. */
  style: string
}

export interface MediaItemPageView {
  chrome: Chrome
  item: MediaItemView
  /** Recently changed articles this picture can be made the featured image of. */
  articles: { id: number; headline: string; status: string }[]
  useError?: string | undefined
  canDelete: boolean
  limits: { alt: number; caption: number; credit: number }
  /** Where "Copy Markdown" gets its behaviour; absent when the script is not built. */
  script?: string | undefined
  notice?: string | undefined
  edit?: { text: MediaText; issues: readonly FieldIssue[] } | undefined
  deleteError?: string | undefined
  style: string
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1))} MB`
const kilobytes = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes))

function TextFields({ text, issues, limits }: { text: MediaText; issues: readonly FieldIssue[]; limits: MediaLibraryView['limits'] }) {
  return (
    <>
      <Field id="alt" label="Alt text" hint="Required. What the picture shows, for readers who cannot see it." issues={issues}>
        <input id="alt" name="alt" type="text" required maxlength={limits.alt} value={text.alt} {...describedBy('alt', issues, true)} />
      </Field>
      <Field id="caption" label="Caption" issues={issues}>
        <input id="caption" name="caption" type="text" maxlength={limits.caption} value={text.caption} {...describedBy('caption', issues)} />
      </Field>
      <Field id="credit" label="Credit" hint="Photographer or agency, e.g. “Photo: Ana Lee/Reuters”." issues={issues}>
        <input id="credit" name="credit" type="text" maxlength={limits.credit} value={text.credit} {...describedBy('credit', issues, true)} />
      </Field>
    </>
  )
}

export function MediaLibraryPage({ chrome, items, page, pages, total, maxBytes, limits, notice, upload, style }: MediaLibraryView) {
  const issues = upload?.issues ?? []
  const text = upload?.text ?? { alt: '', caption: '', credit: '' }
  return (
    <NewsroomLayout chrome={chrome} title="Media" current="media" notice={notice}>
      <link rel="stylesheet" href={style} />
      <section class="nr-panel" aria-labelledby="upload-heading">
        <h2 id="upload-heading">Upload an image</h2>
        <FormErrors issues={issues} />
        {/* Multipart bodies are read after the CSRF check, so the token travels in the action URL. */}
        <form method="post" action={`/newsroom/media?_csrf=${encodeURIComponent(chrome.csrf)}`} enctype="multipart/form-data" class="nr-form nr-form--narrow">
          <Field id="file" label="Image file" hint={`JPEG, PNG, WebP, AVIF or GIF, up to ${megabytes(maxBytes)}. SVG is not accepted.`} issues={issues}>
            <input id="file" name="file" type="file" required accept="image/jpeg,image/png,image/webp,image/avif,image/gif" {...describedBy('file', issues, true)} />
          </Field>
          <TextFields text={text} issues={issues} limits={limits} />
          <button type="submit" class="nr-button">Upload image</button>
        </form>
      </section>

      <section aria-labelledby="library-heading">
        <h2 id="library-heading">Library <span class="nr-muted">({total})</span></h2>
        {items.length === 0 ? <p class="nr-muted">No images yet: upload the first one above.</p> : (
          <ul class="nr-media-grid">
            {items.map((item) => (
              <li class="nr-media-card">
                <a href={`/newsroom/media/${item.id}`} class="nr-media-card__link">
                  <Picture image={item.image} sizes="12rem" class="nr-media-card__image" />
                  <span class="nr-media-card__alt">{item.alt}</span>
                </a>
                <span class="nr-muted nr-media-card__meta">{item.width}×{item.height} · {item.mime.replace('image/', '').toUpperCase()} · {item.variants.length} variants</span>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 && (
          <nav class="nr-pagination" aria-label="Pages">
            {page > 1 ? <a rel="prev" href={`/newsroom/media?page=${page - 1}`}>← Newer</a> : <span />}
            <span>Page {page} of {pages}</span>
            {page < pages ? <a rel="next" href={`/newsroom/media?page=${page + 1}`}>Older →</a> : <span />}
          </nav>
        )}
      </section>
    </NewsroomLayout>
  )
}

export function MediaItemPage({ chrome, item, articles, useError, canDelete, limits, script, notice, edit, deleteError, style }: MediaItemPageView) {
  const issues = edit?.issues ?? []
  const text = edit?.text ?? { alt: item.alt, caption: item.caption, credit: item.credit }
  return (
    <NewsroomLayout chrome={chrome} title={item.alt} current="media" notice={notice}>
      <link rel="stylesheet" href={style} />
      <p><a href="/newsroom/media">← Media library</a></p>
      {deleteError && <p class="nr-errors" role="alert">{deleteError}</p>}
      <div class="nr-media-item">
        <figure class="nr-media-item__figure">
          <Picture image={item.image} sizes="(min-width: 60rem) 36rem, 100vw" loading="eager" />
          {(item.caption || item.credit) && <figcaption>{item.caption} {item.credit && <em>{item.credit}</em>}</figcaption>}
        </figure>

        <div class="nr-media-item__use">
          <section class="nr-panel" aria-labelledby="use-heading">
            <h2 id="use-heading">Use this image</h2>
            <div class="nr-field">
              <label for="markdown">Markdown for the body</label>
              <p class="nr-field__hint" id="markdown-hint">Paste it into an article's Body where the picture should appear.</p>
              <textarea id="markdown" readonly rows={3} class="nr-mono" aria-describedby="markdown-hint" data-copy-source>{item.markdown}</textarea>
            </div>
            <p class="nr-actions">
              <button type="button" class="nr-button nr-button--quiet" data-copy="markdown" hidden>Copy Markdown</button>
            </p>
            <h3>As a featured image</h3>
            {useError && <p class="nr-errors" role="alert">{useError}</p>}
            {articles.length > 0 && (
              <form method="post" action={`/newsroom/media/${item.id}/feature`} class="nr-form">
                <CsrfField token={chrome.csrf} />
                <div class="nr-field">
                  <label for="feature-article">Article</label>
                  <select id="feature-article" name="article" required>
                    <option value="">Choose an article…</option>
                    {articles.map((a) => <option value={String(a.id)}>{a.headline || 'Untitled'}{a.status === 'draft' ? '' : ` (${a.status})`}</option>)}
                  </select>
                </div>
                <button type="submit" class="nr-button">Use as featured image</button>
              </form>
            )}
            <form method="post" action={`/newsroom/media/${item.id}/draft`} class="nr-form">
              <CsrfField token={chrome.csrf} />
              <div class="nr-field">
                <label for="draft-headline">Headline</label>
                <input id="draft-headline" name="headline" type="text" required maxlength={200} />
              </div>
              <button type="submit" class="nr-button nr-button--quiet">Start a draft with this image</button>
            </form>
            <p class="nr-field__hint">What it fills in as the article's featured image:</p>
            <dl class="nr-media-item__fields">
              <dt>Media id</dt><dd class="nr-mono" data-field="image_media_id">{item.id}</dd>
              <dt>Image URL</dt><dd class="nr-mono" data-field="image_url">{item.displayUrl}</dd>
              <dt>Alt text</dt><dd data-field="image_alt">{item.alt}</dd>
              <dt>Caption</dt><dd data-field="image_caption">{item.caption || <span class="nr-muted">none</span>}</dd>
              <dt>Credit</dt><dd data-field="image_credit">{item.credit || <span class="nr-muted">none</span>}</dd>
            </dl>
          </section>
        </div>
      </div>

      <section class="nr-panel" aria-labelledby="details-heading">
        <h2 id="details-heading">Alt text, caption and credit</h2>
        <FormErrors issues={issues} />
        <form method="post" action={`/newsroom/media/${item.id}`} class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <TextFields text={text} issues={issues} limits={limits} />
          <button type="submit" class="nr-button">Save details</button>
        </form>
      </section>

      <section class="nr-panel" aria-labelledby="files-heading">
        <h2 id="files-heading">Files</h2>
        <p class="nr-muted">
          Uploaded as <span class="nr-mono">{item.originalFilename}</span> on {formatDateTime(item.createdAt, chrome.timeZone)}.
          Stored re-encoded, without camera data (EXIF, location), under a name the server chose.
        </p>
        <table class="nr-table">
          <thead><tr><th scope="col">File</th><th scope="col">Format</th><th scope="col">Size in pixels</th><th scope="col">Bytes</th></tr></thead>
          <tbody>
            <tr><td><a class="nr-mono" href={item.url}>{item.url}</a> (original)</td><td>{item.mime.replace('image/', '').toUpperCase()}</td><td>{item.width}×{item.height}</td><td>{kilobytes(item.bytes)}</td></tr>
            {item.variants.map((v) => (
              <tr><td><a class="nr-mono" href={`/media/${v.name}`}>{`/media/${v.name}`}</a></td><td>{v.format.toUpperCase()}</td><td>{v.width}×{v.height}</td><td>{kilobytes(v.bytes)}</td></tr>
            ))}
          </tbody>
        </table>
      </section>

      {canDelete && (
        <section class="nr-panel" aria-labelledby="delete-heading">
          <h2 id="delete-heading">Delete</h2>
          <p>Deleting removes every file of this image. An image still used by an article cannot be deleted.</p>
          <form method="post" action={`/newsroom/media/${item.id}/delete`}>
            <CsrfField token={chrome.csrf} />
            <button type="submit" class="nr-button nr-button--danger">Delete image</button>
          </form>
        </section>
      )}
      {script && <script type="module" src={script} />}
    </NewsroomLayout>
  )
}
