// The rollback rate and the push latency, read from the service's Prometheus text. The metric
// names are the metrics feature's; a name that is missing (renamed, or not yet published) reads
// as null and is shown as "—", never as a zero that did not happen.

export const ROLLBACKS = 'cartwright_client_rollbacks_total'
export const CHANGES = 'cartwright_client_changes_total'
export const PUSH_LATENCY_BUCKETS = 'cartwright_push_latency_seconds_bucket'

export interface Bucket {
  /** The bucket's upper bound in seconds; Infinity for `+Inf`. */
  le: number
  /** Observations at or below `le` since the service started (cumulative, as Prometheus counts). */
  count: number
}

/** One scrape: every series of a name summed, whatever its tags. */
export interface MetricsSample {
  /** When it was read, in ms on the browser's clock. */
  at: number
  rollbacks: number | null
  changes: number | null
  pushLatency: Bucket[] | null
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/
const LE = /(?:^|,)\s*le="([^"]*)"/

export function parseMetrics(text: string, at: number): MetricsSample {
  const totals = new Map<string, number>()
  const buckets = new Map<number, number>()
  for (const line of text.split('\n')) {
    const match = LINE.exec(line.trim())
    if (!match) continue
    const [, name, labels = '', raw] = match
    const value = Number(raw)
    if (!Number.isFinite(value) || name === undefined) continue
    if (name === PUSH_LATENCY_BUCKETS) {
      const le = LE.exec(labels)?.[1]
      const bound = le === '+Inf' ? Infinity : Number(le)
      if (le !== undefined && !Number.isNaN(bound)) buckets.set(bound, (buckets.get(bound) ?? 0) + value)
    } else {
      totals.set(name, (totals.get(name) ?? 0) + value)
    }
  }
  return {
    at,
    rollbacks: totals.get(ROLLBACKS) ?? null,
    changes: totals.get(CHANGES) ?? null,
    pushLatency: buckets.size === 0 ? null : [...buckets].map(([le, count]) => ({ le, count })).sort((a, b) => a.le - b.le),
  }
}

/** The share of the changes made between two scrapes that were rolled back; null without changes. */
export function rollbackRate(older: MetricsSample, newer: MetricsSample): number | null {
  if (older.rollbacks === null || newer.rollbacks === null || older.changes === null || newer.changes === null) return null
  const changes = newer.changes - older.changes
  const rollbacks = newer.rollbacks - older.rollbacks
  // A counter that went down is a restarted service: the two scrapes cannot be compared.
  if (changes <= 0 || rollbacks < 0) return null
  return Math.min(1, rollbacks / changes)
}

/**
 * The 99th percentile in seconds of the pushes observed between two scrapes, interpolated within
 * its bucket as Prometheus's histogram_quantile does; null without pushes between them.
 */
export function p99(older: MetricsSample, newer: MetricsSample): number | null {
  if (older.pushLatency === null || newer.pushLatency === null) return null
  const before = new Map(older.pushLatency.map((bucket) => [bucket.le, bucket.count]))
  const window = newer.pushLatency.map((bucket) => ({ le: bucket.le, count: bucket.count - (before.get(bucket.le) ?? 0) }))
  const total = window.at(-1)?.count ?? 0
  if (total <= 0 || window.some((bucket) => bucket.count < 0)) return null
  const rank = 0.99 * total
  let lower = 0
  let below = 0
  for (const bucket of window) {
    if (bucket.count >= rank) {
      if (bucket.le === Infinity) return lower
      return lower + (bucket.le - lower) * ((rank - below) / (bucket.count - below))
    }
    lower = bucket.le
    below = bucket.count
  }
  return null
}

/** Per scrape after the first: its time (s) and the rate and p99 since the scrape before. */
export function metricsChart(samples: readonly MetricsSample[]): { at: number[]; rollbackRate: (number | null)[]; p99: (number | null)[] } {
  const at: number[] = []
  const rates: (number | null)[] = []
  const latencies: (number | null)[] = []
  for (let i = 1; i < samples.length; i++) {
    const older = samples[i - 1]!
    const newer = samples[i]!
    at.push(Math.round(newer.at / 1000))
    rates.push(rollbackRate(older, newer))
    latencies.push(p99(older, newer))
  }
  return { at, rollbackRate: rates, p99: latencies }
}
