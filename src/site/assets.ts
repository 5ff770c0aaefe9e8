// Static assets from public/, held in memory under content-hashed names so browsers may keep them for a year.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Asset { body: Buffer; type: string; etag: string }

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
}

export const publicDir = fileURLToPath(new URL('../../public/', import.meta.url))

export interface Assets {
  /** Versioned path for a file in public/, e.g. /assets/site.3f2a9c1b.css */
  path(name: string): string
  get(versionedName: string): Asset | undefined
}

export function loadAssets(dir = publicDir): Assets {
  const byVersioned = new Map<string, Asset>()
  const versioned = new Map<string, string>()
  for (const name of readdirSync(dir)) {
    const type = types[extname(name)]
    if (!type) continue
    const body = readFileSync(join(dir, name))
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10)
    const ext = extname(name)
    const v = `${name.slice(0, -ext.length)}.${hash}${ext}`
    versioned.set(name, v)
    const asset = { body, type, etag: `"${hash}"` }
    byVersioned.set(v, asset)
    byVersioned.set(name, asset)
  }
  return {
    path: (name) => `/assets/${versioned.get(name) ?? name}`,
    get: (name) => byVersioned.get(name),
  }
}
