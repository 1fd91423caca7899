import { useMutation, useQueryClient } from '@tanstack/react-query'
import { opsApi } from './opsApi'
import { opsKeys } from './queries'
import type { Items, OpsProduct } from './types'

export interface StockView {
  productId: number
  stockOnHand: number
  reserved: number
  available: number
}

/**
 * Sets a product's stock on hand; the table shows the answer at once, before its next read. The
 * change is absolute, so a retry of it is harmless without an Idempotency-Key.
 */
export function useRestock(productId: number) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (stockOnHand: number) =>
      opsApi<StockView>(`/api/admin/products/${productId}/stock`, { method: 'PUT', body: { stockOnHand } }),
    onSuccess: (stock) => {
      client.setQueryData<Items<OpsProduct>>(opsKeys.products(), (products) => products && {
        items: products.items.map((product) => product.id === productId
          ? { ...product, onHand: stock.stockOnHand, reserved: stock.reserved, available: stock.available }
          : product),
      })
      // A read already on its way may predate the change: it is cancelled and made again.
      void client.invalidateQueries({ queryKey: opsKeys.products() })
      void client.invalidateQueries({ queryKey: opsKeys.movements(productId) })
    },
  })
}
