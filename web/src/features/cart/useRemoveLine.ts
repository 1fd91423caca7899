import type { CartLine } from './types'
import { useCartChange } from './useCartChange'

export function useRemoveLine(line: CartLine) {
  const change = useCartChange()
  return () => change({ kind: 'remove', productId: line.productId, name: line.name })
}
