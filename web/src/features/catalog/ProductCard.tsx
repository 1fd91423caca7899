import { formatMoney } from '../../lib/money'
import { useAddToCart } from '../cart/useAddToCart'
import type { Product } from './queries'
import { StockBadge } from './StockBadge'

export function ProductCard({ product }: { product: Product }) {
  const add = useAddToCart(product)
  const soldOut = product.available <= 0
  return (
    <article className="product" aria-labelledby={`product-name-${product.id}`}>
      <img src={product.imageUrl} alt="" width={400} height={300} loading="lazy" />
      <h2 id={`product-name-${product.id}`}>{product.name}</h2>
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
        aria-label={`Add ${product.name} to cart`}
      >
        {soldOut ? 'Sold out' : 'Add to cart'}
      </button>
    </article>
  )
}
