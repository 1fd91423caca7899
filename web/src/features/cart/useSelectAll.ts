import { useCartChange } from './useCartChange'

export function useSelectAll() {
  const change = useCartChange()
  return (selected: boolean) => change({ kind: 'selectAll', selected })
}
