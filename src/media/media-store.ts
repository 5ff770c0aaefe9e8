// Where media files live: one interface, the local disk today, object storage later.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface MediaStore {
  put(name: string, body: Buffer): Promise<void>
  get(name: string): Promise<Buffer | undefined>
  exists(name: string): Promise<boolean>
}

/** Server-made names only: lowercase letters, digits, dots and hyphens, so no path can escape the folder. */
export const mediaNamePattern = /^[a-z0-9][a-z0-9.-]{0,120}\.(jpg|jpeg|png|webp|avif|gif)$/

export function diskMediaStore(dir: string): MediaStore {
  const path = (name: string) => {
    if (!mediaNamePattern.test(name) || name.includes('..')) throw new Error(`invalid media name: ${name}`)
    return join(dir, name)
  }
  return {
    async put(name, body) {
      await mkdir(dir, { recursive: true })
      await writeFile(path(name), body)
    },
    async get(name) {
      if (!mediaNamePattern.test(name)) return undefined
      try {
        return await readFile(path(name))
      } catch {
        return undefined
      }
    },
    async exists(name) {
      if (!mediaNamePattern.test(name)) return false
      return stat(path(name)).then(() => true, () => false)
    },
  }
}

export const mediaTypes: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
}
