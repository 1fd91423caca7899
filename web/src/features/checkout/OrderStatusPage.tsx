import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { followLink, navigate } from '../../lib/router'
import { cartKeys } from '../cart/queries'
import { LineList } from './LineList'
import { checkoutQueryOptions, orderKeys } from './queries'
import { TotalsList } from './TotalsList'
import type { Checkout } from './types'

const SAYS: Record<Checkout['status'], string> = {
  RESERVED: 'Your items are reserved; the payment has not started.',
  PAYMENT_PENDING: 'Waiting for the payment to be confirmed…',
  PAID: 'Paid. Thank you for your order!',
  FAILED: 'The payment did not go through. Your items are still in your cart.',
  CANCELLED: 'This checkout was cancelled. Your items are still in your cart.',
  EXPIRED: 'This checkout expired before it was paid. Your items are still in your cart.',
}

/** Where the provider sends the shopper back; the confirmation may arrive after the browser does. */
export function OrderStatusPage({ checkoutId }: { checkoutId: string }) {
  const checkout = useQuery(checkoutQueryOptions(checkoutId))
  const client = useQueryClient()
  const status = checkout.data?.status
  useEffect(() => {
    // Paid lines have left the cart on the server by now; the badge must follow.
    if (status !== undefined && status !== 'PAYMENT_PENDING') void client.invalidateQueries({ queryKey: cartKeys.detail() })
    if (status === 'PAID') void client.invalidateQueries({ queryKey: orderKeys.pages() })
  }, [status, client])
  if (checkout.isPending) return <main className="checkout"><p className="status">Loading your order…</p></main>
  if (checkout.isError) return <main className="checkout"><p className="status" role="alert">This checkout could not be found.</p></main>
  const { lines, totals, orderId } = checkout.data
  return (
    <main className="checkout">
      <h1>{checkout.data.status === 'PAID' ? 'Order confirmed' : 'Your order'}</h1>
      <p className="order-status" data-testid="order-status" data-status={checkout.data.status} aria-live="polite">
        {SAYS[checkout.data.status]}
      </p>
      {orderId && <p>Order number: <a href={`/orders/${orderId}`} onClick={followLink} data-testid="order-link"><code>{orderId}</code></a></p>}
      <LineList lines={lines} currency={totals.currency} label="Items in this order" />
      <TotalsList totals={totals} />
      <div className="actions">
        <button type="button" className={checkout.data.status === 'FAILED' ? 'link' : 'primary'} onClick={() => navigate('/')}>Back to the shop</button>
        {checkout.data.status === 'FAILED' && (
          // The same checkout is paid for again, so no second one is made.
          <button type="button" className="primary" data-testid="try-again" onClick={() => navigate(`/checkout/${checkoutId}`)}>Try again</button>
        )}
      </div>
    </main>
  )
}
