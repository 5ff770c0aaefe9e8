// Time is injected so domain code and tests agree on "now" without sleeping.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until told to move; for tests and the scheduler's dry runs. */
export function fixedClock(start: Date | string): Clock & { set(t: Date | string): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (t) => { current = new Date(t) },
    advance: (ms) => { current = new Date(current.getTime() + ms) },
  }
}

/** Stored form of an instant: ISO 8601 in UTC with milliseconds, fixed width so text order is time order. */
export function toIso(date: Date): string {
  return date.toISOString()
}
