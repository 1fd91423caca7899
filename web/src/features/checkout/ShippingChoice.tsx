import type { UseQueryResult } from '@tanstack/react-query'
import { ApiProblem } from '../../lib/api'
import { formatMoney } from '../../lib/money'
import type { Cart } from '../cart/types'
import { checkoutTotals, deliveryTime } from './shipping'
import type { ShippingMethod, ShippingOption, ShippingQuote } from './types'

/** The methods to the country entered, each priced for the cart as it is now. */
export function ShippingChoice({ country, quote, cart, chosen, onChoose }: {
  country: string
  quote: UseQueryResult<ShippingQuote>
  cart: Cart
  chosen: ShippingOption | null
  onChoose: (method: ShippingMethod) => void
}) {
  return (
    <fieldset className="shipping" aria-busy={quote.isFetching}>
      <legend>Shipping</legend>
      {country === '' ? (
        <p className="hint">Choose your country above to see how we can ship to you.</p>
      ) : quote.isPending ? (
        <p className="hint">Finding the ways we ship to you…</p>
      ) : quote.isError ? (
        <div className="error" role="alert">
          <p>{messageOf(quote.error)}</p>
          <button type="button" onClick={() => void quote.refetch()}>Try again</button>
        </div>
      ) : (
        quote.data.methods.map((offered) => (
          <label key={offered.method} className="method">
            <input
              type="radio"
              name="shippingMethod"
              value={offered.method}
              data-testid={`shipping-${offered.method}`}
              checked={offered.method === chosen?.method}
              onChange={() => onChoose(offered.method)}
            />
            <span className="method-name">{offered.name}</span>
            <span className="method-days">{deliveryTime(offered)}</span>
            <span className="method-price">{priceOf(cart, offered)}</span>
          </label>
        ))
      )}
    </fieldset>
  )
}

function priceOf(cart: Cart, option: ShippingOption): string {
  const shipping = checkoutTotals(cart, option).shipping
  return shipping === 0 ? 'Free' : formatMoney(shipping, cart.totals.currency)
}

function messageOf(error: unknown): string {
  return error instanceof ApiProblem && error.status < 500
    ? error.detail
    : 'We could not find the ways we ship to this country just now. Check your connection and try again.'
}
