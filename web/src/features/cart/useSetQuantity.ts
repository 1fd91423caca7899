import { lineScope, useCartChange } from './cartChange'
import { askQuantity } from './waitingQuantities'

/** Absolute quantities, coalesced per line: every click shows at once, at most one request waits. */
export function useSetQuantity(productId: number) {
  const change = useCartChange(lineScope(productId))
  return (quantity: number) =>
    askQuantity(productId, quantity, (latest) => change({ kind: 'setQuantity', productId, quantity: latest }))
}
