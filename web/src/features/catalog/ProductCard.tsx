import { formatMoney } from '../../lib/money'
import { followLink } from '../../lib/router'
import { useAddToCart } from '../cart/useAddToCart'
import { productHref } from './productAddress'
import type { Product } from './queries'
import { StockBadge } from './StockBadge'

export function ProductCard({ product }: { product: Product }) {
  const add = useAddToCart(product)
  const soldOut = product.available <= 0
  return (
    <article className="product" aria-labelledby={`product-name-${product.id}`}>
      <img src={product.imageUrl} alt="" width={400} height={300} loading="lazy" />
      <h2 id={`product-name-${product.id}`}>
        <a href={productHref(product.id)} onClick={followLink}>{product.name}</a>
      </h2>
      <p className="description">{product.description}</p>
      <div className="product-foot">
        <span className="price">{formatMoney(product.unitPrice, product.currency)}</span>
        <StockBadge productId={product.id} available={product.available} />
      </div>
      <button
        type="button"
        className="primary"
        data-testid={`add-to-cart-${product.id}`}
        disabled={soldOut}
        onClick={() => void add()}
        id={`add-${product.id}`}
        // Named "Add to cart Mug": the words on the button first, so that a shopper who says them (voice control) finds it.
        aria-labelledby={`add-${product.id} product-name-${product.id}`}
      >
        {soldOut ? 'Sold out' : 'Add to cart'}
      </button>
    </article>
  )
}
