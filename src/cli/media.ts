// `dateline media migrate --to s3://…`: copies the media library to another store, so a paper can move its files to shared storage.
import { parseArgs } from 'node:util'
import type { Config } from '../config/index.js'
import { createMediaStore, type MediaStore } from '../media/index.js'
import { progressBar } from './progress.js'

const usage = 'media migrate --to s3://<bucket>?endpoint=<url>&region=<region> (or --to <folder>)'

export async function mediaCommand(config: Config, args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { to: { type: 'string' } } })
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: dateline ${usage}`)
    return 2
  }
  const { positionals: [sub], values } = parsed
  if (sub !== 'migrate' || !values.to) {
    console.error(`Usage: dateline ${usage}`)
    return 2
  }
  const to = values.to
  if (to.startsWith('s3:') && !/^s3:\/\/[^/?]+/.test(to)) {
    console.error(`--to must be s3://<bucket>?endpoint=<url>&region=<region>, got "${to}"`)
    return 2
  }
  const target = to.startsWith('s3://') ? createMediaStore({ mediaDir: '', mediaStore: to }) : createMediaStore({ mediaDir: to })
  const source = createMediaStore(config)
  const { copied, present } = await copyLibrary(source, target)
  console.log(`Copied ${copied} media files; ${present} were already there. Set MEDIA_STORE=${to.startsWith('s3://') ? to : 'disk'} on every instance to serve from it.`)
  return 0
}

/** Copies what the target lacks; names never change their bytes, so a file already there is the same file. */
async function copyLibrary(source: MediaStore, target: MediaStore): Promise<{ copied: number; present: number }> {
  const names: string[] = []
  for await (const name of source.list()) names.push(name)
  const bar = progressBar('Copying media', names.length)
  let copied = 0
  let present = 0
  for (const name of names) {
    if (await target.exists(name)) present++
    else {
      const bytes = await source.get(name)
      if (bytes) {
        await target.put(name, bytes)
        copied++
      }
    }
    bar.add(1)
  }
  bar.done()
  return { copied, present }
}
