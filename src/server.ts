// Launcher: read config, open services, build the app, listen, and close gracefully on SIGTERM/SIGINT.
import { ConfigError, loadConfig, type Config } from './config/index.js'
import { buildApp, createServices, requestsFinished } from './app.js'
import { seedDemoIfEmpty } from './content/seed-demo.js'
import { ensureSetupCode } from './identity/index.js'
import { checkDatabase } from './platform/db/index.js'

/** Serves until SIGTERM/SIGINT; resolves with the address actually bound (PORT=0 picks a free port). */
export async function serve(config: Config, { seedDemo = false } = {}): Promise<string> {
  const services = await createServices(config)
  if (seedDemo) {
    const seeded = await seedDemoIfEmpty(services)
    if (seeded) console.log(`Seeded ${seeded} demo articles into the empty database.`)
  }
  const app = await buildApp(services, { logger: { level: config.logLevel } })
  if (!process.execArgv.includes('--no-memory-reducer')) {
    app.log.info('started without --no-memory-reducer: after the first quiet spell, cached pages take about a third more CPU (see docs/decisions/0011-node-memory-reducer.md); npm start and the dateline command pass it')
  }
  // Until someone has claimed the newsroom, only a person who can read this log (or run the CLI) may do so.
  const setupCode = await ensureSetupCode(services.db)
  if (setupCode) app.log.warn(`No administrator yet: open ${config.siteUrl}/newsroom/setup and enter the setup code ${setupCode}`)
  // One line per problem with the database, so an operator learns of missing statistics before readers feel them.
  try {
    const { findings } = await checkDatabase(services.db, services.dialect, { poolMax: config.pgPoolMax, instances: config.instances })
    for (const f of findings) app.log.warn({ code: f.code }, `database: ${f.message} Fix: ${f.fix} (dateline doctor)`)
  } catch (err) {
    app.log.warn({ err }, 'database: could not check the database (dateline doctor)')
  }
  const stopWatching = services.bus.watch()
  // Scheduled publishing and other queued work; the queue lives in the database, so a restart loses none.
  services.jobs.start()
  // SQLite's search thread, ready before the first reader searches (decision 0024).
  services.searchThread?.start()
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: no new connections, draining requests')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    try {
      await app.close()
      // A request whose reader has gone is not waited for by close(); it finishes before the database closes.
      await requestsFinished(app, 5_000)
      await stopWatching()
      await services.close()
      process.exit(0)
    } catch (err) {
      app.log.error({ err }, 'shutdown failed')
      process.exit(1)
    }
  }
  // `on`, not `once`: a signal can arrive twice (Ctrl-C reaches both `dateline serve` and the server it starts, which
  // passes it on too), and a second must not end the process before the requests in flight are answered.
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
  return app.listen({ host: config.host, port: config.port })
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  try {
    const config = loadConfig()
    const address = await serve(config, { seedDemo: true })
    console.log(`Dateline is serving ${config.siteUrl} (listening on ${address})`)
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(1)
    }
    throw err
  }
}
