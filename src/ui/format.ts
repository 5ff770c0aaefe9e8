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

/** "Wednesday, November 25" */
export function formatMastheadDate(date: Date, timeZone: string, locale = 'en'): string {
  return formatter(locale, timeZone, masthead).format(date)
}

/** "25 November 2026, 14:05" */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, timeZone, dateTime).format(date)
}

/** "25 November 2026" */
export function formatDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, timeZone, dateOnly).format(date)
}

export function isoDate(date: Date): string {
  return date.toISOString()
}
