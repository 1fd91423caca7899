import { describe, expect, it } from 'vitest'
import { dropChart, dropTotals } from './dropChart'
import type { DropSecond } from './types'

const second = (iso: string, reserved: number, sold = 0, released = 0, refused = 0): DropSecond => ({ at: iso, reserved, sold, released, refused })
const NOW = Date.parse('2026-12-01T12:00:10.400Z')
const unix = (iso: string) => Date.parse(iso) / 1000

describe('a drop as the charts draw it', () => {
  it('has one column per second of the window, ending at the current second', () => {
    const chart = dropChart([], 5, NOW)
    expect(chart.at).toEqual([6, 7, 8, 9, 10].map((s) => unix(`2026-12-01T12:00:${String(s).padStart(2, '0')}Z`)))
    expect(chart.reserved).toEqual([0, 0, 0, 0, 0])
  })

  it('puts each reported second in its column, and counts the seconds not reported as nothing happening', () => {
    const chart = dropChart([
      second('2026-12-01T12:00:07Z', 4, 1, 0, 9),
      second('2026-12-01T12:00:09.000Z', 2, 3, 1, 0),
    ], 5, NOW)
    expect(chart.reserved).toEqual([0, 4, 0, 2, 0])
    expect(chart.sold).toEqual([0, 1, 0, 3, 0])
    expect(chart.released).toEqual([0, 0, 0, 1, 0])
    expect(chart.refused).toEqual([0, 9, 0, 0, 0])
    expect(dropTotals(chart)).toEqual({ reserved: 6, sold: 4, released: 1, refused: 9 })
  })

  it('leaves out seconds older than the window', () => {
    const chart = dropChart([second('2026-12-01T12:00:05Z', 7), second('2026-12-01T12:00:06Z', 1)], 5, NOW)
    expect(chart.reserved).toEqual([1, 0, 0, 0, 0])
  })

  it('ends at the service\'s latest second when its clock is ahead of the browser\'s', () => {
    const chart = dropChart([second('2026-12-01T12:00:12Z', 3)], 3, NOW)
    expect(chart.at.at(-1)).toBe(unix('2026-12-01T12:00:12Z'))
    expect(chart.reserved).toEqual([0, 0, 3])
  })

  it('skips a second it cannot read rather than drawing it nowhere', () => {
    const chart = dropChart([second('yesterday', 5), second('2026-12-01T12:00:10Z', 1)], 2, NOW)
    expect(chart.reserved).toEqual([0, 1])
  })
})
