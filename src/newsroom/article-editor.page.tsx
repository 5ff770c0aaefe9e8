// The article editor: every field with a visible label, Markdown body beside its preview, and one button per action.
import type { ArticleStatus, Correction } from '../content/index.js'
import type { FieldIssue } from '../platform/errors.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { Field, FormErrors, NewsroomLayout, describedBy, type Chrome } from './layout.js'
import { editorFieldLimits, type EditorForm } from './editor.form.js'
import { statusLabels } from './article-list.page.js'

export interface EditorRights {
  edit: boolean
  publish: boolean
  unpublish: boolean
  correct: boolean
  delete: boolean
}

export interface EditorView {
  chrome: Chrome
  /** Undefined for an article not yet saved. */
  articleId: number | undefined
  status: ArticleStatus
  form: EditorForm
  issues: readonly FieldIssue[]
  sections: string[]
  /** Sanitised HTML of the body, when known. */
  preview: string
  rights: EditorRights
  /** `datetime-local` value in the site's time zone. */
  publishAt: string
  publishedAt: Date | null
  publicPath: string | undefined
  corrections: Correction[]
  notice?: string | undefined
  assets: { script: string; style: string }
  /** A signed link showing the saved article to anyone holding it until it expires; only for those who may edit. */
  previewLink?: { url: string; expiresAt: Date } | undefined
  /** What related news shows for a saved article (pinned first), and what an editor excluded. */
  related?: readonly RelatedItem[] | undefined
}

export interface RelatedItem {
  headline: string
  path: string
  mode: 'pin' | 'exclude' | 'picked'
}

const relatedLabels: Record<RelatedItem['mode'], string> = { pin: 'Pinned', exclude: 'Excluded', picked: 'Chosen from the words' }

/** Related news as readers will see it, with a button per article to pin, release or exclude it. */
function RelatedPanel({ articleId, items, csrf, canEdit, issues }: { articleId: number; items: readonly RelatedItem[]; csrf: string; canEdit: boolean; issues: readonly FieldIssue[] }) {
  const action = `/newsroom/articles/${articleId}/related`
  const button = (item: RelatedItem, mode: 'pin' | 'exclude' | 'release', text: string) => (
    <form method="post" action={action} class="nr-inline-form">
      <CsrfField token={csrf} />
      <input type="hidden" name="related" value={item.path} />
      <button type="submit" name="mode" value={mode} class="nr-button nr-button--quiet">{text}<span class="visually-hidden">: {item.headline}</span></button>
    </form>
  )
  return (
    <section class="nr-panel nr-editor__related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related news</h2>
      <p>Chosen from the words of the articles whenever content changes. A pinned article is always shown, first; an excluded one never is. Both stay when related news is worked out again.</p>
      {items.length === 0 ? <p>No related news yet.</p> : (
        <ul class="nr-editor__related-list">
          {items.map((item) => (
            <li>
              <a href={item.path}>{item.headline}</a> <em>({relatedLabels[item.mode]})</em>{' '}
              {canEdit && item.mode === 'picked' && <>{button(item, 'pin', 'Pin')} {button(item, 'exclude', 'Exclude')}</>}
              {canEdit && item.mode !== 'picked' && button(item, 'release', item.mode === 'pin' ? 'Unpin' : 'Show again')}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form method="post" action={action} class="nr-form">
          <CsrfField token={csrf} />
          <Field id="related" label="Another article’s address or slug" issues={issues} hint="For example /news/ferry-refloated/ or ferry-refloated.">
            <input type="text" id="related" name="related" maxLength={300} required {...describedBy('related', issues, true)} />
          </Field>
          <div class="nr-actions">
            <button type="submit" name="mode" value="pin" class="nr-button">Pin as related</button>
            <button type="submit" name="mode" value="exclude" class="nr-button nr-button--quiet">Exclude</button>
          </div>
        </form>
      )}
    </section>
  )
}

const limit = (name: keyof typeof editorFieldLimits) => editorFieldLimits[name]

function TextField({ id, name, label, value, issues, hint, required }: {
  id: string; name: keyof typeof editorFieldLimits; label: string; value: string | undefined; issues: readonly FieldIssue[]; hint?: string; required?: boolean
}) {
  return (
    <Field id={id} label={label} hint={hint} issues={issues}>
      <input type="text" id={id} name={name} value={value ?? ''} maxLength={limit(name)} required={required} {...describedBy(id, issues, Boolean(hint))} />
    </Field>
  )
}

export function ArticleEditorPage(view: EditorView) {
  const { chrome, articleId, status, form, issues, rights, notice } = view
  const action = articleId === undefined ? '/newsroom/articles' : `/newsroom/articles/${articleId}`
  const live = status === 'published'
  const title = articleId === undefined ? 'New article' : 'Edit article'
  return (
    <NewsroomLayout chrome={chrome} title={title} current="articles" notice={notice}>
      <link rel="stylesheet" href={view.assets.style} />
      <p class="nr-editor__state">
        <span class={`nr-status nr-status--${status}`}>{statusLabels[status]}</span>
        {status === 'scheduled' && view.publishedAt && <> for <time datetime={view.publishedAt.toISOString()}>{formatDateTime(view.publishedAt, chrome.timeZone)}</time></>}
        {view.publicPath && live && <> · <a href={view.publicPath}>View on the site</a></>}
        {articleId !== undefined && <> · <a href={`/newsroom/articles/${articleId}/revisions`}>Revisions</a></>}
      </p>
      {!rights.edit && <p class="nr-notice">You can read this article here; only its writer or an editor can change it.</p>}
      <p id="save-status" class="nr-editor__save" role="status" aria-live="polite"></p>
      <FormErrors issues={issues} />
      <form method="post" action={action} id="editor" class="nr-form nr-editor" novalidate
        data-autosave-url={articleId === undefined ? '/newsroom/articles/autosave' : `/newsroom/articles/${articleId}/autosave`}
        data-preview-url="/newsroom/articles/preview" data-storage-key={`dateline-editor:${articleId ?? 'new'}`}
        data-slug-auto={articleId === undefined && !form.slug ? 'on' : undefined} data-live={live ? 'on' : undefined}>
        <CsrfField token={chrome.csrf} />
        <div class="nr-editor__meta">
          <TextField id="headline" name="headline" label="Headline" value={form.headline} issues={issues} required />
          <TextField id="slug" name="slug" label="Slug" value={form.slug} issues={issues} hint="The last part of the address; made from the headline when left empty. Lowercase letters, digits and hyphens." />
          <TextField id="topic" name="topic" label="Topic" value={form.topic} issues={issues} hint="The running story, shown before the headline. Separate several with commas; the first is the label." />
          <Field id="section" label="Section" issues={issues}>
            {view.sections.length
              ? <select id="section" name="section" required {...describedBy('section', issues)}>
                  {!view.sections.includes(form.section ?? '') && <option value={form.section ?? ''}>{form.section || 'Choose a section'}</option>}
                  {view.sections.map((s) => <option value={s} selected={s === form.section}>{s}</option>)}
                </select>
              : <input type="text" id="section" name="section" value={form.section ?? ''} maxLength={limit('section')} required {...describedBy('section', issues)} />}
          </Field>
          <TextField id="tags" name="tags" label="Tags" value={form.tags} issues={issues} hint="Separate with commas." />
          <TextField id="authors" name="authors" label="Authors" value={form.authors} issues={issues} hint="In byline order, separated with commas." />
          <Field id="standfirst" label="Standfirst" issues={issues} hint="One or two sentences that sum up the story.">
            <textarea id="standfirst" name="standfirst" rows={3} maxLength={limit('standfirst')} {...describedBy('standfirst', issues, true)}>{form.standfirst ?? ''}</textarea>
          </Field>
          <TextField id="dateline" name="dateline" label="Dateline" value={form.dateline} issues={issues} hint="The place the story is reported from." />
        </div>

        <div class="nr-editor__body">
          <div class="nr-editor__write">
            <Field id="body" label="Body" issues={issues} hint="Markdown: **bold**, _italic_, [link](https://…), > quote, ## subhead.">
              <textarea id="body" name="body" rows={24} maxLength={limit('body')} class="nr-editor__textarea" {...describedBy('body', issues, true)}>{form.body ?? ''}</textarea>
            </Field>
          </div>
          <section class="nr-editor__preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">Preview</h2>
            <div id="preview" class="nr-preview" dangerouslySetInnerHTML={{ __html: view.preview }} />
          </section>
        </div>

        <fieldset>
          <legend>Featured image</legend>
          <input type="hidden" name="image_media_id" id="image_media_id" value={form.image_media_id ?? ''} />
          <TextField id="image_url" name="image_url" label="Image URL" value={form.image_url} issues={issues} />
          <TextField id="image_alt" name="image_alt" label="Alt text" value={form.image_alt} issues={issues} hint="What the picture shows, for readers who cannot see it." />
          <TextField id="image_caption" name="image_caption" label="Caption" value={form.image_caption} issues={issues} />
          <TextField id="image_credit" name="image_credit" label="Credit" value={form.image_credit} issues={issues} />
        </fieldset>

        <TextField id="agency" name="agency" label="Agency credit" value={form.agency} issues={issues} hint="Shown as “With information from …”." />
        <fieldset>
          <legend>Search engines</legend>
          <TextField id="seo_title" name="seo_title" label="SEO title" value={form.seo_title} issues={issues} hint="Leave empty to use the headline." />
          <Field id="seo_description" label="SEO description" issues={issues} hint="Leave empty to use the standfirst.">
            <textarea id="seo_description" name="seo_description" rows={2} maxLength={limit('seo_description')} {...describedBy('seo_description', issues, true)}>{form.seo_description ?? ''}</textarea>
          </Field>
        </fieldset>
        <div class="nr-check">
          <input type="checkbox" id="comments_open" name="comments_open" checked={form.comments_open === 'on'} />
          <label for="comments_open">Comments open</label>
        </div>

        {rights.publish && status !== 'published' && status !== 'unpublished' && (
          <Field id="publish_at" label={`Publish at (${chrome.timeZone} time)`} issues={issues} hint="Used by Schedule.">
            <input type="datetime-local" id="publish_at" name="publish_at" value={view.publishAt} {...describedBy('publish_at', issues, true)} />
          </Field>
        )}

        <div class="nr-actions nr-editor__buttons">
          {rights.edit && <button type="submit" name="action" value="save" class="nr-button">{live || status === 'scheduled' ? 'Save changes' : 'Save draft'}</button>}
          <button type="submit" name="action" value="preview" class="nr-button nr-button--quiet" data-no-js-only>Preview</button>
          {rights.publish && status !== 'published' && <button type="submit" name="action" value="publish" class="nr-button">Publish</button>}
          {rights.publish && (status === 'draft' || status === 'scheduled') && <button type="submit" name="action" value="schedule" class="nr-button nr-button--quiet">Schedule</button>}
          {rights.publish && status === 'scheduled' && <button type="submit" name="action" value="unschedule" class="nr-button nr-button--quiet">Back to draft</button>}
          {rights.unpublish && live && <button type="submit" name="action" value="unpublish" class="nr-button nr-button--danger">Unpublish</button>}
        </div>
      </form>

      {view.previewLink && (
        <section class="nr-panel nr-editor__share" aria-labelledby="share-heading">
          <h2 id="share-heading">Preview link</h2>
          <p>Anyone with this link can read the last saved version, even unpublished, until <time datetime={view.previewLink.expiresAt.toISOString()}>{formatDateTime(view.previewLink.expiresAt, chrome.timeZone)}</time> ({chrome.timeZone} time). Search engines are told not to index it.</p>
          <label for="preview-link">Preview link</label>
          <input type="text" id="preview-link" readonly value={view.previewLink.url} class="nr-editor__share-url" />
          <p><a href={view.previewLink.url} target="_blank" rel="noopener noreferrer">Open the preview</a></p>
        </section>
      )}

      {articleId !== undefined && live && (
        <section class="nr-panel nr-editor__notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Corrections and updates</h2>
          {view.corrections.length > 0 && (
            <ol>
              {view.corrections.map((c) => (
                <li><strong>{c.kind === 'correction' ? 'Correction' : 'Update'}</strong> (<time datetime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt, chrome.timeZone)}</time>): {c.text}</li>
              ))}
            </ol>
          )}
          {rights.correct && (
            <form method="post" action={`/newsroom/articles/${articleId}/corrections`} class="nr-form">
              <CsrfField token={chrome.csrf} />
              <Field id="note_kind" label="Kind">
                <select id="note_kind" name="kind">
                  <option value="correction">Correction</option>
                  <option value="update">Update</option>
                </select>
              </Field>
              <Field id="note_text" label="Note" hint="Appended to the article with the time; notes cannot be edited or removed.">
                <textarea id="note_text" name="text" rows={3} maxLength={1000} required aria-describedby="note_text-hint" />
              </Field>
              <button type="submit" class="nr-button">Add note</button>
            </form>
          )}
        </section>
      )}

      {articleId !== undefined && view.related && (
        <RelatedPanel articleId={articleId} items={view.related} csrf={chrome.csrf} canEdit={rights.edit} issues={issues} />
      )}

      {articleId !== undefined && rights.delete && (
        <form method="post" action={`/newsroom/articles/${articleId}/delete`} class="nr-editor__delete" data-confirm="Delete this article and its history for good?">
          <CsrfField token={chrome.csrf} />
          <button type="submit" class="nr-button nr-button--danger">Delete article</button>
        </form>
      )}
      <script type="module" src={view.assets.script}></script>
    </NewsroomLayout>
  )
}
