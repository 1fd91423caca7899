import { useQuery } from '@tanstack/react-query'
import { newIdempotencyKey } from '../../lib/api'
import { formatMoney } from '../../lib/money'
import { usePageTitle } from '../../lib/pageTitle'
import { problemText } from './opsApi'
import { refundsQueryOptions } from './queries'
import type { Refund, RefundState } from './types'
import { useSendRefund } from './useSendRefund'
import { formatAt } from './when'

const STATE: Record<RefundState, string> = {
  REFUND_DUE: 'Due', REFUNDED: 'Refunded', REFUSED: 'Refused by the provider', DEAD: 'Could not be sent',
}

/** Payments to give back: those that completed no checkout, which the service refunds through the provider. */
export function RefundsPage() {
  usePageTitle('Refunds — operations')
  const refunds = useQuery(refundsQueryOptions())
  const items = refunds.data?.items ?? []
  return (
    <>
      <h1>Refunds</h1>
      <p className="hint">
        A payment that arrived for a checkout whose stock was gone is refunded by the service on its own; "Refund" sends one now,
        or again after the provider refused it or could not be reached.
      </p>
      {refunds.isPending ? (
        <p className="status">Loading the refunds…</p>
      ) : refunds.isError && items.length === 0 ? (
        <p className="error" role="alert">{problemText(refunds.error)}</p>
      ) : items.length === 0 ? (
        <p data-testid="no-refunds">No payment has had to be refunded.</p>
      ) : (
        <table className="ops-table" data-testid="refunds">
          <thead>
            <tr>
              <th scope="col">Payment</th>
              <th scope="col">Checkout</th>
              <th scope="col" className="number">Amount</th>
              <th scope="col">Why</th>
              <th scope="col">Since</th>
              <th scope="col" className="number">Attempts</th>
              <th scope="col">State</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {items.map((refund) => <RefundRow key={refund.sessionId} refund={refund} />)}
          </tbody>
        </table>
      )}
    </>
  )
}

export function RefundRow({ refund }: { refund: Refund }) {
  const send = useSendRefund(refund.sessionId)
  const done = refund.state === 'REFUNDED'
  return (
    <tr data-testid={`refund-${refund.sessionId}`}>
      <td><code>{refund.sessionId}</code></td>
      <td><code>{refund.checkoutId}</code></td>
      <td className="number">{formatMoney(refund.amount, refund.currency)}</td>
      <td>{refund.reason}{refund.lastError && <span className="error"> — {refund.lastError}</span>}</td>
      <td>{formatAt(refund.createdAt)}</td>
      <td className="number">{refund.attempts}</td>
      <td data-testid={`refund-state-${refund.sessionId}`}>{STATE[refund.state] ?? refund.state}</td>
      <td>
        <button type="button" disabled={send.isPending || done} onClick={() => send.mutate(newIdempotencyKey())}
          aria-label={`Refund ${formatMoney(refund.amount, refund.currency)} of payment ${refund.sessionId}`}
          data-testid={`refund-send-${refund.sessionId}`}>
          {send.isPending ? 'Sending…' : 'Refund'}
        </button>
        {send.isError && <span className="error" role="alert"> {problemText(send.error)}</span>}
      </td>
    </tr>
  )
}
