import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { cartKeys } from './queries'
import type { Cart } from './types'

/** Joining or leaving a shared cart: the cache takes the other cart whatever its version. */
function useSwitchCart<Body>(path: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['cart', 'membership'],
    retry: false,
    mutationFn: (body: Body) => api<Cart>(path, { method: 'POST', idempotencyKey: newIdempotencyKey(), body }),
    onSuccess: (cart) => client.setQueryData(cartKeys.detail(), cart),
  })
}

export const useJoinCart = () => useSwitchCart<{ token: string; name?: string }>('/api/cart/join')
export const useLeaveCart = () => useSwitchCart<undefined>('/api/cart/leave')
