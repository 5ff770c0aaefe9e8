// `dateline comments list|approve|spam|trash|restore|export|erase`: moderating and answering privacy requests from a shell.
import { parseArgs } from 'node:util'
import type { Deps } from '../platform/deps.js'
import { DomainError } from '../platform/errors.js'
import {
  commentStatuses, countByStatus, eraseCommenter, exportCommenterData, listQueue, moderateComments, type CommentStatus, type ModerationAction,
} from '../comments/index.js'

export const commentsUsage = `Usage: dateline comments <command>
  list [--status pending|approved|spam|trash] [--limit N] [--json]
  approve|spam|trash|restore <id…>
  export --email <address>                       everything stored about a commenter, as JSON
  erase --email <address> --mode delete|anonymise remove a commenter's data`

export interface Output {
  out(line: string): void
  err(line: string): void
}

const console_: Output = { out: (l) => console.log(l), err: (l) => console.error(l) }

const oneLine = (text: string, max = 70) => {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** Runs one comments subcommand; returns the process exit code. */
export async function commentsCommand(deps: Omit<Deps, 'cache' | 'bus' | 'dialect'>, args: string[], io: Output = console_): Promise<number> {
  const [sub, ...rest] = args
  try {
    switch (sub) {
      case 'list': {
        const { values } = parseArgs({ args: rest, options: { status: { type: 'string', default: 'pending' }, json: { type: 'boolean' }, limit: { type: 'string', default: '50' } } })
        const status = values.status as CommentStatus
        if (!commentStatuses.includes(status)) throw new DomainError('VALIDATION', `--status must be one of ${commentStatuses.join(', ')}`)
        const limit = Math.min(Math.max(Number(values.limit) || 50, 1), 1000)
        const items = await listQueue(deps.db, { status, limit, offset: 0 })
        if (values.json) {
          io.out(JSON.stringify(items.map((c) => ({
            id: c.id, status: c.status, reason: c.reason, article: { id: c.article.id, headline: c.article.headline, path: c.article.path },
            name: c.authorName, website: c.authorWebsite, inReplyTo: c.parentId, text: c.body, createdAt: c.createdAt.toISOString(),
          })), null, 2))
          return 0
        }
        const counts = await countByStatus(deps.db)
        io.out(`${counts.pending} pending, ${counts.approved} approved, ${counts.spam} spam, ${counts.trash} trash. Showing ${status} (${items.length}):`)
        for (const c of items) io.out(`#${c.id}  ${c.createdAt.toISOString().slice(0, 16).replace('T', ' ')}  ${c.authorName}  on “${oneLine(c.article.headline, 40)}”: ${oneLine(c.body)}`)
        return 0
      }
      case 'approve':
      case 'spam':
      case 'trash':
      case 'restore': {
        const ids = rest.map((v) => (/^\d{1,12}$/.test(v) ? Number(v) : NaN))
        if (!ids.length || ids.some(Number.isNaN)) throw new DomainError('VALIDATION', `${sub} needs comment ids: dateline comments ${sub} 12 13`)
        const result = await moderateComments(deps, ids, sub as ModerationAction, 'cli')
        for (const id of result.changed) io.out(`#${id}: ${sub === 'restore' ? 'restored' : sub === 'approve' ? 'approved' : sub === 'spam' ? 'marked as spam' : 'moved to trash'}`)
        for (const s of result.skipped) io.err(`#${s.id}: ${s.why}`)
        return result.skipped.length ? 1 : 0
      }
      case 'export': {
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' } } })
        if (!values.email) throw new DomainError('VALIDATION', 'export needs --email <address>')
        io.out(JSON.stringify(await exportCommenterData(deps, values.email), null, 2))
        return 0
      }
      case 'erase': {
        const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, mode: { type: 'string' } } })
        if (!values.email) throw new DomainError('VALIDATION', 'erase needs --email <address>')
        const mode = values.mode === 'anonymize' ? 'anonymise' : values.mode
        if (mode !== 'delete' && mode !== 'anonymise') throw new DomainError('VALIDATION', 'erase needs --mode delete or --mode anonymise')
        const report = await eraseCommenter(deps, values.email, mode, 'cli')
        io.out(`Deleted ${report.deleted} and anonymised ${report.anonymised} comments; reply notifications stopped.`)
        return 0
      }
      default:
        io.err(commentsUsage)
        return 2
    }
  } catch (err) {
    if (err instanceof DomainError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err((err as Error).message)
      return 2
    }
    throw err
  }
}
