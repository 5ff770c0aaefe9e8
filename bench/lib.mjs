// What the benches share: child processes that stop with the bench, free ports, servers started and waited for,
// wrk runs and their figures, and the CPU time a process has used (robust on a shared machine, unlike req/s).
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('..', import.meta.url))
export const work = join(root, 'bench', '.work')
export const wrkBin = process.env.WRK ?? 'wrk'

const started = Date.now()
export const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`)

/** Every child this bench starts; all are stopped when it exits, however it exits. */
export const children = new Set()
export const stopAll = () => { for (const c of children) if (c.exitCode === null) c.kill('SIGTERM') }
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130) })

/** Exits with a hint when wrk is missing; makes the work folder. */
export function prepare() {
  if (spawnSync(wrkBin, ['--version']).error) {
    console.log('wrk is not installed: apt-get install wrk')
    process.exit(1)
  }
  mkdirSync(work, { recursive: true })
}

/** Runs a command to its end in the project folder; throws when it exits otherwise than `ok`. Returns what it printed. */
export function run(command, args, env = {}, { inherit = true, ok = [0] } = {}) {
  const result = spawnSync(command, args, {
    cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
  })
  if (!ok.includes(result.status)) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr ?? ''}`)
  return (result.stdout ?? '').trim()
}

export const freePort = () => new Promise((resolve, reject) => {
  const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = probe.address()
    probe.close(() => resolve(port))
  })
})

/** Starts a child and waits until `url` answers 2xx (60 s at most). */
export async function startChild(name, command, args, env, url) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
  children.add(child)
  let stderr = ''
  child.stderr.on('data', (d) => { stderr += d })
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr.trim()}`)
    try {
      const res = await fetch(url)
      await res.arrayBuffer()
      if (res.ok) return child
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${name} did not start within 60 s: ${stderr.trim()}`)
}

/** User + system CPU seconds a process has used, from /proc. */
export const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/** One wrk run; resolves with its text output. Killed if it overruns `limitSeconds` by 30 s. */
export function wrk(args, limitSeconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(wrkBin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    children.add(child)
    let text = ''
    child.stdout.on('data', (d) => { text += d })
    child.stderr.on('data', (d) => { text += d })
    const guard = setTimeout(() => child.kill('SIGKILL'), limitSeconds * 1000 + 30_000)
    child.on('error', reject)
    child.on('close', () => { clearTimeout(guard); children.delete(child); resolve(text) })
  })
}

const toMs = (value, unit) => Number(value) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 }[unit] ?? NaN)

/** Requests a second, requests, p50 and p99 (ms, with --latency), non-2xx answers and socket errors from wrk's output. */
export function parseWrk(out) {
  const pct = (p) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm').exec(out)
    return m ? toMs(m[1], m[2]) : NaN
  }
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN),
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN),
    p50: pct(50),
    p99: pct(99),
    non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
    socket: /Socket errors: (.*)/.exec(out)?.[1],
  }
}

/**
 * A wrk Lua script whose search queries never repeat, within a run or across runs against the same server (the warm-up
 * and the measured run): a topical word with a common one, or two topical words of one section, in a stride order;
 * after every pair is used a third word keeps them new. The next unused number is kept in a file between runs.
 */
export function uniqueSearchScript(name, topical, common) {
  const file = join(work, `${name}.lua`)
  const counter = join(work, `${name}.next`)
  rmSync(counter, { force: true })
  writeFileSync(file, `local topical = { ${topical.map((words) => `{ ${words.split(' ').map((w) => JSON.stringify(w)).join(', ')} }`).join(',\n')} }
local common = { ${common.map((w) => JSON.stringify(w)).join(', ')} }
local queries = {}
local listed = {}
local function add(q)
  if not listed[q] then
    listed[q] = true
    table.insert(queries, q)
  end
end
for _, words in ipairs(topical) do
  for _, w in ipairs(words) do
    for _, c in ipairs(common) do
      add(w .. " " .. c)
      add(c .. " " .. w)
    end
    for _, o in ipairs(words) do
      if o ~= w then add(w .. " " .. o) end
    end
  end
end
local counter = ${JSON.stringify(counter)}
local f = io.open(counter, "r")
base = f and tonumber(f:read("*l")) or 0
if f then f:close() end
-- Thread t sends numbers t, t + stride, t + 2 stride…: room for up to 16 threads.
local stride = 16
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
n = 0
function request()
  local k = base + id + stride * n
  n = n + 1
  local q = queries[((k * 7919) % #queries) + 1]
  local lap = math.floor(k / #queries)
  if lap > 0 then q = q .. " " .. common[((lap - 1) % #common) + 1] end
  return wrk.format("GET", "/search?q=" .. q:gsub(" ", "%%20"))
end
function done(summary, latency, requests)
  local most = 0
  for _, thread in ipairs(threads) do
    local sent = thread:get("n")
    if sent > most then most = sent end
  end
  local out = io.open(counter, "w")
  out:write(tostring(base + stride * (most + 1)))
  out:close()
end
`)
  return file
}

/** A wrk script that requests `list` in turn, each thread starting at its own place. */
export function cyclingScript(name, list) {
  const file = join(work, `${name}.lua`)
  writeFileSync(file, `local paths = { ${list.map((p) => JSON.stringify(p)).join(',\n')} }
local threads = 0
function setup(thread)
  thread:set("offset", threads * math.floor(#paths / 2))
  threads = threads + 1
end
local i = nil
function request()
  i = ((i or offset or 0) % #paths) + 1
  return wrk.format("GET", paths[i])
end
`)
  return file
}

/**
 * One wrk run of `secs` seconds (after an unmeasured warm-up), with the server's own CPU time per request.
 * @example await measure('list', 'http://127.0.0.1:3000/api/v1/articles', { server, secs: 5 })
 */
export async function measure(label, url, { server, script, connections = 50, secs = 5, warmup = true, warmupSecs = 3 }) {
  log(`wrk ${label}`)
  const threads = `-t${Math.min(2, connections)}`
  if (warmup) await wrk([threads, `-c${connections}`, `-d${warmupSecs}s`, ...(script ? ['-s', script] : []), url], warmupSecs)
  const before = cpuSeconds(server.pid)
  const out = await wrk([threads, `-c${connections}`, `-d${secs}s`, '--timeout', '5s', '--latency', ...(script ? ['-s', script] : []), url], secs)
  const r = { label, ...parseWrk(out) }
  r.cpuUs = ((cpuSeconds(server.pid) - before) * 1e6) / r.requests
  return r
}

/** Two servers in alternating slices, so a shared machine's swings fall on both alike; means over the slices. */
export async function measurePair(a, b, { slices = 5, secs = 10 } = {}) {
  const runs = [[], []]
  // wrk takes whole seconds only.
  const slice = Math.max(1, Math.round(secs / slices))
  for (let i = 0; i < slices; i++) {
    runs[0].push(await measure(a.label, a.url, { ...a, secs: slice, warmup: i === 0 }))
    runs[1].push(await measure(b.label, b.url, { ...b, secs: slice, warmup: i === 0 }))
  }
  return runs.map((list) => ({
    label: list[0].label, rps: list.reduce((n, r) => n + r.rps, 0) / list.length, p99: Math.max(...list.map((r) => r.p99)),
    requests: list.reduce((n, r) => n + r.requests, 0), non2xx: list.reduce((n, r) => n + r.non2xx, 0),
    cpuUs: list.reduce((n, r) => n + r.cpuUs * r.requests, 0) / list.reduce((n, r) => n + r.requests, 0),
  }))
}

/**
 * A PostgreSQL database of its own for one bench run, named `<prefix>_<random>`, and how to drop it.
 * @example const pg = await scratchPostgres(process.env.BENCH_DATABASE_URL, 'api_bench')
 */
export async function scratchPostgres(baseUrl, prefix) {
  const { default: pg } = await import('pg')
  const name = `${prefix}_${Math.random().toString(16).slice(2, 10)}`
  const admin = async (statement) => {
    const client = new pg.Client({ connectionString: baseUrl })
    await client.connect()
    try { await client.query(statement) } finally { await client.end() }
  }
  await admin(`create database ${name}`)
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

/**
 * Waits (10 minutes at most) until the server's job queue is idle: an import queues related-news work that a fresh
 * server does first, and its CPU would otherwise be counted against the requests measured meanwhile.
 */
export async function jobsIdle(databaseUrl, { timeoutMs = 600_000 } = {}) {
  const { createDb } = await import('../dist/platform/db/index.js')
  const handle = await createDb(databaseUrl)
  try {
    const deadline = Date.now() + timeoutMs
    for (let said = false; ;) {
      const { n } = await handle.db.selectFrom('job').where('status', 'in', ['queued', 'running'])
        .select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      if (Number(n) === 0) return true
      if (Date.now() > deadline) { log(`jobs still pending after ${timeoutMs / 1000} s: measuring anyway`); return false }
      if (!said) { log(`waiting for ${n} pending job(s) to finish before measuring`); said = true }
      await new Promise((r) => setTimeout(r, 2000))
    }
  } finally {
    await handle.close()
  }
}
