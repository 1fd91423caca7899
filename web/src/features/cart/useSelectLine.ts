import { lineScope, useCartChange } from './cartChange'

export function useSelectLine(productId: number) {
  const change = useCartChange(lineScope(productId))
  return (selected: boolean) => change({ kind: 'select', productId, selected })
}
