import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { ApiProblem } from '../../lib/api'
import { formatMoney } from '../../lib/money'
import { navigate } from '../../lib/router'
import { formatSecondsLeft } from '../../lib/countdown'
import { LineList } from './LineList'
import { checkoutKeys, checkoutQueryOptions } from './queries'
import { ShippingDetails } from './ShippingDetails'
import { TotalsList } from './TotalsList'
import type { Checkout } from './types'
import { useCancelCheckout } from './useCancelCheckout'
import { useSecondsLeft } from './useSecondsLeft'
import { useStartPayment } from './useStartPayment'

const SAYS: Record<Checkout['status'], string> = {
  RESERVED: 'Your items are reserved, but the payment has not started yet.',
  PAYMENT_PENDING: 'A payment for this order is under way.',
  PAID: 'This order is paid. Thank you!',
  FAILED: 'The payment did not go through. You can try again: your items are reserved anew if they are still there.',
  CANCELLED: 'This checkout was cancelled. Your items are still in your cart.',
  EXPIRED: 'This checkout expired before it was paid. Your items are still in your cart.',
}

/** A checkout already made (/checkout/{id}): its reservation's time left, paying for it or cancelling it, and trying again after a decline. */
export function ResumeCheckoutPage({ checkoutId }: { checkoutId: string }) {
  const checkout = useQuery(checkoutQueryOptions(checkoutId))
  if (checkout.isPending) return <main className="checkout"><p className="status">Loading your order…</p></main>
  if (checkout.isError) return <main className="checkout"><p className="status" role="alert">This checkout could not be found.</p></main>
  return <CheckoutMade checkout={checkout.data} />
}

function CheckoutMade({ checkout }: { checkout: Checkout }) {
  const { id, status, lines, totals, shippingAddress, shippingMethod, payable, expiresAt } = checkout
  const client = useQueryClient()
  const pay = useStartPayment(id)
  const cancel = useCancelCheckout(id)
  const secondsLeft = useSecondsLeft(expiresAt)
  // Both hold the stock until expiresAt; a payment under way may be given longer, which a fetch shows.
  const holding = status === 'RESERVED' || status === 'PAYMENT_PENDING'
  const timeUp = holding && secondsLeft === 0
  const ended = timeUp && status === 'RESERVED'
  useEffect(() => {
    // The service's sweeper releases it about now; asking again shows what it decided.
    if (timeUp) void client.invalidateQueries({ queryKey: checkoutKeys.detail(id) })
  }, [timeUp, client, id])
  const busy = pay.isPending || cancel.isPending
  return (
    <main className="checkout">
      <h1>Your order</h1>
      <p className="order-status" data-testid="checkout-status" data-status={status} aria-live="polite">{SAYS[status]}</p>
      {holding && !timeUp && (
        <p className="reservation" role="timer" data-testid="reservation-timer">
          We hold your items for <strong>{formatSecondsLeft(secondsLeft)}</strong> more. Pay before then, or they go back on sale.
        </p>
      )}
      {ended && (
        <p className="error" role="alert" data-testid="reservation-ended">
          Your reservation has ended and the items went back on sale. Start again to reserve what is still there.
        </p>
      )}
      {timeUp && !ended && (
        <p role="status" data-testid="reservation-ended">Your time is up. We are asking the payment provider whether your payment went through…</p>
      )}
      <section aria-labelledby="bought-heading">
        <h2 id="bought-heading">Your items</h2>
        <LineList lines={lines} currency={totals.currency} label="Items in this order" />
      </section>
      <TotalsList totals={totals} />
      <ShippingDetails address={shippingAddress} method={shippingMethod} />
      {pay.isError && <p className="error" role="alert">{messageOf(pay.error, 'The payment could not be started.')}</p>}
      {cancel.isError && <p className="error" role="alert">{messageOf(cancel.error, 'The checkout could not be cancelled.')}</p>}
      <div className="actions">
        <button type="button" className="link" onClick={() => navigate('/')}>Back to the shop</button>
        {holding && !timeUp && (
          <button type="button" className="secondary" data-testid="cancel-checkout" disabled={busy} onClick={() => cancel.cancel()}>
            {cancel.isPending ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        {ended || status === 'EXPIRED' ? (
          <button type="button" className="primary" data-testid="start-again" onClick={() => navigate('/checkout')}>Start again</button>
        ) : status === 'PAID' ? (
          <button type="button" className="primary" onClick={() => navigate(`/checkout/${id}/complete`)}>See the order</button>
        ) : payable && !timeUp && (
          <button type="button" className="primary" data-testid="pay-checkout" disabled={busy} onClick={() => pay.mutate()}>
            {pay.isPending ? 'Opening the payment…' : status === 'FAILED' ? 'Try again' : `Pay ${formatMoney(totals.total, totals.currency)}`}
          </button>
        )}
      </div>
    </main>
  )
}

function messageOf(error: unknown, what: string): string {
  return error instanceof ApiProblem ? error.detail : `${what} Check your connection and try again.`
}
