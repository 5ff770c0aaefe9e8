// Where media files live: one interface, the local disk today, an S3-compatible object store later.
import { createReadStream } from 'node:fs'
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { Readable } from 'node:stream'

/** A stored file ready to send: its bytes as a stream, its length, and a strong validator. */
export interface StoredFile {
  body: Readable
  bytes: number
  etag: string
}

/**
 * Everything the app does with media files. Names are made by the server and checked against `mediaNamePattern`
 * by every implementation, so a name can never reach outside the store.
 * @example const store = createMediaStore(config); await store.put('ab12-640.webp', bytes); const file = await store.stream('ab12-640.webp')
 */
export interface MediaStore {
  put(name: string, body: Buffer): Promise<void>
  get(name: string): Promise<Buffer | undefined>
  exists(name: string): Promise<boolean>
  /** Removes the file; a missing file is not an error. */
  delete(name: string): Promise<void>
  stream(name: string): Promise<StoredFile | undefined>
  /** Every stored name, for backups and moves between stores. */
  list(): AsyncIterable<string>
}

/** Server-made names only: lowercase letters, digits, dots and hyphens, so no path can escape the folder. */
export const mediaNamePattern = /^[a-z0-9][a-z0-9.-]{0,120}\.(jpg|jpeg|png|webp|avif|gif)$/

export const isMediaName = (name: string) => mediaNamePattern.test(name) && !name.includes('..')

/** Files never change under a name (names are random or derived from fixed inputs), so name and size make a strong ETag. */
export const etagFor = (name: string, bytes: number) => `"${createHash('sha256').update(name).digest('base64url').slice(0, 16)}-${bytes.toString(36)}"`

export function diskMediaStore(dir: string): MediaStore {
  const path = (name: string) => {
    if (!isMediaName(name)) throw new Error(`invalid media name: ${name}`)
    return join(dir, name)
  }
  return {
    async put(name, body) {
      const target = path(name)
      await mkdir(dir, { recursive: true })
      // Write then rename, so a reader on another instance never sees half a file.
      const temp = join(dir, `.${randomBytes(6).toString('hex')}.tmp`)
      await writeFile(temp, body)
      await rename(temp, target)
    },
    async get(name) {
      if (!isMediaName(name)) return undefined
      try {
        return await readFile(path(name))
      } catch {
        return undefined
      }
    },
    async exists(name) {
      if (!isMediaName(name)) return false
      return stat(path(name)).then((s) => s.isFile(), () => false)
    },
    async delete(name) {
      if (!isMediaName(name)) return
      await unlink(path(name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err
      })
    },
    async stream(name) {
      if (!isMediaName(name)) return undefined
      const file = path(name)
      const info = await stat(file).catch(() => undefined)
      if (!info?.isFile()) return undefined
      return { body: createReadStream(file), bytes: info.size, etag: etagFor(name, info.size) }
    },
    async *list() {
      const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[]
        throw err
      })
      yield* names.filter(isMediaName).sort()
    },
  }
}

export const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}

/** The Content-Type for a stored name, from the extension the server gave it. */
export function mediaTypeOf(name: string): string {
  return mediaTypes[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream'
}
