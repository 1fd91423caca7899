// The storefront's own count of what the shop cannot see: the optimistic changes it showed, and
// those it had to take back because the shop refused them. Only counts, nothing of the shopper.

/** What POST /api/telemetry/rollbacks takes: counts since the last report. */
export interface RollbackReport {
  changes: number
  rollbacks: Record<string, number>
}

export interface RollbackTally {
  changes: number
  rollbacks: Map<string, number>
}

/** The shop takes at most 20 codes a report; the rarer ones beyond are counted as OTHER. */
export const MAX_CODES = 20
/** The shop takes at most this many changes, and as many rollbacks, in one report; the rest wait for the next. */
export const MAX_COUNT = 1000
export const OTHER = 'OTHER'

export function newTally(): RollbackTally {
  return { changes: 0, rollbacks: new Map() }
}

export function countChanges(tally: RollbackTally, changes = 1): void {
  tally.changes += changes
}

export function countRollbacks(tally: RollbackTally, code: string, rollbacks = 1): void {
  const counted = tally.rollbacks.has(code) || tally.rollbacks.size < MAX_CODES - 1 ? code : OTHER
  tally.rollbacks.set(counted, (tally.rollbacks.get(counted) ?? 0) + rollbacks)
}

/** The counts so far, as much as one report takes, which the tally no longer holds; null when there is nothing to tell. */
export function takeReport(tally: RollbackTally): RollbackReport | null {
  if (tally.changes === 0 && tally.rollbacks.size === 0) return null
  const changes = Math.min(tally.changes, MAX_COUNT)
  tally.changes -= changes
  const rollbacks: Record<string, number> = {}
  let room = MAX_COUNT
  for (const [code, count] of [...tally.rollbacks]) {
    const taken = Math.min(count, room)
    if (taken === 0) break
    rollbacks[code] = taken
    room -= taken
    if (taken === count) tally.rollbacks.delete(code)
    else tally.rollbacks.set(code, count - taken)
  }
  return { changes, rollbacks }
}

/** A report that did not reach the shop counts again in the next one. */
export function putBack(tally: RollbackTally, report: RollbackReport): void {
  countChanges(tally, report.changes)
  Object.entries(report.rollbacks).forEach(([code, count]) => countRollbacks(tally, code, count))
}
