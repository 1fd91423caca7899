import { navigate } from '../../lib/router'
import { formatMoney } from '../../lib/money'
import { CartLineRow } from './CartLineRow'
import { SharePanel } from './SharePanel'
import { useRemovalFocus } from './useRemovalFocus'
import { useSelectAll } from './useSelectAll'
import { useVisibleCart } from './useVisibleCart'

/** The cart: lines, selection and the totals of the selected lines. */
export function CartPanel() {
  const { cart, pending } = useVisibleCart()
  const selectAll = useSelectAll()
  const { heading, removeButton, removing } = useRemovalFocus(cart?.items.map((line) => line.productId) ?? [])
  if (!cart) return <p className="status">Loading your cart…</p>
  const { totals } = cart
  const allSelected = cart.items.length > 0 && cart.items.every((line) => line.selected)
  const syncingProducts = new Set(pending.flatMap((change) => (change.kind === 'selectAll' ? cart.items.map((l) => l.productId) : [change.productId])))
  return (
    <section className="cart" aria-labelledby="cart-heading">
      <a className="close-cart link" href="#">Close</a>
      <h2 id="cart-heading" ref={heading} tabIndex={-1}>Your cart</h2>
      {cart.items.length === 0 ? (
        <p className="status">Your cart is empty.</p>
      ) : (
        <>
          <label className="select-all">
            <input
              type="checkbox"
              checked={allSelected}
              data-testid="select-all"
              onChange={(event) => void selectAll(event.target.checked)}
            />
            Select all
          </label>
          <ul className="lines">
            {cart.items.map((line) => (
              <CartLineRow
                key={line.productId}
                line={line}
                currency={totals.currency}
                syncing={syncingProducts.has(line.productId)}
                removeButton={removeButton}
                onRemove={() => removing(line.productId)}
              />
            ))}
          </ul>
        </>
      )}
      <dl className="totals">
        <dt>Subtotal</dt>
        <dd>{formatMoney(totals.subtotal, totals.currency)}</dd>
        {totals.discount > 0 && (
          <>
            <dt>Discount{cart.couponCode ? ` (${cart.couponCode})` : ''}</dt>
            <dd>−{formatMoney(totals.discount, totals.currency)}</dd>
          </>
        )}
        <dt>Total</dt>
        <dd data-testid="cart-total">{formatMoney(totals.total, totals.currency)}</dd>
      </dl>
      <button
        type="button"
        className="primary checkout-button"
        data-testid="checkout-button"
        disabled={totals.selectedCount === 0}
        onClick={() => {
          window.location.hash = ''
          navigate('/checkout')
        }}
      >
        Check out
      </button>
      <SharePanel cart={cart} />
    </section>
  )
}
