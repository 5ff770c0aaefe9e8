// An article's revisions: the list with Restore, and a readable comparison of any two (<ins>/<del>, escaped).
import type { Revision, RevisionComparison } from '../content/index.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, type Chrome } from './layout.js'

export interface RevisionsView {
  chrome: Chrome
  articleId: number
  headline: string
  revisions: Revision[]
  canRestore: boolean
  notice?: string | undefined
  style: string
}

export function ArticleRevisionsPage({ chrome, articleId, headline, revisions, canRestore, notice, style }: RevisionsView) {
  const newest = revisions[0]?.number
  const older = revisions[1]?.number ?? newest
  return (
    <NewsroomLayout chrome={chrome} title={`Revisions of “${headline}”`} current="articles" notice={notice}>
      <link rel="stylesheet" href={style} />
      <p><a href={`/newsroom/articles/${articleId}`}>← Back to the editor</a></p>
      {revisions.length === 0 ? <p>No revisions yet: the first save makes one.</p> : (
        <>
          {revisions.length > 1 && (
            <form method="get" action={`/newsroom/articles/${articleId}/revisions/compare`} class="nr-panel nr-actions">
              <label for="compare-a" class="nr-label">Compare</label>
              <select id="compare-a" name="a">
                {revisions.map((r) => <option value={String(r.number)} selected={r.number === older}>Revision {r.number}</option>)}
              </select>
              <label for="compare-b" class="nr-label">with</label>
              <select id="compare-b" name="b">
                {revisions.map((r) => <option value={String(r.number)} selected={r.number === newest}>Revision {r.number}</option>)}
              </select>
              <button type="submit" class="nr-button nr-button--quiet">Compare</button>
            </form>
          )}
          <table class="nr-table">
            <thead><tr><th scope="col">Revision</th><th scope="col">Saved</th><th scope="col">By</th><th scope="col">Headline</th><th scope="col">Actions</th></tr></thead>
            <tbody>
              {revisions.map((r) => (
                <tr>
                  <td>{r.number}{r.pending && <> <span class="nr-muted">(autosave, not applied)</span></>}</td>
                  <td><time datetime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, chrome.timeZone)}</time></td>
                  <td>{r.staffName ?? <span class="nr-muted">before the newsroom</span>}</td>
                  <td>{r.snapshot.headline}</td>
                  <td>
                    {r.number > 1 && <a href={`/newsroom/articles/${articleId}/revisions/compare?a=${r.number - 1}&b=${r.number}`}>Changes<span class="visually-hidden"> in revision {r.number}</span></a>}
                    {canRestore && (r.number !== newest || r.pending) && (
                      <form method="post" action={`/newsroom/articles/${articleId}/revisions/${r.number}/restore`}>
                        <CsrfField token={chrome.csrf} />
                        <button type="submit" class="nr-button nr-button--quiet">Restore<span class="visually-hidden"> revision {r.number}</span></button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </NewsroomLayout>
  )
}

export function RevisionComparePage({ chrome, articleId, comparison, style }: { chrome: Chrome; articleId: number; comparison: RevisionComparison; style: string }) {
  const { older, newer, fields } = comparison
  return (
    <NewsroomLayout chrome={chrome} title={`Revision ${older.number} compared with revision ${newer.number}`} current="articles">
      <link rel="stylesheet" href={style} />
      <p><a href={`/newsroom/articles/${articleId}/revisions`}>← All revisions</a></p>
      <p class="nr-muted">
        Saved <time datetime={older.createdAt.toISOString()}>{formatDateTime(older.createdAt, chrome.timeZone)}</time> and{' '}
        <time datetime={newer.createdAt.toISOString()}>{formatDateTime(newer.createdAt, chrome.timeZone)}</time>.
        Removed text is <del>struck through</del>; added text is <ins>underlined</ins>.
      </p>
      {fields.length === 0 ? <p>These revisions are the same.</p> : (
        <dl class="nr-diff">
          {fields.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd class={f.key === 'body' ? 'nr-diff__body' : undefined}>
                {f.parts.map((p) => (p.change === 'added' ? <ins>{p.text}</ins> : p.change === 'removed' ? <del>{p.text}</del> : <span>{p.text}</span>))}
              </dd>
            </>
          ))}
        </dl>
      )}
    </NewsroomLayout>
  )
}
