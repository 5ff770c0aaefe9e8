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
