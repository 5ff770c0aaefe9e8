// Compiles src/ to dist/ with tsc; with --if-needed, only when a source file is newer than the build.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const stamp = join(root, 'dist', 'server.js')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

if (process.argv.includes('--if-needed') && existsSync(stamp) && statSync(stamp).mtimeMs >= newest(join(root, 'src'))) process.exit(0)
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
if (!existsSync(tsc)) {
  console.error('TypeScript is not installed: run `npm install` first.')
  process.exit(1)
}
console.log('Building Dateline…')
try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { cwd: root, stdio: 'inherit' })
} catch {
  // tsc has already printed the errors; a Node stack trace after them would only bury them.
  console.error('The build failed: fix the TypeScript errors above and run it again.')
  process.exit(1)
}
