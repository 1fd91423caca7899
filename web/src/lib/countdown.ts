// How long a reservation still holds, as the shopper reads it. The clock is the browser's: the
// service's sweeper decides, and the checkout's status says what it decided.

/** Whole seconds left until `expiresAt`, never below 0; rounded up, so "0:00" means it has ended. */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000))
}

/** 605 seconds is "10:05", 59 is "0:59". */
export function formatSecondsLeft(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`
}

/** How long until the display next changes: the next whole second of the countdown. */
export function msToNextTick(expiresAt: string, now: number): number {
  const left = Date.parse(expiresAt) - now
  if (left <= 0) return Infinity
  const intoSecond = left % 1000
  return intoSecond === 0 ? 1000 : intoSecond
}
