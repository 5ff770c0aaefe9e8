// Worker thread entry: renders posts (body-render.ts) for the import running on the main thread, in the order asked.
import { parentPort, workerData } from 'node:worker_threads'
import { mediaLookup, renderPost, type MediaTable } from './body-render.js'

export interface RenderRequest { id: number; content: string; comments: string[] }

const lookup = mediaLookup(workerData as MediaTable)
parentPort!.on('message', (batch: RenderRequest[]) => {
  parentPort!.postMessage(batch.map((r) => {
    try {
      return { id: r.id, post: renderPost(r.content, r.comments, lookup) }
    } catch (err) {
      return { id: r.id, error: err instanceof Error ? err.message : String(err) }
    }
  }))
})
