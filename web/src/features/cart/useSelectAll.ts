import { useCartChange } from './cartChange'

export function useSelectAll() {
  const change = useCartChange('cart-selection')
  return (selected: boolean) => change({ kind: 'selectAll', selected })
}
