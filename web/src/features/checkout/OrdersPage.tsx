import { useInfiniteQuery } from '@tanstack/react-query'
import { formatMoney } from '../../lib/money'
import { followLink } from '../../lib/router'
import { formatWhen } from './dates'
import { ordersQueryOptions } from './queries'
import type { Order } from './types'

/** The shopper's orders (/orders), newest first, a page at a time. */
export function OrdersPage() {
  const orders = useInfiniteQuery(ordersQueryOptions())
  const all = orders.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <main className="checkout orders">
      <h1>Your orders</h1>
      {orders.isPending ? (
        <p className="status">Loading your orders…</p>
      ) : orders.isError && all.length === 0 ? (
        <div className="error" role="alert">
          <p>Your orders could not be loaded. Check your connection and try again.</p>
          <button type="button" onClick={() => void orders.refetch()}>Try again</button>
        </div>
      ) : all.length === 0 ? (
        <p data-testid="no-orders">You have no orders yet. What you buy will be listed here.</p>
      ) : (
        <ol className="order-list" data-testid="order-list">
          {all.map((order) => <OrderSummary key={order.id} order={order} />)}
        </ol>
      )}
      {orders.isFetchNextPageError && (
        <p className="error" role="alert">The next orders could not be loaded. Check your connection and try again.</p>
      )}
      <div className="actions">
        <a className="link" href="/" onClick={followLink}>Back to the shop</a>
        {orders.hasNextPage && (
          <button type="button" className="secondary" data-testid="orders-more" disabled={orders.isFetchingNextPage}
            onClick={() => void orders.fetchNextPage()}>
            {orders.isFetchingNextPage ? 'Loading more…' : 'Show more'}
          </button>
        )}
      </div>
    </main>
  )
}

function OrderSummary({ order }: { order: Order }) {
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0)
  const [first, ...rest] = order.lines
  return (
    <li data-testid={`order-${order.id}`}>
      <a href={`/orders/${order.id}`} onClick={followLink}>Order of {formatWhen(order.createdAt)}</a>
      <span className="order-items">
        {first?.name}{rest.length > 0 && ` and ${rest.length} more`} · {units} {units === 1 ? 'item' : 'items'}
      </span>
      <span className="order-total">{formatMoney(order.total, order.currency)}</span>
    </li>
  )
}
