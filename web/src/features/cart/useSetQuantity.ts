import { onlineManager } from '@tanstack/react-query'
import { lineScope, useCartChange } from './cartChange'
import { askQuantity } from './waitingQuantities'

/**
 * Absolute quantities, coalesced per line: every click shows at once, at most one request waits.
 * Offline, each click becomes a change of its own, so that all of them are kept across a reload.
 */
export function useSetQuantity(productId: number) {
  const change = useCartChange(lineScope(productId))
  return (quantity: number) => {
    if (!onlineManager.isOnline()) {
      void change({ kind: 'setQuantity', productId, quantity })
      return
    }
    askQuantity(productId, quantity, (latest) => change({ kind: 'setQuantity', productId, quantity: latest }))
  }
}
