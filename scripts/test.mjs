// `npm test`: finds (or installs) Chromium, then type-checks, lints the import direction and runs every test.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function ensureChromium() {
  if (existsSync(chromium)) return
  const isRoot = process.getuid?.() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
    if (install && install.status === 0 && existsSync(chromium)) return
  }
  console.error(`Chromium not found at ${chromium}: install it with \`sudo apt-get install chromium\` (or set CHROMIUM_PATH) and run npm test again.`)
  process.exit(1)
}

function step(name, command, args) {
  console.log(`\n── ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`\n${name} failed.`)
    process.exit(result.status ?? 1)
  }
}

ensureChromium()
const bin = (name) => `node_modules/.bin/${name}`
// Emitting costs little over checking, and the CLI and shutdown tests run the built dist/ without building again.
step('Type check and build', process.execPath, ['scripts/build.mjs'])
step('Type check (tests)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.test.json'])
step('Import direction', bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs'])
step('Tests', bin('vitest'), ['run', ...process.argv.slice(2)])
