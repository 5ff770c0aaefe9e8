// The `dateline` command: dispatches to one file per command group (serve, migrate, seed, import, user, comments, jobs).
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type Config } from '../config/index.js'
import { createServices, type Services } from '../app.js'
import { createDb, migrateToLatest } from '../platform/db/index.js'
import { seedDemo } from '../content/seed-demo.js'
import { userCommand } from './user.js'
import { commentsCommand } from './comments.js'
import { jobsCommand } from './jobs.js'
import { backupCommand, restoreCommand } from './backup.js'
import { mediaCommand } from './media.js'
import { setupCodeCommand } from './setup-code.js'
import { doctorCommand } from './doctor.js'
import { apiKeyCommand } from './api-key.js'
import { importCommand } from './import.js'
import { relatedCommand } from './related.js'
import { webhookCommand } from './webhook.js'

const usage = `Usage: dateline <command>

Commands:
  serve                 migrate, then serve the site (HOST, PORT, DATABASE_URL from the environment)
  migrate               bring the database schema up to date
  seed --demo           write the demo newspaper into the database
  import <file>         import JSON Lines, a WordPress export (WXR) or a Ghost export (JSON), detected; see docs/import.md
                        [--format jsonl|wordpress|ghost] [--dry-run] [--media-dir <dir>] [--section-from category|tag]
  user create --email <e> --name <n> --role <r> [--password-file <f>]
  comments list [--status pending] [--json] | approve|spam|trash|restore <id…> | export --email <e> | erase --email <e> --mode delete|anonymise
                        create a staff account (password asked for when no file is given)
  setup-code            print the one-time code the newsroom's first-run setup asks for (until an administrator exists)
  jobs [list|run]       the durable job queue (scheduled publishing): counts, failures, or run what is due now
  backup <file>         a consistent copy of the database and the local media library, while the site serves
  restore <file>        write a backup into a new, empty database of either dialect (SQLite or PostgreSQL)
  media migrate --to s3://<bucket>?endpoint=<url>&region=<r>
                        copy the media library to an S3-compatible store (or --to <folder>)
  doctor [--fix]        what is wrong with the database: statistics, indexes, pool size, version (--fix runs ANALYZE)
  api-key create --name <n> (--content | --role <r>) | list [--json] | revoke <id>
                        keys for programs: Ghost Content API (read) or Admin API (acts with a role's rights)
  related rebuild       work out every article's related news again (progress bar on a terminal)
  webhook add --url <u> --events <e,…> | list | remove <id> | test <id>
`

/** Runs one command with the services open, and closes them however it ends. */
async function withServices(config: Config, run: (services: Services) => Promise<number>, opts: { mmapMb?: number } = {}): Promise<number> {
  const services = await createServices(config, opts)
  try {
    return await run(services)
  } finally {
    await services.close()
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const config = loadConfig()
  switch (command) {
    case 'serve': {
      const { serve } = await import('../server.js')
      const address = await serve(config, { seedDemo: false })
      console.log(`Dateline is serving ${config.siteUrl} (listening on ${address})`)
      return -1
    }
    case 'doctor': {
      const handle = await createDb(config.databaseUrl, { poolMax: 1 })
      try {
        return await doctorCommand(handle, { poolMax: config.pgPoolMax, instances: config.instances }, rest)
      } finally {
        await handle.close()
      }
    }
    case 'migrate': {
      const handle = await createDb(config.databaseUrl)
      try {
        const applied = await migrateToLatest(handle)
        console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.')
      } finally {
        await handle.close()
      }
      return 0
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean' } } })
      if (!values.demo) {
        console.error('seed needs --demo (the only seed there is)')
        return 2
      }
      return withServices(config, async (services) => {
        console.log(`Seeded ${await seedDemo(services)} demo articles.`)
        return 0
      })
    }
    case 'user':
      return withServices(config, (services) => userCommand(services, rest))
    case 'jobs':
      return withServices(config, (services) => jobsCommand(services, rest))
    case 'setup-code':
      return withServices(config, (services) => setupCodeCommand(services))
    case 'comments':
      return withServices(config, (services) => commentsCommand(services, rest))
    case 'backup':
      return backupCommand(config, rest)
    case 'restore':
      return restoreCommand(config, rest)
    case 'media':
      return mediaCommand(config, rest)
    case 'api-key':
      return withServices(config, (services) => apiKeyCommand(services, rest))
    case 'import':
      return withServices(config, (services) => importCommand(services, rest), { mmapMb: 0 })
    case 'related':
      return withServices(config, (services) => relatedCommand(services, rest))
    case 'webhook':
      return withServices(config, (services) => webhookCommand(services, rest))
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage)
      return command ? 0 : 2
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`)
      return 2
  }
}

try {
  const code = await main(process.argv.slice(2))
  if (code >= 0) process.exit(code)
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`Configuration error: ${err.message}`)
    process.exit(2)
  }
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
