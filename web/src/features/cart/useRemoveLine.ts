import { lineScope, useCartChange } from './cartChange'

export function useRemoveLine(productId: number) {
  const change = useCartChange(lineScope(productId))
  return () => change({ kind: 'remove', productId })
}
