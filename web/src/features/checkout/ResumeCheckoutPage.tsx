import { useQuery } from '@tanstack/react-query'
import { ApiProblem } from '../../lib/api'
import { formatMoney } from '../../lib/money'
import { navigate } from '../../lib/router'
import { checkoutQueryOptions } from './queries'
import type { Checkout } from './types'
import { useStartPayment } from './useStartPayment'

const SAYS: Record<Checkout['status'], string> = {
  RESERVED: 'Your items are reserved, but the payment has not started yet.',
  PAYMENT_PENDING: 'A payment for this order is under way.',
  PAID: 'This order is paid. Thank you!',
  FAILED: 'The payment did not go through. You can pay again: your items are reserved anew if they are still there.',
  CANCELLED: 'This checkout was cancelled. Your items are still in your cart.',
  EXPIRED: 'This checkout expired before it was paid. Your items are still in your cart.',
}

const PAYABLE: ReadonlySet<Checkout['status']> = new Set(['RESERVED', 'FAILED', 'PAYMENT_PENDING'])

/** A checkout already made (/checkout/{id}): paying again for it, after a decline or when its payment could not start. */
export function ResumeCheckoutPage({ checkoutId }: { checkoutId: string }) {
  const checkout = useQuery(checkoutQueryOptions(checkoutId))
  const pay = useStartPayment(checkoutId)
  if (checkout.isPending) return <main className="checkout"><p className="status">Loading your order…</p></main>
  if (checkout.isError) return <main className="checkout"><p className="status" role="alert">This checkout could not be found.</p></main>
  const { status, lines, totals, shippingAddress } = checkout.data
  return (
    <main className="checkout">
      <h1>Your order</h1>
      <p className="order-status" data-testid="checkout-status" data-status={status} aria-live="polite">{SAYS[status]}</p>
      <ul className="lines">
        {lines.map((line) => (
          <li key={line.productId}>{line.quantity} × {line.name} — {formatMoney(line.lineTotal, totals.currency)}</li>
        ))}
      </ul>
      <p>To {shippingAddress.name}, {shippingAddress.city}</p>
      <p><strong>Total {formatMoney(totals.total, totals.currency)}</strong></p>
      {pay.isError && <p className="error" role="alert">{messageOf(pay.error)}</p>}
      <div className="actions">
        <button type="button" className="link" onClick={() => navigate('/')}>Back to the shop</button>
        {status === 'PAID' ? (
          <button type="button" className="primary" onClick={() => navigate(`/checkout/${checkoutId}/complete`)}>See the order</button>
        ) : PAYABLE.has(status) && (
          <button type="button" className="primary" data-testid="pay-checkout" disabled={pay.isPending} onClick={() => pay.mutate()}>
            {pay.isPending ? 'Opening the payment…' : `Pay ${formatMoney(totals.total, totals.currency)}`}
          </button>
        )}
      </div>
    </main>
  )
}

function messageOf(error: unknown): string {
  return error instanceof ApiProblem ? error.detail : 'The payment could not be started. Check your connection and try again.'
}
