// `dateline related rebuild`: works out every article's related news again, with a progress bar on a terminal.
import type { Services } from '../app.js'
import { rebuildRelated, type RebuildProgress } from '../search/index.js'

export const relatedUsage = `Usage: dateline related rebuild
  rebuild   read every published article again and store its related news (editors' pins and exclusions kept)`

const phaseNames: Record<RebuildProgress['phase'], string> = { counting: 'Counting words', profiling: 'Reading articles', picking: 'Choosing related news' }

/** A progress line redrawn in place on a terminal; on a pipe or a file, one line per phase as it ends. */
export function progressPrinter(stream: { isTTY?: boolean; write(text: string): unknown }) {
  let lastPhase: string | undefined
  let lastDraw = 0
  return (p: RebuildProgress) => {
    const name = phaseNames[p.phase]
    const finished = p.done >= p.total
    if (!stream.isTTY) {
      if (finished && lastPhase !== p.phase) stream.write(`${name}: ${p.done} of ${p.total}\n`)
      if (finished) lastPhase = p.phase
      return
    }
    const now = Date.now()
    if (!finished && now - lastDraw < 100 && lastPhase === p.phase) return
    lastDraw = now
    lastPhase = p.phase
    const width = 30
    const share = p.total ? p.done / p.total : 1
    const bar = '█'.repeat(Math.round(share * width)).padEnd(width, '░')
    stream.write(`\r${name.padEnd(22)} ${bar} ${String(Math.round(share * 100)).padStart(3)}%  ${p.done}/${p.total}${finished ? '\n' : ''}`)
  }
}

/** Runs one related subcommand; returns the process exit code. */
export async function relatedCommand(
  services: Pick<Services, 'db' | 'dialect' | 'clock' | 'events'>, args: string[],
  out: { isTTY?: boolean; write(text: string): unknown } = process.stdout,
): Promise<number> {
  const [sub] = args
  if (sub !== 'rebuild') {
    out.write(`${relatedUsage}\n`)
    return 2
  }
  const cpuBefore = process.cpuUsage()
  const report = await rebuildRelated(services, { onProgress: progressPrinter(out) })
  const cpu = process.cpuUsage(cpuBefore)
  const rate = report.seconds > 0 ? Math.round(report.articles / report.seconds) : report.articles
  // CPU time says what the rebuild cost this process whatever else the machine was doing (the database's own is not in it).
  const cpuMs = report.articles ? (cpu.user + cpu.system) / 1000 / report.articles : 0
  out.write(`Related news worked out for ${report.articles} articles (${report.withPicks} with picks) in ${report.seconds.toFixed(1)} s, ${rate} articles/s, ${cpuMs.toFixed(2)} ms CPU each.\n`)
  return 0
}
