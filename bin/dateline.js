#!/usr/bin/env -S node --no-memory-reducer
// Runs the built CLI, building first when dist/ is missing (a fresh clone).
import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/cli.js', import.meta.url))) {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
}
await import('../dist/cli.js')
