import type { CartLine } from './types'
import { useCartChange } from './useCartChange'

export function useSelectLine(line: CartLine) {
  const change = useCartChange()
  return (selected: boolean) => change({ kind: 'select', productId: line.productId, selected, name: line.name })
}
