// A second thread for full-text search on SQLite: better-sqlite3 answers on the thread that asks, so a search there
// holds every page behind it. This thread opens its own connection (WAL lets it read while the first one writes).
import { parentPort, workerData } from 'node:worker_threads'
import { createDb } from '../platform/db/index.js'
import { searchArticles, type SearchInput } from './fulltext.js'

const port = parentPort
if (!port) throw new Error('search-worker.js runs as a worker thread')
const handle = await createDb((workerData as { databaseUrl: string }).databaseUrl)
port.on('message', (message: { id: number; input: SearchInput }) => {
  searchArticles(handle, message.input).then(
    (result) => port.postMessage({ id: message.id, result }),
    (err: unknown) => port.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) }),
  )
})
port.postMessage({ ready: true })
