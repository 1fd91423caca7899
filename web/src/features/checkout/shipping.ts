import { totals } from '../cart/pricing'
import type { Cart, Totals } from '../cart/types'
import type { ShippingMethod, ShippingOption } from './types'

// The checkout's totals as the service will compute them when it reserves: the cart's pricing
// with the chosen method's rate, so that the shipping shown follows the cart and its coupon.

export function checkoutTotals(cart: Cart, option: ShippingOption | null): Totals {
  return totals(cart.items, cart.totals.currency, cart.coupon, option?.rate ?? null)
}

/** The method the shopper chose, or the first one offered when the new country has no such method. */
export function chosenOption(methods: readonly ShippingOption[], chosen: ShippingMethod): ShippingOption | null {
  return methods.find((option) => option.method === chosen) ?? methods[0] ?? null
}

/** "Next working day", "2–3 working days". */
export function deliveryTime(option: Pick<ShippingOption, 'minDays' | 'maxDays'>): string {
  if (option.maxDays === 1) return 'Next working day'
  return option.minDays === option.maxDays ? `${option.minDays} working days` : `${option.minDays}–${option.maxDays} working days`
}
