import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { formatMoney } from '../../lib/money'
import { usePageTitle } from '../../lib/pageTitle'
import { navigate, useSearchParam } from '../../lib/router'
import { problemText } from './opsApi'
import { ordersQueryOptions } from './queries'
import { formatAt } from './when'

/** Orders found by their id or their shopper's email (/ops/orders?q=), the search kept in the address. */
export function OrdersSearchPage() {
  usePageTitle('Orders — operations')
  const q = useSearchParam('q').trim()
  const [text, setText] = useState(q)
  const orders = useQuery(ordersQueryOptions(q))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const wanted = text.trim()
    navigate(wanted === '' ? '/ops/orders' : `/ops/orders?q=${encodeURIComponent(wanted)}`, { keepFocus: true })
  }
  const items = orders.data?.items ?? []
  return (
    <>
      <h1>Orders</h1>
      <form className="ops-search" role="search" onSubmit={submit}>
        <label htmlFor="ops-orders-q">Order id or email</label>
        <input id="ops-orders-q" type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="ops-orders-q" />
        <button type="submit" data-testid="ops-orders-search">Search</button>
      </form>
      {orders.isPending ? (
        <p className="status">Looking for orders…</p>
      ) : orders.isError ? (
        <p className="error" role="alert">{problemText(orders.error)}</p>
      ) : items.length === 0 ? (
        <p data-testid="ops-no-orders">{q === '' ? 'The shop has no orders yet.' : `No order has the id or email “${q}”.`}</p>
      ) : (
        <table className="ops-table" data-testid="ops-orders">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Placed</th>
              <th scope="col">Email</th>
              <th scope="col">Items</th>
              <th scope="col" className="number">Total</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((order) => (
              <tr key={order.id} data-testid={`ops-order-${order.id}`}>
                <td><code>{order.id}</code></td>
                <td>{formatAt(order.createdAt)}</td>
                <td>{order.email ?? 'a guest'}</td>
                <td>{order.lines.map((line) => `${line.quantity} × ${line.name}`).join(', ')}</td>
                <td className="number">{formatMoney(order.total, order.currency)}</td>
                <td>{order.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
