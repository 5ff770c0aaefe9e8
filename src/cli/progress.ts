// A progress line for long commands: done of total, rate and time left, redrawn at most ten times a second on a terminal.
import type { WriteStream } from 'node:tty'

export interface Progress {
  add(n: number): void
  done(): void
}

/** Draws on stderr when it is a terminal; silent otherwise, so logs and pipes get only the final report. */
export function progressBar(label: string, total: number, out: NodeJS.WriteStream = process.stderr, now = () => Date.now()): Progress {
  const tty = (out as WriteStream).isTTY === true
  const started = now()
  let count = 0
  let drawn = 0
  const draw = () => {
    const elapsed = Math.max(1, now() - started) / 1000
    const rate = count / elapsed
    const share = total > 0 ? Math.min(1, count / total) : 1
    const width = 24
    const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.')
    const left = rate > 0 && total > count ? `, ${formatSeconds((total - count) / rate)} left` : ''
    out.write(`\r${label} [${bar}] ${count.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s${left})\x1b[K`)
  }
  return {
    add(n) {
      count += n
      if (!tty) return
      const t = now()
      if (t - drawn >= 100) {
        drawn = t
        draw()
      }
    },
    done() {
      if (!tty) return
      draw()
      out.write('\n')
    },
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`
}
