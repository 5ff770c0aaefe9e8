// Dates on reader pages are put together by hand for speed; they must read exactly as Intl words them, in every zone.
import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../src/ui/index.js'

const zones = ['UTC', 'Europe/London', 'Europe/Lisbon', 'America/New_York', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe']
const intl = (timeZone: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone, ...options })

describe('reader dates', () => {
  it('read as Intl words them, across daylight-saving changes and odd offsets', () => {
    let seed = 11
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296)
    // Every quarter hour around this year's changes, and instants scattered over fifty years.
    const instants = [
      ...Array.from({ length: 8 * 96 * 3 }, (_, i) => Date.UTC(2026, 2, 26) + i * 15 * 60_000),
      ...Array.from({ length: 8 * 96 * 3 }, (_, i) => Date.UTC(2026, 9, 22) + i * 15 * 60_000),
      ...Array.from({ length: 3000 }, () => Date.UTC(1990, 0, 1) + Math.floor(random() * 50 * 365 * 86_400_000)),
    ]
    for (const zone of zones) {
      const withTime = intl(zone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      const dateOnly = intl(zone, { day: 'numeric', month: 'long', year: 'numeric' })
      for (const at of instants) {
        expect(formatDateTime(new Date(at), zone)).toBe(withTime.format(at))
        expect(formatDate(new Date(at), zone)).toBe(dateOnly.format(at))
      }
    }
  })
})
