import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'
import { cartChangesSettled } from '../cart/cartChange'
import { writeCart } from '../cart/queries'
import type { Cart } from '../cart/types'
import { forgetPreviousShopper } from './queries'
import { SETTLE_LIMIT_MS } from './session'

/** Signs the browser out; it is a new guest with a cart of its own, shown as soon as it is read, never the account's. */
export function useSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      await cartChangesSettled(client, SETTLE_LIMIT_MS)
      await api<null>('/api/account/signout', { method: 'POST' })
      return api<Cart>('/api/cart')
    },
    onSuccess: (guestCart) => {
      forgetPreviousShopper(client, null)
      writeCart(client, guestCart)
    },
  })
}
