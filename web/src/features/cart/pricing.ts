import type { Discount, ShippingRate, Totals } from './types'

// The service's pricing rules (cart.Pricing), so that optimistic totals equal the server's.
// spec/pricing-vectors.json holds the cases both must agree on.

export interface PricedLine {
  unitPrice: number
  quantity: number
  selected: boolean
}

export function lineTotal(unitPrice: number, quantity: number): number {
  return unitPrice * quantity
}

export function discountOf(coupon: Discount | null, subtotal: number): number {
  if (coupon === null || subtotal < coupon.minimumSubtotal) return 0
  return coupon.kind === 'PERCENT'
    ? Math.floor((subtotal * coupon.amount + 50) / 100)
    : Math.min(coupon.amount, subtotal)
}

/** Shipping is priced on the goods after the discount: a coupon can take an order below the free threshold. */
export function shippingOf(rate: ShippingRate | null, discountedSubtotal: number): number {
  if (rate === null) return 0
  return rate.freeFrom !== null && discountedSubtotal >= rate.freeFrom ? 0 : rate.price
}

/** A cart has no destination yet: its shipping rate is null, and its shipping 0. */
export function totals(
  lines: readonly PricedLine[],
  currency: string,
  coupon: Discount | null,
  shipping: ShippingRate | null = null,
): Totals {
  let itemCount = 0
  let selectedCount = 0
  let subtotal = 0
  for (const line of lines) {
    itemCount += line.quantity
    if (line.selected) {
      selectedCount += line.quantity
      subtotal += lineTotal(line.unitPrice, line.quantity)
    }
  }
  const discount = discountOf(coupon, subtotal)
  const goods = subtotal - discount
  const carriage = selectedCount === 0 ? 0 : shippingOf(shipping, goods)
  return { itemCount, selectedCount, subtotal, discount, shipping: carriage, total: goods + carriage, currency }
}
