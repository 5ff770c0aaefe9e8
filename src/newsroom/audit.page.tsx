// The Audit log page: newest first, a page at a time, filterable by kind of action.
import type { AuditRecord } from '../identity/index.js'
import { formatDateTime } from '../ui/index.js'
import { NewsroomLayout, type Chrome } from './layout.js'

export const auditFilters: readonly { value: string; label: string }[] = [
  { value: '', label: 'Everything' },
  { value: 'sign-in', label: 'Sign-ins and failed sign-ins' },
  { value: 'sign-out', label: 'Sign-outs' },
  { value: 'user', label: 'Users, roles and invitations' },
  { value: 'settings', label: 'Settings' },
  { value: 'article', label: 'Articles' },
  { value: 'api-key', label: 'API keys' },
]

export interface AuditView {
  chrome: Chrome
  entries: AuditRecord[]
  page: number
  pages: number
  total: number
  action: string
}

export function AuditPage({ chrome, entries, page, pages, total, action }: AuditView) {
  const href = (p: number) => `/newsroom/audit?page=${p}${action ? `&action=${encodeURIComponent(action)}` : ''}`
  return (
    <NewsroomLayout chrome={chrome} title="Audit log" current="audit">
      <form method="get" action="/newsroom/audit" class="nr-actions">
        <label for="action" class="nr-label">Show</label>
        <select id="action" name="action">
          {auditFilters.map((f) => <option value={f.value} selected={f.value === action}>{f.label}</option>)}
        </select>
        <button type="submit" class="nr-button nr-button--quiet">Filter</button>
      </form>
      <p class="nr-muted">{total} {total === 1 ? 'entry' : 'entries'}</p>
      <table class="nr-table">
        <thead><tr><th scope="col">Time</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th><th scope="col">IP address</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td><time datetime={e.at.toISOString()}>{formatDateTime(e.at, chrome.timeZone)}</time></td>
              <td>{e.actorLabel || <span class="nr-muted">—</span>}</td>
              <td class="nr-mono">{e.action}</td>
              <td class="nr-mono">{e.subject}</td>
              <td>{e.detail}</td>
              <td class="nr-mono">{e.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="nr-pagination" aria-label="Pages">
          {page > 1 ? <a rel="prev" href={href(page - 1)}>← Newer</a> : <span />}
          <span>Page {page} of {pages}</span>
          {page < pages ? <a rel="next" href={href(page + 1)}>Older →</a> : <span />}
        </nav>
      )}
    </NewsroomLayout>
  )
}
