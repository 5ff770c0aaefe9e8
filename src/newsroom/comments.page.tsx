// The moderation queue and one comment's page: tabs by status with counts, bulk and single actions, edit, staff reply, history.
import type { ModeratedComment, CommentStatus } from '../comments/index.js'
import type { FieldIssue } from '../platform/errors.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export const statusTabs: readonly { status: CommentStatus; label: string }[] = [
  { status: 'pending', label: 'Pending' }, { status: 'approved', label: 'Approved' }, { status: 'spam', label: 'Spam' }, { status: 'trash', label: 'Trash' },
]

/** The actions offered for a comment in each status, in the order they appear. */
export const actionsFor: Record<CommentStatus, readonly { action: string; label: string }[]> = {
  pending: [{ action: 'approve', label: 'Approve' }, { action: 'spam', label: 'Spam' }, { action: 'trash', label: 'Trash' }],
  approved: [{ action: 'unapprove', label: 'Unapprove' }, { action: 'spam', label: 'Spam' }, { action: 'trash', label: 'Trash' }],
  spam: [{ action: 'approve', label: 'Not spam: approve' }, { action: 'restore', label: 'Restore' }, { action: 'trash', label: 'Trash' }],
  trash: [{ action: 'restore', label: 'Restore' }, { action: 'approve', label: 'Approve' }],
}

export interface QueueView {
  chrome: Chrome
  status: CommentStatus
  counts: Record<CommentStatus, number>
  comments: ModeratedComment[]
  page: number
  pages: number
  notice?: string | undefined
}

const excerpt = (text: string, max = 400) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

export function CommentQueuePage({ chrome, status, counts, comments, page, pages, notice }: QueueView) {
  const tz = chrome.timeZone
  return (
    <NewsroomLayout chrome={chrome} title="Comments" current="comments" notice={notice}>
      <nav aria-label="Comment status" class="nr-tabs">
        <p class="nr-actions">
          {statusTabs.map((t) => (t.status === status
            ? <strong><a href={`/newsroom/comments?status=${t.status}`} aria-current="page">{t.label} ({counts[t.status]})</a></strong>
            : <a href={`/newsroom/comments?status=${t.status}`}>{t.label} ({counts[t.status]})</a>))}
          <a href="/newsroom/comments/privacy">Commenter data requests</a>
        </p>
      </nav>
      {comments.length === 0 ? <p class="nr-muted">No {status} comments.</p> : (
        <form method="post" action="/newsroom/comments/bulk">
          <CsrfField token={chrome.csrf} />
          <input type="hidden" name="from" value={status} />
          <div class="nr-actions">
            <label for="bulk-action">With the selected comments</label>
            <select id="bulk-action" name="action">
              {actionsFor[status].map((a) => <option value={a.action}>{a.label}</option>)}
            </select>
            <button type="submit" class="nr-button" name="bulk" value="1">Apply</button>
          </div>
          <table class="nr-table">
            <thead><tr><th scope="col"><span class="visually-hidden">Select</span></th><th scope="col">Author</th><th scope="col">Comment</th><th scope="col">Article</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {comments.map((c) => (
                <tr id={`c${c.id}`}>
                  <td><input type="checkbox" name="ids" value={String(c.id)} id={`select-${c.id}`} aria-label={`Select comment ${c.id} by ${c.authorName}`} /></td>
                  <td>
                    <strong>{c.authorName}</strong>{c.staff && ' (staff)'}<br />
                    {c.authorEmail && <span class="nr-mono">{c.authorEmail}</span>}
                    {c.authorWebsite && <><br /><span class="nr-mono">{c.authorWebsite}</span></>}
                  </td>
                  <td>
                    <p class="nr-muted">{formatDateTime(c.createdAt, tz)}{c.parentId && <> · in reply to #{c.parentId}</>}{c.reason && <> · {c.reason}</>}</p>
                    <p>{excerpt(c.body)}</p>
                  </td>
                  <td><a href={c.status === 'approved' ? `${c.article.path}#comment-${c.id}` : c.article.path}>{c.article.headline}</a></td>
                  <td>
                    <div class="nr-actions">
                      {actionsFor[status].map((a) => (
                        <button type="submit" class="nr-button nr-button--quiet" name="one" value={`${a.action}:${c.id}`}>{a.label}</button>
                      ))}
                      <a href={`/newsroom/comments/${c.id}`}>Edit or reply</a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </form>
      )}
      {pages > 1 && (
        <nav class="nr-pagination" aria-label="Pages">
          {page > 1 ? <a href={`/newsroom/comments?status=${status}&page=${page - 1}`}>← Newer</a> : <span />}
          <span>Page {page} of {pages}</span>
          {page < pages ? <a href={`/newsroom/comments?status=${status}&page=${page + 1}`}>Older →</a> : <span />}
        </nav>
      )}
    </NewsroomLayout>
  )
}

export interface CommentDetailView {
  chrome: Chrome
  comment: ModeratedComment
  history: { action: string; actor: string; detail: string; at: Date }[]
  edit?: { name: string; website: string; body: string; issues: readonly FieldIssue[] } | undefined
  reply?: { body: string; issues: readonly FieldIssue[] } | undefined
  notice?: string | undefined
}

export function CommentDetailPage({ chrome, comment: c, history, edit, reply, notice }: CommentDetailView) {
  const e = edit ?? { name: c.authorName, website: c.authorWebsite, body: c.body, issues: [] }
  const r = reply ?? { body: '', issues: [] }
  return (
    <NewsroomLayout chrome={chrome} title={`Comment #${c.id}`} current="comments" notice={notice}>
      <p><a href={`/newsroom/comments?status=${c.status}`}>← Back to {c.status} comments</a></p>
      <section class="nr-panel" aria-labelledby="about">
        <h2 id="about">On “<a href={c.article.path}>{c.article.headline}</a>”</h2>
        <p class="nr-muted">{c.authorName}{c.authorEmail && <> · <span class="nr-mono">{c.authorEmail}</span></>} · {formatDateTime(c.createdAt, chrome.timeZone)} · status: <strong>{c.status}</strong>{c.reason && <> ({c.reason})</>}</p>
        <form method="post" action="/newsroom/comments/bulk" class="nr-actions">
          <CsrfField token={chrome.csrf} />
          <input type="hidden" name="from" value={c.status} />
          <input type="hidden" name="back" value="detail" />
          {actionsFor[c.status].map((a) => <button type="submit" class="nr-button nr-button--quiet" name="one" value={`${a.action}:${c.id}`}>{a.label}</button>)}
        </form>
      </section>
      <form method="post" action={`/newsroom/comments/${c.id}/edit`} class="nr-form">
        <h2>Edit</h2>
        <CsrfField token={chrome.csrf} />
        <FormErrors issues={e.issues} />
        <Field id="name" label="Name" issues={e.issues}><input type="text" id="name" name="name" value={e.name} maxlength={80} {...describedBy('name', e.issues)} /></Field>
        <Field id="website" label="Website" issues={e.issues}><input type="url" id="website" name="website" value={e.website} maxlength={200} {...describedBy('website', e.issues)} /></Field>
        <Field id="body" label="Comment" issues={e.issues}><textarea id="body" name="body" rows={6} maxlength={5000} {...describedBy('body', e.issues)}>{e.body}</textarea></Field>
        <button type="submit" class="nr-button">Save changes</button>
      </form>
      <form method="post" action={`/newsroom/comments/${c.id}/reply`} class="nr-form">
        <h2>Reply as staff</h2>
        <CsrfField token={chrome.csrf} />
        <FormErrors issues={r.issues} />
        <Field id="reply" label="Reply" hint="Published at once under your name with a Staff badge." issues={r.issues}>
          <textarea id="reply" name="reply" rows={4} maxlength={5000} {...describedBy('reply', r.issues, true)}>{r.body}</textarea>
        </Field>
        <button type="submit" class="nr-button">Publish reply</button>
      </form>
      <section aria-labelledby="history">
        <h2 id="history">History</h2>
        <table class="nr-table">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead>
          <tbody>{history.map((h) => <tr><td class="nr-mono">{formatDateTime(h.at, chrome.timeZone)}</td><td>{h.actor}</td><td>{h.action}</td><td>{excerpt(h.detail, 200)}</td></tr>)}</tbody>
        </table>
      </section>
    </NewsroomLayout>
  )
}

export function CommenterDataPage({ chrome, email = '', issues = [], notice }: { chrome: Chrome; email?: string; issues?: readonly FieldIssue[]; notice?: string | undefined }) {
  return (
    <NewsroomLayout chrome={chrome} title="Commenter data requests" current="comments" notice={notice}>
      <p><a href="/newsroom/comments">← Back to comments</a></p>
      <p>Answer a reader who asks what the site holds about them, or asks for it to be erased.</p>
      <form method="post" action="/newsroom/comments/privacy" class="nr-form nr-form--narrow">
        <CsrfField token={chrome.csrf} />
        <FormErrors issues={issues} />
        <Field id="email" label="Commenter's email" issues={issues}><input type="email" id="email" name="email" value={email} maxlength={254} required {...describedBy('email', issues)} /></Field>
        <fieldset>
          <legend>What to do</legend>
          <div class="nr-check"><input type="radio" id="do-export" name="do" value="export" checked /><label for="do-export">Export their comments as JSON</label></div>
          <div class="nr-check"><input type="radio" id="do-anonymise" name="do" value="anonymise" /><label for="do-anonymise">Erase: keep the comments as “Anonymous”, remove name, email and website</label></div>
          <div class="nr-check"><input type="radio" id="do-delete" name="do" value="delete" /><label for="do-delete">Erase: delete the comments</label></div>
        </fieldset>
        <button type="submit" class="nr-button">Go</button>
      </form>
    </NewsroomLayout>
  )
}
