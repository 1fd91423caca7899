import type { Discount, Totals } from './types'

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

export function totals(lines: readonly PricedLine[], currency: string, coupon: Discount | null): Totals {
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
  return { itemCount, selectedCount, subtotal, discount, total: subtotal - discount, currency }
}
