import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { cartKeys } from './queries'
import type { Cart } from './types'

/** Joining or leaving a shared cart: the cache takes the other cart whatever its version. */
function useSwitchCart(path: string, body?: unknown) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['cart', 'membership'],
    retry: false,
    mutationFn: (token?: string) =>
      api<Cart>(path, { method: 'POST', idempotencyKey: newIdempotencyKey(), body: token === undefined ? body : { token } }),
    onSuccess: (cart) => client.setQueryData(cartKeys.detail(), cart),
  })
}

export const useJoinCart = () => useSwitchCart('/api/cart/join')
export const useLeaveCart = () => useSwitchCart('/api/cart/leave')
