import { describe, expect, it } from 'vitest'
import { countChanges, countRollbacks, MAX_CODES, MAX_COUNT, newTally, putBack, takeReport } from './rollbackTally'

describe('the rollback tally', () => {
  it('reports the changes and the rollbacks by code, then starts again', () => {
    const tally = newTally()
    countChanges(tally)
    countChanges(tally, 4)
    countRollbacks(tally, 'INSUFFICIENT_STOCK')
    countRollbacks(tally, 'INSUFFICIENT_STOCK')
    countRollbacks(tally, 'VERSION_MISMATCH')

    expect(takeReport(tally)).toEqual({ changes: 5, rollbacks: { INSUFFICIENT_STOCK: 2, VERSION_MISMATCH: 1 } })
    expect(takeReport(tally)).toBeNull()
  })

  it('counts codes beyond what a report may carry as OTHER', () => {
    const tally = newTally()
    for (let i = 0; i < MAX_CODES + 5; i++) countRollbacks(tally, `CODE_${i}`)

    const report = takeReport(tally)!
    expect(Object.keys(report.rollbacks)).toHaveLength(MAX_CODES)
    expect(report.rollbacks.OTHER).toBe(6)
    expect(Object.values(report.rollbacks).reduce((a, b) => a + b, 0)).toBe(MAX_CODES + 5)
  })

  it('counts a report that was not sent again in the next', () => {
    const tally = newTally()
    countChanges(tally, 3)
    countRollbacks(tally, 'INSUFFICIENT_STOCK')
    const lost = takeReport(tally)!
    countChanges(tally)
    countRollbacks(tally, 'INSUFFICIENT_STOCK')

    putBack(tally, lost)

    expect(takeReport(tally)).toEqual({ changes: 4, rollbacks: { INSUFFICIENT_STOCK: 2 } })
  })
})

describe('a report as large as the shop takes', () => {
  it('carries at most MAX_COUNT changes and rollbacks, and leaves the rest for the next', () => {
    const tally = newTally()
    countChanges(tally, MAX_COUNT + 5)
    countRollbacks(tally, 'INSUFFICIENT_STOCK', MAX_COUNT - 1)
    countRollbacks(tally, 'VERSION_MISMATCH', 3)

    expect(takeReport(tally)).toEqual({ changes: MAX_COUNT, rollbacks: { INSUFFICIENT_STOCK: MAX_COUNT - 1, VERSION_MISMATCH: 1 } })
    expect(takeReport(tally)).toEqual({ changes: 5, rollbacks: { VERSION_MISMATCH: 2 } })
    expect(takeReport(tally)).toBeNull()
  })
})
