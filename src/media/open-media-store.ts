// Opens the store configuration names: the local folder by default, an S3-compatible bucket with MEDIA_STORE.
import { diskMediaStore, type MediaStore } from './media-store.js'

const stores = new Map<string, MediaStore>()

/**
 * The store configuration asks for: the local folder, or an S3-compatible bucket when MEDIA_STORE names one.
 * One store (and one S3 client) per location for the whole process; the AWS SDK is loaded only when used.
 */
export function createMediaStore(config: { mediaDir: string; mediaStore?: string | undefined }): MediaStore {
  const location = config.mediaStore
  if (!location) return diskMediaStore(config.mediaDir)
  let store = stores.get(location)
  if (!store) {
    let loading: Promise<MediaStore> | undefined
    const open = () => (loading ??= import('./s3-store.js').then((m) => m.s3MediaStore(m.parseS3Url(location))))
    store = {
      put: async (name, body) => (await open()).put(name, body),
      get: async (name) => (await open()).get(name),
      exists: async (name) => (await open()).exists(name),
      delete: async (name) => (await open()).delete(name),
      stream: async (name) => (await open()).stream(name),
      async *list() { yield* (await open()).list() },
    }
    stores.set(location, store)
  }
  return store
}
