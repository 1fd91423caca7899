import { useMutation } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'

/** An invitation link to this cart; whoever opens it shares the cart and sees its changes live. */
export function useShareCart() {
  return useMutation({
    mutationKey: ['cart', 'share'],
    retry: false,
    mutationFn: () =>
      api<{ token: string; url: string }>('/api/cart/share', { method: 'POST', idempotencyKey: newIdempotencyKey() }),
  })
}
