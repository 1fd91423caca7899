import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { writeCart } from '../cart/queries'
import type { Cart } from '../cart/types'

/** Coupons are asked about, never guessed: the discount shows only once the service applied it. */
export function useValidateCoupon() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['coupon', 'validate'],
    retry: false,
    mutationFn: (code: string) =>
      api<{ code: string; discount: number; cart: Cart }>('/api/coupons/validate', {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: { code },
      }),
    onSuccess: (applied) => writeCart(client, applied.cart),
  })
}
