import { formatMoney } from '../../lib/money'

interface Money {
  subtotal: number
  discount: number
  shipping: number
  total: number
  currency: string
}

/** Subtotal, discount, shipping and total; `shippingNote` stands in for the shipping until a method is known. */
export function TotalsList({ totals, shippingNote }: { totals: Money; shippingNote?: string | undefined }) {
  const money = (amount: number) => formatMoney(amount, totals.currency)
  return (
    <dl className="totals">
      <dt>Subtotal</dt>
      <dd data-testid="totals-subtotal">{money(totals.subtotal)}</dd>
      {totals.discount > 0 && (
        <>
          <dt>Discount</dt>
          <dd data-testid="totals-discount">−{money(totals.discount)}</dd>
        </>
      )}
      <dt>Shipping</dt>
      <dd data-testid="totals-shipping">{shippingNote ?? (totals.shipping === 0 ? 'Free' : money(totals.shipping))}</dd>
      <dt>Total</dt>
      <dd data-testid="totals-total">{money(totals.total)}</dd>
    </dl>
  )
}
