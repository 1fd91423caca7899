import { useIsFetching, useIsMutating, useMutationState, useQuery } from '@tanstack/react-query'
import { cartKeys, cartQueryOptions, type CartChangeVariables } from './queries'
import { applyPending, type PendingChange } from './reconcile'
import type { Cart } from './types'
import { useWaitingQuantities } from './waitingQuantities'

/** The confirmed cart with every change still on its way applied in order: what the shopper sees. */
export function useVisibleCart(): { cart: Cart | undefined; pending: PendingChange[] } {
  const { data } = useQuery(cartQueryOptions())
  const inFlight = useMutationState({
    filters: { mutationKey: cartKeys.changes(), status: 'pending' },
    select: (mutation) => (mutation.state.variables as CartChangeVariables).change,
  })
  const waiting = useWaitingQuantities()
  const pending = [...inFlight, ...waiting]
  return { cart: data && applyPending(data, pending), pending }
}

/** True while any cart change or cart fetch is under way. */
export function useCartSyncing(): boolean {
  return useIsMutating({ mutationKey: cartKeys.changes() }) + useIsFetching({ queryKey: cartKeys.all }) > 0
}
