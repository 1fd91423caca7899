import { useQueryClient } from '@tanstack/react-query'
import { submitCartChange } from './cartChange'
import type { ProductInfo } from './reconcile'
import { visibleCart } from './useVisibleCart'

export interface AddableProduct extends ProductInfo {
  id: number
}

/**
 * "Add to cart" asks for the quantity the screen shows plus n, as an absolute target: a quantity
 * change still on its way for the same line cannot swallow it, nor it the change.
 */
export function useAddToCart(product: AddableProduct) {
  const client = useQueryClient()
  return (n = 1) => {
    const shown = visibleCart(client)?.items.find((line) => line.productId === product.id)?.quantity ?? 0
    const { name, unitPrice, available } = product
    return submitCartChange(client, { kind: 'setQuantity', productId: product.id, quantity: shown + n, product: { name, unitPrice, available } })
  }
}
