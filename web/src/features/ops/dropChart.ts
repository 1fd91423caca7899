import type { DropSecond } from './types'

// A drop's seconds as the charts draw them: one column per second of the window, the latest
// at the right, and a second the service reported nothing for counted as nothing happening.

export interface DropChart {
  /** Unix seconds, oldest first, one per second of the window. */
  at: number[]
  reserved: number[]
  sold: number[]
  released: number[]
  refused: number[]
}

export interface DropTotals {
  reserved: number
  sold: number
  released: number
  refused: number
}

/**
 * The window's `seconds` seconds ending now, or at the service's latest second when its clock is
 * ahead of the browser's, so that the chart keeps moving when nothing happens.
 */
export function dropChart(series: readonly DropSecond[], seconds: number, now: number): DropChart {
  const bySecond = new Map<number, DropSecond>()
  for (const second of series) {
    const at = Math.floor(Date.parse(second.at) / 1000)
    if (!Number.isNaN(at)) bySecond.set(at, second)
  }
  const end = Math.max(Math.floor(now / 1000), ...bySecond.keys())
  const chart: DropChart = { at: [], reserved: [], sold: [], released: [], refused: [] }
  for (let at = end - seconds + 1; at <= end; at++) {
    const second = bySecond.get(at)
    chart.at.push(at)
    chart.reserved.push(second?.reserved ?? 0)
    chart.sold.push(second?.sold ?? 0)
    chart.released.push(second?.released ?? 0)
    chart.refused.push(second?.refused ?? 0)
  }
  return chart
}

export function dropTotals(chart: DropChart): DropTotals {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0)
  return { reserved: sum(chart.reserved), sold: sum(chart.sold), released: sum(chart.released), refused: sum(chart.refused) }
}
