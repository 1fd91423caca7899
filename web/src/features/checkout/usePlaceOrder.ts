import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, ApiProblem, newIdempotencyKey } from '../../lib/api'
import { cartKeys, writeCart } from '../cart/queries'
import type { Cart } from '../cart/types'
import type { Checkout, ShippingAddress, StockConflict } from './types'

export interface PlaceOrder {
  shippingAddress: ShippingAddress
  couponCode: string | null
}

/**
 * Reserves the selected lines, then opens the payment and sends the browser to the provider.
 * A stock conflict brings back the cart as the server adjusted it; it is written at once so the
 * shopper sees what changed and can go on.
 */
export function usePlaceOrder(onConflict: (conflict: StockConflict) => void) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['checkout', 'place'],
    retry: false,
    mutationFn: async ({ shippingAddress, couponCode }: PlaceOrder) => {
      const checkout = await api<Checkout>('/api/checkouts', {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: couponCode ? { shippingAddress, couponCode } : { shippingAddress },
      })
      const payment = await api<{ redirectUrl: string }>(`/api/checkouts/${checkout.id}/payment`, {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: { method: 'card' },
      })
      return payment.redirectUrl
    },
    onSuccess: (redirectUrl) => window.location.assign(redirectUrl),
    onError: (error) => {
      if (error instanceof ApiProblem && error.code === 'STOCK_CONFLICT') {
        const conflict = error.body as unknown as StockConflict
        writeCart(client, conflict.cart as Cart)
        onConflict(conflict)
      }
      void client.invalidateQueries({ queryKey: cartKeys.detail() })
    },
  })
}
