// The server is measured as `npm start` runs it, with the same Node flags, read from package.json.
import { readFileSync } from 'node:fs'

const start = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts.start
const flags = /node ((?:--[\w-]+(?:=\S+)? )*)dist\/server\.js/.exec(start)?.[1].trim().split(/\s+/).filter(Boolean)
if (!flags) throw new Error(`bench: cannot find "node … dist/server.js" in package.json's start script: ${start}`)

/** Node flags `npm start` gives the server, and the arguments that start it. */
export const nodeFlags = flags
export const serverArgs = [...flags, 'dist/server.js']
