#!/usr/bin/env node
// Runs the built CLI, building first when dist/ is missing (a fresh clone).
import { closeSync, existsSync, openSync, readSync } from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
if (!existsSync(new URL('../dist/cli/index.js', import.meta.url))) {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' })
}

/** A Ghost export is read whole (it is one JSON document); WordPress and JSON Lines are streamed. */
function streamedImport(args) {
  if (args.includes('ghost')) return false
  const file = args.find((a) => !a.startsWith('-'))
  try {
    const fd = openSync(file, 'r')
    const head = Buffer.alloc(256)
    readSync(fd, head, 0, 256, 0)
    closeSync(fd)
    return !/^\s*\{\s*"(db|meta|data)"/.test(head.toString('utf8').replace(/^\uFEFF/, ''))
  } catch {
    return false
  }
}

// Node flags some commands need, which a shebang cannot pass everywhere (`env -S` is missing from BusyBox): the server
// keeps V8's memory reducer off (decision 0011); a streamed import keeps its heap small, since it holds a couple of
// batches at a time but V8 would otherwise let a long import's heap grow to several hundred megabytes.
const [command, ...rest] = process.argv.slice(2)
const flags = command === 'serve' ? ['--no-memory-reducer'] : command === 'import' && streamedImport(rest) ? ['--max-old-space-size=160'] : []
if (flags.length && !flags.every((f) => process.execArgv.includes(f))) {
  // Run from a child that has them, and hand it the signals a process manager sends to this one.
  const child = spawn(process.execPath, [...flags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
} else {
  await import('../dist/cli/index.js')
}
