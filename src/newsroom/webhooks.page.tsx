// The Webhooks page (administrators): each webhook with its latest deliveries, the form to add one, and a new
// webhook's signing secret, shown once.
import type { FieldIssue } from '../platform/errors.js'
import { webhookEvents, webhookLimits, type Webhook, type WebhookDelivery } from '../webhooks/index.js'
import { formatDateTime } from '../ui/index.js'
import { CsrfField } from './csrf.js'
import { describedBy, Field, FormErrors, NewsroomLayout, type Chrome } from './layout.js'

export interface WebhookForm { url: string; events: string[]; description: string }

export interface WebhooksView {
  chrome: Chrome
  webhooks: { webhook: Webhook; deliveries: WebhookDelivery[] }[]
  notice?: string | undefined
  create?: { form: WebhookForm; issues: readonly FieldIssue[] } | undefined
  /** Just created: its secret, shown this once. */
  created?: { webhook: Webhook; secret: string } | undefined
}

const statusLabel: Record<WebhookDelivery['status'], string> = { pending: 'Waiting', delivered: 'Delivered', retrying: 'Will retry', failed: 'Failed' }

function DeliveryLog({ deliveries, timeZone }: { deliveries: WebhookDelivery[]; timeZone: string }) {
  if (deliveries.length === 0) return <p class="nr-muted">No deliveries yet.</p>
  return (
    <table class="nr-table">
      <caption>Latest deliveries</caption>
      <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Answer</th><th scope="col">Last attempt</th><th scope="col">Error</th></tr></thead>
      <tbody>{deliveries.map((d) => (
        <tr>
          <td class="nr-mono">{d.event}</td>
          <td>{statusLabel[d.status]}</td>
          <td>{d.attempts}</td>
          <td>{d.responseStatus ?? '—'}</td>
          <td>{d.lastAttemptAt ? <time datetime={d.lastAttemptAt.toISOString()}>{formatDateTime(d.lastAttemptAt, timeZone)}</time> : '—'}</td>
          <td>{d.lastError}</td>
        </tr>
      ))}</tbody>
    </table>
  )
}

export function WebhooksPage({ chrome, webhooks, notice, create, created }: WebhooksView) {
  const form = create?.form ?? { url: '', events: [], description: '' }
  const issues = create?.issues ?? []
  return (
    <NewsroomLayout chrome={chrome} title="Webhooks" current="webhooks" notice={notice}>
      <p>
        A webhook tells another system when something happens here: Dateline sends a JSON POST to its address, signed in
        the <code>X-Dateline-Signature</code> header with the webhook's secret, and tries again with growing waits when it
        is not answered with a 2xx.
      </p>
      {created && (
        <div class="nr-notice" role="status">
          <p>Webhook added. Its signing secret is shown only now; copy it into the receiving system:</p>
          <p><code class="nr-mono" id="webhook-secret">{created.secret}</code></p>
        </div>
      )}
      {webhooks.length === 0 && <p class="nr-muted">No webhooks yet.</p>}
      {webhooks.map(({ webhook, deliveries }) => (
        <section aria-labelledby={`webhook-${webhook.id}`}>
          <h2 id={`webhook-${webhook.id}`} class="nr-mono">{webhook.url}</h2>
          {webhook.description && <p>{webhook.description}</p>}
          <p>Events: {webhook.events.map((e) => <code>{e} </code>)}</p>
          <div class="nr-actions">
            <form method="post" action={`/newsroom/webhooks/${webhook.id}/test`} class="nr-inline-form">
              <CsrfField token={chrome.csrf} />
              <button type="submit" class="nr-button nr-button--quiet">Send a test</button>
            </form>
            <form method="post" action={`/newsroom/webhooks/${webhook.id}/remove`} class="nr-inline-form">
              <CsrfField token={chrome.csrf} />
              <button type="submit" class="nr-button nr-button--danger">Remove</button>
            </form>
          </div>
          <DeliveryLog deliveries={deliveries} timeZone={chrome.timeZone} />
        </section>
      ))}
      <h2>Add a webhook</h2>
      <form method="post" action="/newsroom/webhooks" class="nr-form nr-form--narrow" novalidate>
        <CsrfField token={chrome.csrf} />
        <FormErrors issues={issues} />
        <Field id="url" label="Address (https://…)" issues={issues} hint="Public addresses only: this machine and private networks are refused.">
          <input id="url" name="url" type="url" required maxLength={webhookLimits.url} value={form.url} {...describedBy('url', issues, true)} />
        </Field>
        <fieldset id="events" {...describedBy('events', issues)}>
          <legend>Events</legend>
          {webhookEvents.map((e) => (
            <label><input type="checkbox" name="events" value={e} checked={form.events.includes(e)} /> <code>{e}</code></label>
          ))}
          {issues.filter((i) => i.field === 'events').map((i) => <p class="nr-field__error" id="events-error">{i.message}</p>)}
        </fieldset>
        <Field id="description" label="Description (optional)" issues={issues}>
          <input id="description" name="description" maxLength={webhookLimits.description} value={form.description} {...describedBy('description', issues)} />
        </Field>
        <button type="submit" class="nr-button">Add webhook</button>
      </form>
    </NewsroomLayout>
  )
}
