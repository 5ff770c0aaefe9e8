// Dates as readers see them: absolute, in the site's time zone, never "this Saturday".

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`
  let f = formatters.get(key)
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...options })))
  return f
}

/** "Wednesday, November 25" */
export function formatMastheadDate(date: Date, timeZone: string, locale = 'en'): string {
  return formatter(locale, timeZone, { weekday: 'long', month: 'long', day: 'numeric' }).format(date)
}

/** "25 November 2026, 14:05" */
export function formatDateTime(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date)
}

/** "25 November 2026" */
export function formatDate(date: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(date)
}

export function isoDate(date: Date): string {
  return date.toISOString()
}
