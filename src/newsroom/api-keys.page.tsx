// The API keys page (administrators): keys for programs, a new key shown once, revoking.
import type { FieldIssue } from '../platform/errors.js'
import { apiKeyLimits, roleLabels, roles, type ApiKey } from '../identity/index.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { NewsroomLayout, Field, FormErrors, describedBy, type Chrome } from './layout.js'

export interface ApiKeysView {
  chrome: Chrome
  keys: ApiKey[]
  notice?: string | undefined
  /** The key just made, shown this once. */
  created?: { key: ApiKey; secret: string } | undefined
  form?: { name: string; type: string; issues: readonly FieldIssue[] } | undefined
}

const kindLabel = (k: ApiKey) => (k.kind === 'content' ? 'Content API (read)' : `Admin API, ${roleLabels[k.role!]}`)

export function ApiKeysPage({ chrome, keys, notice, created, form }: ApiKeysView) {
  const issues = form?.issues ?? []
  const type = form?.type ?? 'content'
  return (
    <NewsroomLayout chrome={chrome} title="API keys" current="api-keys" notice={notice}>
      {created && (
        <section aria-labelledby="new-key-heading" class="nr-panel" role="status">
          <h2 id="new-key-heading">Your new key “{created.key.name}”</h2>
          <p>Copy it now: it is shown this once and only its fingerprint is kept. Anyone holding it can {created.key.kind === 'content'
            ? 'read the published content through the Ghost Content API.'
            : `act through the Admin API with the rights of ${/^[aeiou]/i.test(roleLabels[created.key.role!]) ? 'an' : 'a'} ${roleLabels[created.key.role!].toLowerCase()}.`}</p>
          <p><label for="new-key" class="nr-label">Key</label> <input id="new-key" class="nr-mono" readonly size={70} value={created.secret} /></p>
          {created.key.kind === 'content'
            ? <p class="nr-field__hint">Use it as <code>?key=</code> with <code>/ghost/api/content/</code>, or as <code>key</code> in Ghost's Content API client.</p>
            : <p class="nr-field__hint">Send it as <code>Authorization: Bearer …</code> to <code>/api/v1/admin/</code>.</p>}
        </section>
      )}
      <section aria-labelledby="create-heading" class="nr-panel">
        <h2 id="create-heading">Create a key</h2>
        <FormErrors issues={issues} />
        <form method="post" action="/newsroom/api-keys" class="nr-form nr-form--narrow">
          <CsrfField token={chrome.csrf} />
          <Field id="name" label="Name" hint="Which program uses it, e.g. “Static front end” or “Wire importer”" issues={issues}>
            <input id="name" name="name" required maxlength={apiKeyLimits.name} value={form?.name ?? ''} {...describedBy('name', issues, true)} />
          </Field>
          <Field id="type" label="What it may do" issues={issues}>
            <select id="type" name="type" {...describedBy('type', issues)}>
              <option value="content" selected={type === 'content'}>Read published content (Ghost Content API)</option>
              {roles.map((r) => <option value={r} selected={type === r}>Write through the Admin API as {roleLabels[r].toLowerCase()}</option>)}
            </select>
          </Field>
          <button type="submit" class="nr-button">Create key</button>
        </form>
      </section>
      <section aria-labelledby="keys-heading" class="nr-panel">
        <h2 id="keys-heading">Keys</h2>
        {keys.length === 0 ? <p class="nr-muted">No keys yet.</p> : (
          <table class="nr-table">
            <thead><tr><th scope="col">Name</th><th scope="col">Kind</th><th scope="col">Starts with</th><th scope="col">Created</th><th scope="col">State</th></tr></thead>
            <tbody>
              {keys.map((k) => (
                <tr>
                  <td>{k.name}</td>
                  <td>{kindLabel(k)}</td>
                  <td class="nr-mono">{k.hint}…</td>
                  <td><time datetime={k.createdAt.toISOString()}>{formatDateTime(k.createdAt, chrome.timeZone)}</time></td>
                  <td>
                    {k.revokedAt ? <>Revoked <time datetime={k.revokedAt.toISOString()}>{formatDateTime(k.revokedAt, chrome.timeZone)}</time></> : (
                      <form method="post" action={`/newsroom/api-keys/${k.id}/revoke`}>
                        <CsrfField token={chrome.csrf} />
                        <button type="submit" class="nr-button nr-button--danger">Revoke<span class="visually-hidden"> {k.name}</span></button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </NewsroomLayout>
  )
}
