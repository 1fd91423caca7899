import { lineTotal, totals } from './pricing'
import type { Cart, CartLine } from './types'

// The storefront's cache holds only carts the server confirmed. What the shopper sees is that
// cart with the changes still on their way applied on top, in the order they were made. A
// change that fails drops out of the list, so exactly its effect disappears.

/**
 * A change the shopper made that the server has not confirmed yet. Lines are named by their
 * product (a cart has one line per product), so a change can follow an add whose line the
 * server has not numbered yet.
 */
export type PendingChange =
  | { kind: 'add'; productId: number; quantity: number; name: string; unitPrice: number; available: number }
  | { kind: 'setQuantity'; productId: number; quantity: number }
  | { kind: 'select'; productId: number; selected: boolean }
  | { kind: 'selectAll'; selected: boolean }
  | { kind: 'remove'; productId: number }

/** A line the server has not made yet is known by its product until the answer names it. */
export function provisionalLineId(productId: number): number {
  return -productId
}

export function applyPending(cart: Cart, pending: readonly PendingChange[]): Cart {
  if (pending.length === 0) return cart
  const items = pending.reduce(applyOne, cart.items)
  const priced = items.map((line) => ({ ...line, lineTotal: lineTotal(line.unitPrice, line.quantity) }))
  return { ...cart, items: priced, totals: totals(priced, cart.totals.currency, cart.coupon) }
}

function applyOne(items: CartLine[], change: PendingChange): CartLine[] {
  switch (change.kind) {
    case 'add': {
      const existing = items.find((line) => line.productId === change.productId)
      if (existing) {
        return items.map((line) =>
          line === existing ? { ...line, quantity: line.quantity + change.quantity, selected: true } : line,
        )
      }
      const line: CartLine = {
        id: provisionalLineId(change.productId),
        productId: change.productId,
        name: change.name,
        unitPrice: change.unitPrice,
        quantity: change.quantity,
        selected: true,
        available: change.available,
        lineTotal: 0,
      }
      return [...items, line]
    }
    case 'setQuantity':
      return items.map((line) => (line.productId === change.productId ? { ...line, quantity: change.quantity } : line))
    case 'select':
      return items.map((line) => (line.productId === change.productId ? { ...line, selected: change.selected } : line))
    case 'selectAll':
      return items.map((line) => ({ ...line, selected: change.selected }))
    case 'remove':
      return items.filter((line) => line.productId !== change.productId)
  }
}

/**
 * The version guard: a cart (answer, refetch or push) replaces the cached one only if it is not
 * older, because answers and pushes can arrive out of order.
 */
export function acceptIfNewer(current: Cart | undefined, incoming: Cart): Cart {
  if (current === undefined || current.id !== incoming.id) return incoming
  return incoming.version >= current.version ? incoming : current
}
