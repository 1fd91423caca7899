/** "Sold out" and "Only N left": scarcity the shopper should know before adding. */
export function StockBadge({ productId, available }: { productId: number; available: number }) {
  const text = available <= 0 ? 'Sold out' : available <= 5 ? `Only ${available} left` : `${available} in stock`
  const tone = available <= 0 ? 'sold-out' : available <= 5 ? 'scarce' : 'plenty'
  return (
    <span className={`badge ${tone}`} data-testid={`product-available-${productId}`} data-available={available}>
      {text}
    </span>
  )
}
