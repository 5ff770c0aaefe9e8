// `dateline webhook add|list|remove|test`: webhooks from a shell, with the same checks as the newsroom's page.
import { parseArgs } from 'node:util'
import type { Services } from '../app.js'
import { DomainError } from '../platform/errors.js'
import { createWebhook, findWebhook, listDeliveries, listWebhooks, removeWebhook, sendTestDelivery, webhookEvents } from '../webhooks/index.js'

export const webhookUsage = `Usage: dateline webhook <command>
  add --url <url> --events <event,…> [--description <text>]
                 register a webhook; prints its signing secret, once, alone on the last line
  list           webhooks with their events and latest delivery
  remove <id>    delete a webhook and its delivery log
  test <id>      send a signed "ping" now and say how it was answered
Events: ${webhookEvents.join(', ')}`

const idOf = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined)

/** Runs one webhook subcommand; returns the process exit code. */
export async function webhookCommand(services: Services, args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const [sub, ...rest] = args
  try {
    switch (sub) {
      case 'add': {
        const { values } = parseArgs({ args: rest, options: { url: { type: 'string' }, events: { type: 'string' }, description: { type: 'string' } } })
        const { webhook, secret } = await createWebhook(services, null, values)
        out(`Added webhook ${webhook.id}: ${webhook.url} (${webhook.events.join(', ')})`)
        out('Its signing secret, shown only now:')
        out(secret)
        return 0
      }
      case 'list': {
        const hooks = await listWebhooks(services.db)
        if (hooks.length === 0) out('No webhooks.')
        for (const h of hooks) {
          const [last] = await listDeliveries(services.db, h.id, 1)
          const lastText = last ? `last: ${last.event} ${last.status} after ${last.attempts} attempt(s)${last.responseStatus ? ` (HTTP ${last.responseStatus})` : ''}` : 'no deliveries yet'
          out(`${h.id}  ${h.url}  ${h.events.join(',')}  ${lastText}`)
        }
        return 0
      }
      case 'remove': {
        const id = idOf(rest[0])
        if (id === undefined) { err('remove needs a webhook id: dateline webhook remove 3'); return 2 }
        await removeWebhook(services, null, id)
        out(`Removed webhook ${id}.`)
        return 0
      }
      case 'test': {
        const id = idOf(rest[0])
        if (id === undefined) { err('test needs a webhook id: dateline webhook test 3'); return 2 }
        if (!(await findWebhook(services.db, id))) { err(`No webhook ${id}.`); return 1 }
        const d = await sendTestDelivery(services, id)
        if (d.status === 'delivered') { out(`Delivered: HTTP ${d.responseStatus}.`); return 0 }
        err(`Not delivered: ${d.lastError}`)
        return 1
      }
      default:
        (sub ? err : out)(webhookUsage)
        return sub && sub !== 'help' ? 2 : 0
    }
  } catch (e) {
    if (e instanceof DomainError) {
      err(e.issues.length ? e.issues.map((i) => `${i.field}: ${i.message}`).join('\n') : e.message)
      return e.code === 'NOT_FOUND' ? 1 : 2
    }
    throw e
  }
}
