import { useQuery } from '@tanstack/react-query'
import { usePageTitle } from '../../lib/pageTitle'
import { followLink } from '../../lib/router'
import { problemText } from './opsApi'
import { productsQueryOptions } from './queries'
import { RestockForm } from './RestockForm'
import { useStockPushes } from './useStockPushes'

/** Every product's stock, live: read again as soon as the socket says it moved. */
export function ProductsPage() {
  usePageTitle('Products — operations')
  const products = useQuery(productsQueryOptions())
  useStockPushes(products.data?.items.map((product) => product.id) ?? [])
  return (
    <>
      <h1>Products</h1>
      <p className="hint">Stock follows every change as it happens. Set a product's stock on hand to restock it or to ready a drop.</p>
      {products.isError && <p className="error" role="alert">{problemText(products.error)}</p>}
      {products.isPending ? (
        <p className="status">Loading the products…</p>
      ) : products.data && (
        <table className="ops-table" data-testid="ops-products">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="number">On hand</th>
              <th scope="col" className="number">Reserved</th>
              <th scope="col" className="number">Available</th>
              <th scope="col" className="number">Open checkouts</th>
              <th scope="col">Set stock on hand</th>
              <th scope="col">Watch</th>
            </tr>
          </thead>
          <tbody>
            {products.data.items.map((product) => (
              <tr key={product.id} data-testid={`ops-product-${product.id}`}>
                <th scope="row"><a href={`/ops/products/${product.id}`} onClick={followLink}>{product.name}</a></th>
                <td className="number" data-testid={`on-hand-${product.id}`}>{product.onHand}</td>
                <td className="number" data-testid={`reserved-${product.id}`}>{product.reserved}</td>
                <td className="number" data-testid={`available-${product.id}`}>{product.available}</td>
                <td className="number" data-testid={`open-checkouts-${product.id}`}>{product.openCheckouts}</td>
                <td><RestockForm product={product} /></td>
                <td><a href={`/ops/products/${product.id}/drop`} onClick={followLink} aria-label={`Drop view of ${product.name}`}>Drop view</a></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
