// The `dateline` command: dispatches to one file per command group (serve, migrate, seed, import, user, comments, jobs).
import { createReadStream, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig, type Config } from '../config/index.js'
import { createServices, type Services } from '../app.js'
import { createDb, migrateToLatest } from '../platform/db/index.js'
import { importArticles } from '../content/index.js'
import { seedDemo } from '../content/seed-demo.js'
import { userCommand } from './user.js'
import { commentsCommand } from './comments.js'
import { jobsCommand } from './jobs.js'
import { webhookCommand } from './webhook.js'

const usage = `Usage: dateline <command>

Commands:
  serve                 migrate, then serve the site (HOST, PORT, DATABASE_URL from the environment)
  migrate               bring the database schema up to date
  seed --demo           write the demo newspaper into the database
  import <file.jsonl>   import articles from JSON Lines (see docs/import.md)
  user create --email <e> --name <n> --role <r> [--password-file <f>]
  comments list [--status pending] [--json] | approve|spam|trash|restore <id…> | export --email <e> | erase --email <e> --mode delete|anonymise
                        create a staff account (password asked for when no file is given)
  jobs [list|run]       the durable job queue (scheduled publishing): counts, failures, or run what is due now
  webhook add --url <u> --events <e,…> | list | remove <id> | test <id>
`

/** Runs one command with the services open, and closes them however it ends. */
async function withServices(config: Config, run: (services: Services) => Promise<number>): Promise<number> {
  const services = await createServices(config)
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
    case 'comments':
      return withServices(config, (services) => commentsCommand(services, rest))
    case 'webhook':
      return withServices(config, (services) => webhookCommand(services, rest))
    case 'import': {
      const file = rest[0]
      if (!file || !existsSync(file)) {
        console.error(file ? `No such file: ${file}` : 'import needs a file: dateline import articles.jsonl')
        return 2
      }
      return withServices(config, async (services) => {
        const report = await importArticles(services, createReadStream(file, 'utf8'))
        for (const s of report.skipped) console.error(`line ${s.line}: ${s.message} (skipped)`)
        console.log(`Imported ${report.created} new and ${report.updated} updated articles; skipped ${report.skipped.length} ${report.skipped.length === 1 ? 'line' : 'lines'}.`)
        return report.skipped.length ? 1 : 0
      })
    }
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
