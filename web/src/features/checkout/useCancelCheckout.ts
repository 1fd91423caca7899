import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { navigate } from '../../lib/router'
import { cartKeys } from '../cart/queries'
import { checkoutKeys } from './queries'
import type { Checkout } from './types'

/**
 * Cancels a checkout and releases its stock; the lines stay in the cart, where the shopper is
 * taken back (the hash opens the cart drawer on a phone).
 */
export function useCancelCheckout(checkoutId: string) {
  const client = useQueryClient()
  const mutation = useMutation({
    mutationKey: ['checkout', 'cancel', checkoutId],
    // One key for every attempt: a retry after a lost answer replays the cancel instead of being refused as too late.
    mutationFn: (idempotencyKey: string) => api<Checkout>(`/api/checkouts/${checkoutId}`, { method: 'DELETE', idempotencyKey }),
    onSuccess: (cancelled) => {
      client.setQueryData(checkoutKeys.detail(checkoutId), cancelled)
      void client.invalidateQueries({ queryKey: cartKeys.detail() })
      navigate('/')
      window.location.hash = 'cart'
    },
    onError: () => void client.invalidateQueries({ queryKey: checkoutKeys.detail(checkoutId) }),
  })
  return { ...mutation, cancel: () => mutation.mutate(newIdempotencyKey()) }
}
