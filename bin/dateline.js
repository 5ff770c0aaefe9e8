#!/usr/bin/env node
// Runs the built CLI, building first when dist/ is missing (a fresh clone).
import { existsSync } from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
}

const flag = '--no-memory-reducer'
if (process.argv[2] === 'serve' && !process.execArgv.includes(flag)) {
  // The server needs a V8 flag (decision 0011) that a shebang cannot pass everywhere (`env -S` is missing from
  // BusyBox): serve from a child that has it, and hand it the signals a process manager sends to this one.
  const child = spawn(process.execPath, [flag, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  await import('../dist/cli/index.js')
}
