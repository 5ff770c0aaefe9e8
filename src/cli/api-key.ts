// `dateline api-key create|list|revoke`: keys for programs, from the command line (the newsroom has the same under API keys).
import { parseArgs } from 'node:util'
import type { Services } from '../app.js'
import { DomainError } from '../platform/errors.js'
import { createApiKey, listApiKeys, revokeApiKey, roles } from '../identity/index.js'

export const apiKeyUsage = `Usage: dateline api-key create --name <name> (--content | --role <${roles.join('|')}>)
       dateline api-key list [--json]
       dateline api-key revoke <id>
  create prints the key alone on its last line; it is shown this once (only its hash is kept).`

export async function apiKeyCommand(services: Pick<Services, 'db' | 'clock' | 'events'>, args: string[]): Promise<number> {
  const [sub, ...rest] = args
  try {
    if (sub === 'create') {
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' }, content: { type: 'boolean' }, role: { type: 'string' } } })
      if (!values.name || (values.content ? values.role !== undefined : values.role === undefined)) {
        console.error(apiKeyUsage)
        return 2
      }
      const kind = values.content ? 'content' : 'admin'
      const { key, secret } = await createApiKey(services, null, { name: values.name, kind, role: values.role })
      console.error(`Created ${kind === 'admin' ? `admin key (${key.role})` : 'Content API key'} ${key.id} "${key.name}". Keep it now: it is not shown again.`)
      console.log(secret)
      return 0
    }
    if (sub === 'list') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } } })
      const keys = await listApiKeys(services.db)
      if (values.json) {
        console.log(JSON.stringify(keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), revokedAt: k.revokedAt?.toISOString() ?? null }))))
        return 0
      }
      if (!keys.length) console.log('No API keys.')
      for (const k of keys) {
        const what = k.kind === 'admin' ? `admin/${k.role}` : 'content'
        console.log(`${String(k.id).padStart(4)}  ${what.padEnd(19)} ${`${k.hint}…`.padEnd(12)} ${k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'live'.padEnd(32)}  ${k.name}`)
      }
      return 0
    }
    if (sub === 'revoke') {
      const id = Number(rest[0])
      if (!Number.isInteger(id) || id < 1 || rest.length !== 1) {
        console.error(apiKeyUsage)
        return 2
      }
      const key = await revokeApiKey(services, null, id)
      console.log(`Revoked key ${key.id} "${key.name}".`)
      return 0
    }
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(err.message)
      return 1
    }
    throw err
  }
  console.error(apiKeyUsage)
  return 2
}
