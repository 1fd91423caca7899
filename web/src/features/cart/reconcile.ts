import { lineTotal, totals } from './pricing'
import type { Cart, CartLine } from './types'

// The storefront's cache holds only carts the server confirmed. What the shopper sees is that
// cart with the changes still on their way applied on top, in the order they were made. A
// change that fails drops out of the list, so exactly its effect disappears.

/** What a line not yet in the cart shows until the server's answer names it. */
export interface ProductInfo {
  name: string
  unitPrice: number
  available: number
}

/**
 * A change the shopper made that the server has not confirmed yet. Every change is absolute (the
 * state it asks for, not a step from the current one) and names its line by product, so applying
 * it to a cart that already holds it changes nothing: a push or refetch that contains a pending
 * change never shows it twice. Changes of a product carry its name for the words of a toast.
 */
export type PendingChange =
  | { kind: 'setQuantity'; productId: number; quantity: number; product: ProductInfo }
  | { kind: 'select'; productId: number; selected: boolean; name: string }
  | { kind: 'selectAll'; selected: boolean }
  | { kind: 'remove'; productId: number; name: string }

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
    case 'setQuantity': {
      if (items.some((line) => line.productId === change.productId)) {
        return items.map((line) => (line.productId === change.productId ? { ...line, quantity: change.quantity } : line))
      }
      // The server makes the line, selected, when it has none.
      const line: CartLine = {
        id: provisionalLineId(change.productId),
        productId: change.productId,
        ...change.product,
        quantity: change.quantity,
        selected: true,
        lineTotal: 0,
      }
      return [...items, line]
    }
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
