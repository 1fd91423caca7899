import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { usePageTitle } from '../../lib/pageTitle'
import { followLink } from '../../lib/router'
import { problemText } from './opsApi'
import { movementsQueryOptions, productsQueryOptions } from './queries'
import { useStockPushes } from './useStockPushes'
import { RestockForm } from './RestockForm'
import type { MovementKind } from './types'
import { formatAt } from './when'

const KIND: Record<MovementKind, string> = { RESTOCK: 'Restock', RESERVATION: 'Reserved', RELEASE: 'Released', SALE: 'Sold' }

/** One product's stock and its audit trail: every restock, reservation, release and sale, newest first. */
export function ProductStockPage({ productId }: { productId: number }) {
  const product = useQuery({ ...productsQueryOptions(), select: (page) => page.items.find((item) => item.id === productId) })
  useStockPushes([productId])
  const movements = useInfiniteQuery(movementsQueryOptions(productId))
  const name = product.data?.name ?? `Product ${productId}`
  usePageTitle(`${name} — operations`)
  const all = movements.data?.pages.flatMap((page) => page.items) ?? []
  return (
    <>
      <h1>{name}</h1>
      {product.data && (
        <>
          <p data-testid="ops-product-stock">
            {product.data.onHand} on hand, {product.data.reserved} reserved, {product.data.available} available,
            {' '}{product.data.openCheckouts} open {product.data.openCheckouts === 1 ? 'checkout' : 'checkouts'}.
            {' '}<a href={`/ops/products/${productId}/drop`} onClick={followLink}>Watch its drop</a>
          </p>
          <RestockForm product={product.data} />
        </>
      )}
      {product.isSuccess && !product.data && <p role="alert">The shop has no product {productId}.</p>}
      <h2>Audit trail</h2>
      {movements.isPending ? (
        <p className="status">Loading the audit trail…</p>
      ) : movements.isError && all.length === 0 ? (
        <p className="error" role="alert">{problemText(movements.error)}</p>
      ) : all.length === 0 ? (
        <p data-testid="no-movements">Nothing has happened to this product's stock yet.</p>
      ) : (
        <table className="ops-table" data-testid="movements">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col" className="number">Units</th>
              <th scope="col" className="number">On hand after</th>
              <th scope="col" className="number">Reserved after</th>
              <th scope="col">Checkout</th>
            </tr>
          </thead>
          <tbody>
            {all.map((movement) => (
              <tr key={movement.id} data-testid="movement">
                <td>{formatAt(movement.at)}</td>
                <td>{KIND[movement.kind] ?? movement.kind}</td>
                <td className="number">{movement.quantity}</td>
                <td className="number">{movement.onHandAfter}</td>
                <td className="number">{movement.reservedAfter}</td>
                <td><code>{movement.checkoutId ?? '—'}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {movements.isFetchNextPageError && <p className="error" role="alert">{problemText(movements.error)}</p>}
      {movements.hasNextPage && (
        <button type="button" data-testid="movements-more" disabled={movements.isFetchingNextPage} onClick={() => void movements.fetchNextPage()}>
          {movements.isFetchingNextPage ? 'Loading more…' : 'Show more'}
        </button>
      )}
    </>
  )
}
