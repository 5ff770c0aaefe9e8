// Table types for webhooks and their delivery log; filled in by migration 0011-webhooks.
import type { Generated, Selectable } from 'kysely'

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'retrying' | 'failed'

/** An address an administrator asked to be told about events at. */
export interface WebhookTable {
  id: Generated<number>
  url: string
  /** Event names, space-separated (`article.published comment.held`). */
  events: string
  /**
   * Signs every delivery (HMAC-SHA256). Kept readable because signing needs it; shown to people once, at creation.
   */
  secret: string
  description: string
  /** Staff user who added it; null from the command line. No foreign key, so webhooks outlive accounts. */
  created_by: number | null
  created_at: string
}

/** One event sent (or being sent) to one webhook: the body is fixed when the event happens, retries resend it. */
export interface WebhookDeliveryTable {
  id: Generated<number>
  webhook_id: number
  event: string
  /** The JSON body as sent. */
  body: string
  status: WebhookDeliveryStatus
  attempts: number
  /** HTTP status of the last answer; null when none came (refused address, timeout, connection error). */
  response_status: number | null
  last_error: string
  created_at: string
  last_attempt_at: string | null
}

export interface WebhookTables {
  webhook: WebhookTable
  webhook_delivery: WebhookDeliveryTable
}

export type WebhookRow = Selectable<WebhookTable>
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>
