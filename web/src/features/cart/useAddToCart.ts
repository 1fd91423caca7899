import { lineScope, useCartChange } from './cartChange'

export interface AddableProduct {
  id: number
  name: string
  unitPrice: number
  available: number
}

export function useAddToCart(product: AddableProduct) {
  const change = useCartChange(lineScope(product.id))
  return (quantity = 1) =>
    change({ kind: 'add', productId: product.id, quantity, name: product.name, unitPrice: product.unitPrice, available: product.available })
}
