import { useQuery } from '@tanstack/react-query'
import { ApiProblem } from '../../lib/api'
import { followLink } from '../../lib/router'
import { formatWhen } from './dates'
import { LineList } from './LineList'
import { orderQueryOptions } from './queries'
import { ShippingDetails } from './ShippingDetails'
import { TotalsList } from './TotalsList'

const STATUS: Record<string, string> = { PAID: 'Paid' }

/** One of the shopper's orders (/orders/{id}): what was bought, for how much, and where it goes. */
export function OrderPage({ orderId }: { orderId: string }) {
  const order = useQuery(orderQueryOptions(orderId))
  if (order.isPending) return <main className="checkout"><p className="status">Loading your order…</p></main>
  if (order.isError) {
    return (
      <main className="checkout">
        <h1>Order not found</h1>
        <p role="alert">{order.error instanceof ApiProblem && order.error.status === 404
          ? 'There is no such order of yours. It may have been placed from another browser or account.'
          : 'This order could not be loaded. Check your connection and try again.'}</p>
        <a href="/orders" onClick={followLink}>See your orders</a>
      </main>
    )
  }
  const { createdAt, status, lines, currency, shippingAddress, shippingMethod, couponCode } = order.data
  return (
    <main className="checkout">
      <h1>Order of {formatWhen(createdAt)}</h1>
      <p className="order-status" data-testid="order-page-status" data-status={status}>{STATUS[status] ?? status}</p>
      <p>Order number: <code>{order.data.id}</code></p>
      <section aria-labelledby="bought-heading">
        <h2 id="bought-heading">Your items</h2>
        <LineList lines={lines} currency={currency} label="Items in this order" />
      </section>
      <TotalsList totals={order.data} />
      {couponCode && <p>Coupon {couponCode}</p>}
      <ShippingDetails address={shippingAddress} method={shippingMethod} />
      <div className="actions">
        <a href="/orders" onClick={followLink}>All your orders</a>
      </div>
    </main>
  )
}
