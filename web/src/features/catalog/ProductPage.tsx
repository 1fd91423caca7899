import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { formatMoney } from '../../lib/money'
import { usePageTitle } from '../../lib/pageTitle'
import { followLink } from '../../lib/router'
import { useAddToCart } from '../cart/useAddToCart'
import { productCatalog, productFromCatalog, productQueryOptions, type Product } from './queries'
import { StockBadge } from './StockBadge'

/** A product's own page, `/products/{id}`; `id` is null for an address no product can have. */
export function ProductPage({ id }: { id: number | null }) {
  return id === null ? <ProductNotFound /> : <KnownProductPage id={id} />
}

function KnownProductPage({ id }: { id: number }) {
  const client = useQueryClient()
  // Opened from the grid, the page shows the grid's copy at once while it asks for the product itself.
  // (No `select`: the catalog's structural sharing would be applied to what it selects.)
  const query = useQuery({
    ...productQueryOptions(id),
    placeholderData: () => {
      const known = productFromCatalog(client, id)
      return known && productCatalog(known)
    },
  })
  if (query.isPending) return <PageStatus heading="Loading the product…" />
  if (query.isError) {
    return <PageStatus heading="This product could not be loaded" detail="The shop did not answer. Try again in a moment." />
  }
  const product = query.data.pages[0]?.items[0]
  return product ? <ProductDetails product={product} /> : <ProductNotFound />
}

function ProductDetails({ product }: { product: Product }) {
  usePageTitle(product.name)
  const add = useAddToCart(product)
  const [quantity, setQuantity] = useState('1')
  const soldOut = product.available <= 0
  return (
    <article className="product-page" aria-labelledby="page-heading">
      <img src={product.imageUrl} alt="" width={400} height={300} />
      <div className="product-facts">
        <h1 id="page-heading" tabIndex={-1}>{product.name}</h1>
        <p>{product.description}</p>
        <p className="product-foot">
          <span className="price">{formatMoney(product.unitPrice, product.currency)}</span>
          <StockBadge productId={product.id} available={product.available} />
        </p>
        <form
          className="add-form"
          onSubmit={(event) => {
            event.preventDefault()
            // The browser has checked the field against its bounds: a whole number from 1 to what is available.
            void add(Number.parseInt(quantity, 10))
          }}
        >
          <label htmlFor="product-quantity">Quantity</label>
          <input
            id="product-quantity"
            type="number"
            inputMode="numeric"
            required
            min={1}
            max={Math.max(1, product.available)}
            step={1}
            value={quantity}
            disabled={soldOut}
            data-testid="product-quantity"
            onChange={(event) => setQuantity(event.target.value)}
          />
          <button type="submit" className="primary" data-testid={`add-to-cart-${product.id}`} disabled={soldOut}>
            {soldOut ? 'Sold out' : 'Add to cart'}
          </button>
        </form>
        <p><a href="/" onClick={followLink}>Back to the shop</a></p>
      </div>
    </article>
  )
}

function ProductNotFound() {
  return (
    <PageStatus
      heading="Product not found"
      detail="This product is not in the shop: the link may be mistyped, or the product is no longer sold."
      back
    />
  )
}

function PageStatus({ heading, detail, back = false }: { heading: string; detail?: string; back?: boolean }) {
  usePageTitle(heading)
  return (
    <section className="product-page" aria-labelledby="page-heading">
      <h1 id="page-heading" tabIndex={-1}>{heading}</h1>
      {detail && <p role={back ? undefined : 'alert'}>{detail}</p>}
      {back && <p><a href="/" onClick={followLink}>See everything the shop sells</a></p>}
    </section>
  )
}
