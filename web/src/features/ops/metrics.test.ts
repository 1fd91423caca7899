import { describe, expect, it } from 'vitest'
import { metricsChart, p99, parseMetrics, rollbackRate, type MetricsSample } from './metrics'

const scrape = (rollbacks: number, changes: number, buckets: [string, number][], at = 0) => parseMetrics([
  '# HELP cartwright_client_rollbacks_total Changes the storefront rolled back',
  '# TYPE cartwright_client_rollbacks_total counter',
  `cartwright_client_rollbacks_total{code="INSUFFICIENT_STOCK",} ${rollbacks - 1}.0`,
  'cartwright_client_rollbacks_total{code="VERSION_MISMATCH",} 1.0',
  `cartwright_client_changes_total ${changes}`,
  ...buckets.map(([le, count]) => `cartwright_push_latency_seconds_bucket{node="a",le="${le}"} ${count}`),
  'cartwright_push_latency_seconds_count 0',
  'jvm_threads_live_threads 42.0',
].join('\n'), at)

describe('the service\'s metrics, as the drop view reads them', () => {
  it('sums every series of a name, whatever its tags, and orders the latency buckets', () => {
    const sample = scrape(5, 100, [['+Inf', 10], ['0.05', 4], ['0.1', 9]])
    expect(sample.rollbacks).toBe(5)
    expect(sample.changes).toBe(100)
    expect(sample.pushLatency).toEqual([{ le: 0.05, count: 4 }, { le: 0.1, count: 9 }, { le: Infinity, count: 10 }])
  })

  it('reads a name that is missing as unknown, never as zero', () => {
    const sample = parseMetrics('jvm_threads_live_threads 42.0\n', 0)
    expect(sample).toEqual({ at: 0, rollbacks: null, changes: null, pushLatency: null })
    expect(rollbackRate(sample, sample)).toBeNull()
    expect(p99(sample, sample)).toBeNull()
  })

  it('gives the rollback rate of the changes made between two scrapes', () => {
    expect(rollbackRate(scrape(5, 100, []), scrape(9, 200, []))).toBeCloseTo(0.04)
    expect(rollbackRate(scrape(5, 100, []), scrape(5, 100, [])), 'no changes').toBeNull()
    expect(rollbackRate(scrape(5, 100, []), scrape(1, 3, [])), 'a restarted service').toBeNull()
  })

  it('gives the 99th percentile of the pushes between two scrapes, within its bucket as Prometheus does', () => {
    const before = scrape(0, 0, [['0.01', 50], ['0.1', 50], ['1', 50], ['+Inf', 50]])
    // 100 pushes since: 90 within 10 ms, 8 more within 100 ms, 2 more within 1 s. The 99th is the first of those 2.
    const after = scrape(0, 0, [['0.01', 140], ['0.1', 148], ['1', 150], ['+Inf', 150]])
    expect(p99(before, after)).toBeCloseTo(0.1 + 0.9 * 0.5)
    expect(p99(before, before), 'no pushes').toBeNull()
  })

  it('says the highest finite bound when the 99th percentile is beyond it', () => {
    expect(p99(scrape(0, 0, [['0.5', 0], ['+Inf', 0]]), scrape(0, 0, [['0.5', 1], ['+Inf', 100]]))).toBe(0.5)
  })

  it('charts each scrape after the first against the one before it', () => {
    const samples: MetricsSample[] = [
      scrape(0, 0, [['0.1', 0], ['+Inf', 0]], 1_000),
      scrape(1, 10, [['0.1', 10], ['+Inf', 10]], 2_000),
      scrape(1, 10, [['0.1', 10], ['+Inf', 10]], 3_000),
    ]
    expect(metricsChart(samples)).toEqual({ at: [2, 3], rollbackRate: [0.1, null], p99: [0.099, null] })
  })
})
