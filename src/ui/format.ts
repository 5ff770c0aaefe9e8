// Dates as readers see them: absolute, in the site's time zone, never "this Saturday".

const masthead: Intl.DateTimeFormatOptions = { weekday: 'long', month: 'long', day: 'numeric' }
const dateTime: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
const dateOnly: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' }

// Keyed by the options object itself: a page formats dozens of dates, and building a formatter is slow.
const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>()

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byZone = formatters.get(options)
  if (!byZone) formatters.set(options, (byZone = new Map()))
  const key = `${locale}|${timeZone}`
  let f = byZone.get(key)
  if (!f) byZone.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })))
  return f
}

// Formatting costs microseconds a date and pages show the same few dates again and again (an article's times,
// its related news, the masthead), so results are remembered; the bound keeps an archive crawl from growing it.
// Keyed by format, then by the instant as a number, which a Map finds faster than a composed string.
const formatted = new Map<string, Map<number, string>>()
const formattedMax = 20_000

function remembered(options: Intl.DateTimeFormatOptions, name: string, locale: string, timeZone: string, at: number): string {
  // Put together by hand in a fraction of what looking it up here would cost.
  const quick = quickly(options, locale, timeZone, at)
  if (quick !== undefined) return quick
  const kind = `${name}|${locale}|${timeZone}`
  let byInstant = formatted.get(kind)
  if (!byInstant) formatted.set(kind, (byInstant = new Map()))
  let text = byInstant.get(at)
  if (text === undefined) {
    if (byInstant.size >= formattedMax) byInstant.clear()
    byInstant.set(at, (text = formatter(locale, timeZone, options).format(at)))
  }
  return text
}

// An archive read at random asks for dates no memo holds, and Intl takes microseconds for each (several a page).
// The British formats are put together here from the zone's offset, which Intl gives once per zone and UTC day;
// each is checked against Intl when first used, so an ICU that words them otherwise is simply used as before.
const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const dayMs = 86_400_000
const offsetFormatters = new Map<string, Intl.DateTimeFormat>()
/** Per zone: UTC day number → the zone's offset in ms all that day, or null when it changes during the day. */
const dayOffsets = new Map<string, Map<number, number | null>>()

// format() and a pattern take a quarter of formatToParts' time; any other text (a year before Christ) takes the parts.
const numericParts = /^(\d+)\/(\d+)\/(\d+) AD, (\d+):(\d+):(\d+)$/

function offsetAt(timeZone: string, at: number): number {
  let f = offsetFormatters.get(timeZone)
  if (!f) {
    offsetFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    })))
  }
  const m = numericParts.exec(f.format(at))
  let local: number
  if (m) {
    const [month, day, year, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number]
    local = Date.UTC(year, month - 1, day, hour, minute, second)
  } else {
    const p: Record<string, string> = {}
    for (const { type, value } of f.formatToParts(at)) p[type] = value
    const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year)
    local = Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second))
  }
  return local - (at - (((at % 1000) + 1000) % 1000))
}

function dayOffset(timeZone: string, at: number): number | null {
  let byDay = dayOffsets.get(timeZone)
  if (!byDay) dayOffsets.set(timeZone, (byDay = new Map()))
  const day = Math.floor(at / dayMs)
  let offset = byDay.get(day)
  if (offset === undefined) {
    if (byDay.size >= formattedMax) byDay.clear()
    // Zones change offset at most twice a year, never twice in one day: equal at both ends means constant between.
    const start = offsetAt(timeZone, day * dayMs)
    offset = start === offsetAt(timeZone, day * dayMs + dayMs - 1000) ? start : null
    byDay.set(day, offset)
  }
  return offset
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))
const british: Partial<Record<string, (d: Date) => string>> = {
  dateTime: (d) => `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()} at ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`,
  date: (d) => `${d.getUTCDate()} ${monthNames[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
}
/** Per format: whether the hand-made text matched Intl's on a sample of instants (worked out on first use). */
const agrees = new Map<Intl.DateTimeFormatOptions, boolean>()
const samples = [Date.UTC(2026, 10, 25, 14, 5), Date.UTC(2001, 0, 1, 0, 0), Date.UTC(2024, 6, 9, 23, 59, 59)]

function quickly(options: Intl.DateTimeFormatOptions, locale: string, timeZone: string, at: number): string | undefined {
  if (locale !== 'en-GB' || !Number.isFinite(at)) return undefined
  const make = british[options === dateTime ? 'dateTime' : options === dateOnly ? 'date' : '']
  if (!make) return undefined
  let ok = agrees.get(options)
  if (ok === undefined) {
    ok = samples.every((t) => make(new Date(t)) === formatter('en-GB', 'UTC', options).format(t))
    agrees.set(options, ok)
  }
  if (!ok) return undefined
  const offset = dayOffset(timeZone, at)
  if (offset === null) return undefined
  const local = new Date(at + offset)
  const year = local.getUTCFullYear()
  return year >= 1000 && year <= 9999 ? make(local) : undefined
}

/** "Wednesday, November 25" */
export function formatMastheadDate(date: Date, timeZone: string, locale = 'en'): string {
  // Remembered by the minute: every time zone's days start on a minute boundary.
  return remembered(masthead, 'masthead', locale, timeZone, Math.floor(date.getTime() / 60_000) * 60_000)
}

/** "25 November 2026, 14:05" */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return remembered(dateTime, 'dateTime', locale, timeZone, date.getTime())
}

/** "25 November 2026" */
export function formatDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return remembered(dateOnly, 'date', locale, timeZone, date.getTime())
}

export function isoDate(date: Date): string {
  return date.toISOString()
}
