import { useQuery } from '@tanstack/react-query'
import { formatSecondsLeft, secondsLeft } from '../../lib/countdown'
import { usePageTitle } from '../../lib/pageTitle'
import { followLink } from '../../lib/router'
import { Chart, type ChartLine } from './Chart'
import { dropChart, dropTotals } from './dropChart'
import { metricsChart, p99, rollbackRate } from './metrics'
import { problemText } from './opsApi'
import { DROP_SECONDS, dropQueryOptions, metricsQueryOptions, productsQueryOptions, waitingQueryOptions } from './queries'
import { useStockPushes } from './useStockPushes'
import { useNow } from './useNow'

const FLOW: readonly ChartLine[] = [
  { label: 'Reserved', color: '#1f6f4a' },
  { label: 'Sold', color: '#2a5db0' },
  { label: 'Released', color: '#8a6d00' },
  { label: 'Refused', color: '#b3261e' },
]
const ROLLBACKS: readonly ChartLine[] = [{ label: 'Rollback rate', color: '#9c4508' }]
const LATENCY: readonly ChartLine[] = [{ label: 'p99 push latency', color: '#5b3f8f' }]
const percent = (share: number) => `${(share * 100).toFixed(1)} %`
const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`
const count = (value: number) => String(Math.round(value))

/** One product's drop as it happens: its units, what shoppers got and were refused, second by second, and who is paying. */
export function DropPage({ productId }: { productId: number }) {
  const product = useQuery({ ...productsQueryOptions(), select: (page) => page.items.find((item) => item.id === productId) })
  useStockPushes([productId])
  const drop = useQuery(dropQueryOptions(productId))
  const metrics = useQuery(metricsQueryOptions())
  const now = useNow()
  const name = product.data?.name ?? `Product ${productId}`
  usePageTitle(`Drop of ${name} — operations`)

  const flow = dropChart(drop.data?.series ?? [], DROP_SECONDS, now)
  const totals = dropTotals(flow)
  const samples = metrics.data ?? []
  const perScrape = metricsChart(samples)
  const oldest = samples[0]
  const latest = samples.at(-1)
  const rate = oldest && latest && oldest !== latest ? rollbackRate(oldest, latest) : null
  const latency = oldest && latest && oldest !== latest ? p99(oldest, latest) : null

  return (
    <>
      <h1>Drop of {name}</h1>
      <p className="hint">
        The last minute, read again every second. <a href={`/ops/products/${productId}`} onClick={followLink}>Stock and audit trail</a>
      </p>
      {drop.isError && <p className="error" role="alert">{problemText(drop.error)}</p>}
      <dl className="drop-figures">
        <Figure label="Units left" value={drop.data ? String(drop.data.available) : '—'} testId="drop-units-left" />
        <Figure label="Reserved" value={String(totals.reserved)} testId="drop-reserved" />
        <Figure label="Sold" value={String(totals.sold)} testId="drop-sold" />
        <Figure label="Released" value={String(totals.released)} testId="drop-released" />
        <Figure label="Refused" value={String(totals.refused)} testId="drop-refused" />
        <Figure label="Rollback rate" value={rate === null ? '—' : percent(rate)} testId="drop-rollback-rate" />
        <Figure label="p99 push latency" value={latency === null ? '—' : ms(latency)} testId="drop-push-p99" />
      </dl>
      <div className="charts">
        <Chart title="Per second" lines={FLOW} unit={count} testId="drop-flow-chart"
          data={[flow.at, flow.reserved, flow.sold, flow.released, flow.refused]}
          summary={`In the last minute ${totals.reserved} units reserved, ${totals.sold} sold, ${totals.released} released and ${totals.refused} refused.`} />
        <Chart title="Rollback rate of shoppers' changes" lines={ROLLBACKS} unit={percent} testId="drop-rollback-chart"
          data={[perScrape.at, perScrape.rollbackRate]}
          summary={rate === null ? 'No rollback rate yet.' : `Over the last minute ${percent(rate)} of shoppers' changes were rolled back.`} />
        <Chart title="p99 push latency" lines={LATENCY} unit={ms} testId="drop-latency-chart"
          data={[perScrape.at, perScrape.p99]}
          summary={latency === null ? 'No pushes measured yet.' : `Over the last minute 99 % of pushes reached their sockets within ${ms(latency)}.`} />
      </div>
      {metrics.isError && <p className="error" role="alert">The service's metrics could not be read: {problemText(metrics.error)}</p>}
      <WaitingCheckouts productId={productId} now={now} />
    </>
  )
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  )
}

/** The checkouts holding this product while their shoppers pay, with the time their reservations have left. */
export function WaitingCheckouts({ productId, now }: { productId: number; now: number }) {
  const waiting = useQuery(waitingQueryOptions(productId))
  const items = waiting.data?.items ?? []
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting for payment</h2>
      {waiting.isError && <p className="error" role="alert">{problemText(waiting.error)}</p>}
      {waiting.isPending ? (
        <p className="status">Loading the checkouts…</p>
      ) : items.length === 0 ? (
        <p data-testid="no-waiting">No checkout holds this product now.</p>
      ) : (
        <table className="ops-table" data-testid="waiting">
          <thead>
            <tr>
              <th scope="col">Checkout</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">Units</th>
              <th scope="col" className="number">Time left</th>
            </tr>
          </thead>
          <tbody>
            {items.map((checkout) => (
              <tr key={checkout.checkoutId} data-testid={`waiting-${checkout.checkoutId}`}>
                <td><code>{checkout.checkoutId}</code></td>
                <td>{checkout.status}</td>
                <td className="number">{checkout.quantity}</td>
                <td className="number" data-testid="time-left">{formatSecondsLeft(secondsLeft(checkout.expiresAt, now))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
