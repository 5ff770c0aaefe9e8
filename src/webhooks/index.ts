// Webhooks: administrators register addresses for events; deliveries are signed, queued durably and retried.
/**
 * @example
 * const { webhook, secret } = await createWebhook(deps, admin, { url: 'https://hooks.example.com/x', events: ['article.published'] })
 * registerWebhooks(runner, events, deps)   // once per process: events become queued, signed deliveries
 * verifySignature(secret, req.headers['x-dateline-signature'], rawBody, Math.floor(Date.now() / 1000))  // a receiver
 */
export {
  webhookEvents, isWebhookEvent, webhookLimits, maxDeliveryAttempts, signatureFor, verifySignature, signatureHeader,
  type Webhook, type WebhookDelivery, type WebhookEvent,
} from './webhook.js'
export { isPrivateAddress, checkWebhookAddress, AddressRefused } from './address.js'
export { listWebhooks, findWebhook, listDeliveries } from './webhook.store.js'
export { createWebhook, removeWebhook, checkWebhookInput, type WebhookDeps, type WebhookInput } from './manage-webhooks.js'
export { registerWebhooks, queueEvent, attemptDelivery, sendTestDelivery, deliveryJobKind, type DeliveryDeps } from './deliver.js'
