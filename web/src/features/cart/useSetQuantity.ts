import type { CartLine } from './types'
import { useCartChange } from './useCartChange'

/**
 * Absolute quantities: every click is a change of its own in the outbox and shows at once; one
 * that a later click covers is not sent (see outbox.covers), so quick clicks cost two requests.
 */
export function useSetQuantity(line: CartLine) {
  const change = useCartChange()
  const { productId, name, unitPrice, available } = line
  return (quantity: number) => change({ kind: 'setQuantity', productId, quantity, product: { name, unitPrice, available } })
}
