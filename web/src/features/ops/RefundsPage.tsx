import { useMutationState, useQuery } from '@tanstack/react-query'
import { newIdempotencyKey } from '../../lib/api'
import { formatMoney } from '../../lib/money'
import { usePageTitle } from '../../lib/pageTitle'
import { problemText } from './opsApi'
import { opsKeys, refundsQueryOptions } from './queries'
import type { Refund, RefundStatus } from './types'
import { useSendRefund } from './useSendRefund'
import { formatAt } from './when'

const STATUS: Record<RefundStatus, string> = {
  REFUND_DUE: 'Due', REFUNDED: 'Refunded', REFUSED: 'Refused by the provider', DEAD: 'Could not be sent',
}

/** Payments to give back: those that completed no checkout, which the service refunds through the provider. */
export function RefundsPage() {
  usePageTitle('Refunds — operations')
  const refunds = useQuery(refundsQueryOptions())
  // The service lists the refunds not yet made; one made from here stays on screen, saying so.
  const sent = useMutationState({
    filters: { mutationKey: opsKeys.refundSends(), status: 'success' },
    select: (mutation) => mutation.state.data as Refund,
  })
  const listed = refunds.data?.items ?? []
  const made = sent.filter((refund) => !listed.some((item) => item.sessionId === refund.sessionId))
  const items = [...listed, ...new Map(made.map((refund) => [refund.sessionId, refund])).values()]
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
        <p data-testid="no-refunds">No refund is owed: every payment that completed nothing has been given back.</p>
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
  const done = refund.status === 'REFUNDED'
  return (
    <tr data-testid={`refund-${refund.sessionId}`}>
      <td><code>{refund.sessionId}</code></td>
      <td><code>{refund.checkoutId}</code></td>
      <td className="number">{formatMoney(refund.amount, refund.currency)}</td>
      <td>{refund.reason}{refund.lastError && <span className="error"> — {refund.lastError}</span>}</td>
      <td>{formatAt(refund.createdAt)}</td>
      <td className="number">{refund.attempts}</td>
      <td data-testid={`refund-state-${refund.sessionId}`}>{STATUS[refund.status] ?? refund.status}</td>
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
