// The comments block under an article: count, sort switch, threads, pagination and "Leave a Reply"; pure views of a model.
import type { CommentNode, PublicComment, ThreadPage, CommentSort } from '../comments/index.js'
import { avatarFor, commentLimits } from '../comments/index.js'
import { Layout, formatDateTime, htmlTemplate, type HeadInfo, type SiteInfo } from '../ui/index.js'
import type { FieldIssue } from '../platform/errors.js'

export interface CommentFormValues {
  name: string
  email: string
  website: string
  comment: string
  notify: boolean
}

export interface CommentFormState {
  articleId: number
  parentId?: number | undefined
  token: string
  values?: CommentFormValues | undefined
  issues?: readonly FieldIssue[] | undefined
  /** A message about the whole form (expired, too fast, closed, rate limited …). */
  message?: string | undefined
  /** Where "Cancel reply" leads, when replying. */
  cancelHref?: string | undefined
}

export interface CommentsView {
  articlePath: string
  thread: ThreadPage
  sort: CommentSort
  maxDepth: number
  timeZone: string
  /** Absent when comments are closed. */
  form?: CommentFormState | undefined
  closedMessage?: string | undefined
  script?: string | undefined
}

const pageHref = (path: string, page: number, sort: CommentSort) => {
  const q = new URLSearchParams()
  if (sort !== 'oldest') q.set('comments-sort', sort)
  if (page > 1) q.set('comments-page', String(page))
  const s = q.toString()
  return `${path}${s ? `?${s}` : ''}#comments`
}

const minutes = new Map<string, string>()

/** The comment's time as the site shows times; memoised by minute because a long thread repeats them and Intl is slow. */
function minuteText(date: Date, timeZone: string): string {
  const key = `${timeZone}|${Math.floor(date.getTime() / 60_000)}`
  let text = minutes.get(key)
  if (text === undefined) {
    if (minutes.size > 20_000) minutes.clear()
    minutes.set(key, (text = formatDateTime(date, timeZone)))
  }
  return text
}

export function Avatar({ name }: { name: string }) {
  const { initials, colour } = avatarFor(name)
  return <span class={`avatar avatar--c${colour}`} aria-hidden="true">{initials}</span>
}

export function CommentItem({ node, depth, maxDepth, timeZone, articlePath }: { node: CommentNode; depth: number; maxDepth: number; timeZone: string; articlePath: string }) {
  const c = node.comment
  return (
    <li id={`comment-${c.id}`} class={`comment${c.awaitingModeration ? ' comment--held' : ''}${c.staff ? ' comment--staff' : ''}`}>
      <article class="comment__body" aria-labelledby={`comment-${c.id}-author`}>
        <header class="comment__header">
          <Avatar name={c.authorName} />
          <p class="comment__author" id={`comment-${c.id}-author`}>
            {c.authorWebsite ? <a href={c.authorWebsite} rel="nofollow ugc noopener">{c.authorName}</a> : c.authorName}
            {c.staff && <span class="comment__badge">Staff</span>}
          </p>
          <p class="comment__time"><a href={`${articlePath}#comment-${c.id}`} title="Link to this comment"><time datetime={c.createdAt.toISOString()}>{minuteText(c.createdAt, timeZone)}</time></a></p>
        </header>
        {c.awaitingModeration && <p class="comment__held" role="status">Your comment is awaiting moderation.</p>}
        <div class="comment__text" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        {!c.awaitingModeration && (
          <p class="comment__actions">
            <a class="comment__reply" href={`/comments/reply/${c.id}/#respond`} data-reply-to={c.id} data-reply-name={c.authorName}
              aria-label={`Reply to ${c.authorName}`}>Reply</a>
          </p>
        )}
      </article>
      {node.replies.length > 0 && (
        <ol class="comment-list comment-list--replies">
          {node.replies.map((r) => <CommentItem node={r} depth={depth + 1} maxDepth={maxDepth} timeZone={timeZone} articlePath={articlePath} />)}
        </ol>
      )}
    </li>
  )
}

function FieldError({ issues, field }: { issues: readonly FieldIssue[]; field: string }) {
  const mine = issues.filter((i) => i.field === field)
  if (!mine.length) return null
  return <p class="field__error" id={`comment-${field}-error`}>{mine.map((i) => i.message).join(' ')}</p>
}

// Every article page shows the empty form, which differs only in the article and the token: rendered once.
const emptyForm = htmlTemplate(['heading', 'article', 'token'], (s) => <CommentFormContent form={{ articleId: s.article, token: s.token }} heading={s.heading} />)

export function CommentForm({ form, heading = 'Leave a Reply' }: { form: CommentFormState; heading?: string }) {
  const empty = !form.values && !form.issues?.length && !form.message && !form.cancelHref && !form.parentId
  if (empty) {
    return <div id="respond" class="comment-respond" dangerouslySetInnerHTML={{ __html: emptyForm({ heading, article: String(form.articleId), token: form.token }) }} />
  }
  return <div id="respond" class="comment-respond"><CommentFormContent form={form} heading={heading} /></div>
}

function CommentFormContent({ form, heading }: { form: Omit<CommentFormState, 'articleId'> & { articleId: number | string }; heading: string }) {
  const issues = form.issues ?? []
  const v = form.values ?? { name: '', email: '', website: '', comment: '', notify: false }
  const invalid = (field: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } =>
    (issues.some((i) => i.field === field) ? { 'aria-invalid': true, 'aria-describedby': `comment-${field}-error` } : {})
  return (
    <>
      <h2 id="reply-title" class="comment-respond__title">{heading}
        {form.cancelHref && <small> <a id="cancel-reply" href={form.cancelHref}>Cancel reply</a></small>}
      </h2>
      <form class="comment-form" action="/comments" method="post" aria-labelledby="reply-title" data-comment-form novalidate>
        <p class="comment-form__notes">Your email address will not be published. Required fields are marked <span aria-hidden="true">*</span><span class="visually-hidden">with an asterisk</span></p>
        {form.message && <p class="comment-form__message" role="alert">{form.message}</p>}
        {issues.length > 0 && !form.message && <p class="comment-form__message" role="alert">Please correct the fields marked below.</p>}
        <input type="hidden" name="article" value={String(form.articleId)} />
        <input type="hidden" name="parent" value={form.parentId ? String(form.parentId) : ''} />
        <input type="hidden" name="token" value={form.token} />
        <p class="field">
          <label for="comment-name">Name <span aria-hidden="true">*</span></label>
          <input id="comment-name" name="name" type="text" value={v.name} maxlength={commentLimits.name} autocomplete="name" required {...invalid('name')} />
          <FieldError issues={issues} field="name" />
        </p>
        <p class="field">
          <label for="comment-email">Email <span aria-hidden="true">*</span></label>
          <input id="comment-email" name="email" type="email" value={v.email} maxlength={commentLimits.email} autocomplete="email" required {...invalid('email')} />
          <FieldError issues={issues} field="email" />
        </p>
        <p class="field">
          <label for="comment-website">Website</label>
          <input id="comment-website" name="website" type="url" value={v.website} maxlength={commentLimits.website} autocomplete="url" {...invalid('website')} />
          <FieldError issues={issues} field="website" />
        </p>
        <p class="field">
          <label for="comment-comment">Comment <span aria-hidden="true">*</span></label>
          <textarea id="comment-comment" name="comment" rows={7} maxlength={commentLimits.body} required {...invalid('body')}>{v.comment}</textarea>
          <FieldError issues={issues} field="body" />
        </p>
        <p class="field field--trap" aria-hidden="true">
          <label for="comment-hp">Leave this field empty</label>
          <input id="comment-hp" name="hp_note" type="text" value="" tabindex={-1} autocomplete="off" />
        </p>
        <p class="field field--check">
          <input id="comment-notify" name="notify" type="checkbox" value="1" checked={v.notify} />
          <label for="comment-notify">Email me when someone replies (we will ask you to confirm your address first)</label>
        </p>
        <p class="comment-form__submit"><button type="submit">Post Comment</button></p>
      </form>
    </>
  )
}

export function CommentsSection({ view }: { view: CommentsView }) {
  const { thread, sort, articlePath } = view
  const n = thread.total
  return (
    <>
      <div class="comments__header">
        <h2 id="comments-title" class="comments__title">{n === 0 ? 'Comments' : n === 1 ? '1 Comment' : `${n} Comments`}</h2>
        {thread.topLevel > 1 && (
          <p class="comments__sort">Sort: {' '}
            {sort === 'oldest' ? <strong aria-current="true">Oldest first</strong> : <a href={pageHref(articlePath, 1, 'oldest')}>Oldest first</a>}
            {' · '}
            {sort === 'newest' ? <strong aria-current="true">Newest first</strong> : <a href={pageHref(articlePath, 1, 'newest')}>Newest first</a>}
          </p>
        )}
      </div>
      {thread.nodes.length > 0 ? (
        <ol class="comment-list" aria-labelledby="comments-title">
          {thread.nodes.map((node) => <CommentItem node={node} depth={1} maxDepth={view.maxDepth} timeZone={view.timeZone} articlePath={articlePath} />)}
        </ol>
      ) : (
        n === 0 && view.form && <p class="comments__empty">No comments yet. Start the conversation.</p>
      )}
      {thread.pages > 1 && (
        <nav class="pagination comments__pages" aria-label="Comment pages">
          {thread.page > 1 ? <a rel="prev" href={pageHref(articlePath, thread.page - 1, sort)}>← Previous comments</a> : <span />}
          <span class="pagination__where">Comments page {thread.page} of {thread.pages}</span>
          {thread.page < thread.pages ? <a rel="next" href={pageHref(articlePath, thread.page + 1, sort)}>More comments →</a> : <span />}
        </nav>
      )}
      {view.form ? <CommentForm form={view.form} /> : <p class="comments__closed">{view.closedMessage ?? 'Comments are closed.'}</p>}
      {n > 0 && <p class="comments__feed"><a href={`${articlePath}comments/feed/`}>Comments feed (RSS)</a></p>}
      {view.script && <script type="module" src={view.script} />}
    </>
  )
}

/** A page of its own for the form: a reply without JavaScript, or a submission sent back with errors. */
export function CommentFormPage({ site, head, article, parent, form, timeZone, script }: {
  site: SiteInfo
  head: HeadInfo
  article: { headline: string; path: string }
  parent?: PublicComment | undefined
  form: CommentFormState
  timeZone: string
  script?: string | undefined
}) {
  return (
    <Layout site={site} head={head}>
      <div class="article comment-page">
        <p class="comment-page__back"><a href={`${article.path}#comments`}>← Back to “{article.headline}”</a></p>
        {parent && (
          <>
            <h1 class="comment-page__title">Reply to {parent.authorName}</h1>
            <ol class="comment-list">
              <CommentItem node={{ comment: { ...parent, awaitingModeration: false }, replies: [] }} depth={1} maxDepth={1} timeZone={timeZone} articlePath={article.path} />
            </ol>
          </>
        )}
        {!parent && <h1 class="comment-page__title">Your comment on “{article.headline}”</h1>}
        <section class="comments" aria-label="Comment form">
          <CommentForm form={form} heading={parent ? `Reply to ${parent.authorName}` : 'Leave a Reply'} />
        </section>
        {script && <script type="module" src={script} />}
      </div>
    </Layout>
  )
}

/** A short page for confirm and unsubscribe links: GET shows a button, POST acts, so link scanners change nothing. */
export function NoticePage({ site, title, message, action }: { site: SiteInfo; title: string; message: string; action?: { href: string; label: string } | undefined }) {
  return (
    <Layout site={site} head={{ title, noindex: true }}>
      <div class="article notice-page">
        <h1>{title}</h1>
        <p>{message}</p>
        {action && <form method="post" action={action.href}><button type="submit">{action.label}</button></form>}
        <p><a href="/">Go to the front page</a></p>
      </div>
    </Layout>
  )
}
