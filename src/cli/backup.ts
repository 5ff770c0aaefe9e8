// `dateline backup <file>` and `dateline restore <file>`: one portable file with every table and the local media library.
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { createGunzip, createGzip } from 'node:zlib'
import type { Config } from '../config/index.js'
import { createDb, dumpDatabase, restoreDatabase, SnapshotError, type RowRecord, type SnapshotHeader } from '../platform/db/index.js'
import { createMediaStore } from '../media/index.js'
import { progressBar } from './progress.js'

/**
 * The file is gzip'd JSON Lines: the snapshot header, one line per row, one line per media file
 * (`{"m": name, "b": base64}`), and a closing line with the counts, so a cut-off file is recognised.
 */
interface MediaRecord { m: string; b: string }
interface EndRecord { end: true; rows: number; media: number }

export async function backupCommand(config: Config, args: string[], now = () => new Date()): Promise<number> {
  const file = args[0]
  if (!file || args.length > 1) {
    console.error('backup needs one file: dateline backup backups/dateline-2026-12-04.backup')
    return 2
  }
  const handle = await createDb(config.databaseUrl)
  const media = createMediaStore(config)
  const partial = `${file}.partial`
  const gzip = createGzip()
  const out = createWriteStream(partial)
  gzip.pipe(out)
  const write = async (record: object) => {
    if (!gzip.write(`${JSON.stringify(record)}\n`)) await once(gzip, 'drain')
  }
  try {
    let rows = 0
    let bar = progressBar('Backing up', 0)
    await dumpDatabase(handle.db, handle.dialect, now(), async (record) => {
      if ('dateline' in record) bar = progressBar('Backing up', record.tables.reduce((n, t) => n + t.rows, 0))
      else {
        rows++
        bar.add(1)
      }
      await write(record)
    })
    bar.done()
    let files = 0
    for await (const name of media.list()) {
      const bytes = await media.get(name)
      if (!bytes) continue
      await write({ m: name, b: bytes.toString('base64') } satisfies MediaRecord)
      files++
    }
    await write({ end: true, rows, media: files } satisfies EndRecord)
    gzip.end()
    await once(out, 'close')
    await rename(partial, file)
    console.log(`Backed up ${rows.toLocaleString('en')} rows and ${files} media files to ${file}.`)
    return 0
  } catch (err) {
    gzip.destroy()
    out.destroy()
    await rm(partial, { force: true })
    throw err
  } finally {
    await handle.close()
  }
}

export async function restoreCommand(config: Config, args: string[]): Promise<number> {
  const file = args[0]
  if (!file || args.length > 1) {
    console.error('restore needs one file: dateline restore backups/dateline-2026-12-04.backup')
    return 2
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`)
    return 2
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })[Symbol.asyncIterator]()
  const next = async (): Promise<unknown> => {
    const { value, done } = await lines.next()
    if (done) return undefined
    try {
      return JSON.parse(value)
    } catch {
      throw new SnapshotError('the backup is damaged (a line is not JSON)')
    }
  }
  const handle = await createDb(config.databaseUrl)
  const media = createMediaStore(config)
  try {
    const header = await next() as SnapshotHeader | undefined
    if (!header || header.dateline !== 'backup') throw new SnapshotError(`${file} is not a Dateline backup`)
    const bar = progressBar('Restoring', header.tables.reduce((n, t) => n + t.rows, 0))
    let after: unknown
    async function* rows(): AsyncGenerator<RowRecord> {
      for (;;) {
        const record = await next()
        if (record && typeof record === 'object' && 't' in record) yield record as RowRecord
        else {
          after = record
          return
        }
      }
    }
    const restored = await restoreDatabase(handle, header, rows(), (_table, n) => bar.add(n))
    bar.done()
    let files = 0
    for (let record = after; ; record = await next()) {
      if (!record) throw new SnapshotError('the backup is cut off before its end: the database is restored, media may be missing')
      if ('end' in (record as object)) break
      const { m, b } = record as MediaRecord
      await media.put(m, Buffer.from(b, 'base64'))
      files++
    }
    console.log(`Restored ${restored.toLocaleString('en')} rows and ${files} media files from ${file}.`)
    return 0
  } catch (err) {
    if (err instanceof SnapshotError) {
      console.error(`Restore refused: ${err.message}.`)
      return 1
    }
    if ((err as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR') {
      console.error(`Restore refused: ${file} is not a Dateline backup or is damaged; nothing was written.`)
      return 1
    }
    throw err
  } finally {
    await handle.close()
  }
}
