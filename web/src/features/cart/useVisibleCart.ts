import { useIsFetching, useIsMutating, useMutationState, useQuery, type QueryClient } from '@tanstack/react-query'
import { waitingChanges } from './cartChange'
import { bySeq, type CartChangeVariables } from './outbox'
import { cartKeys, cartQueryOptions } from './queries'
import { applyPending, type PendingChange } from './reconcile'
import type { Cart } from './types'

/** The confirmed cart with every change still on its way applied in the order made: what the shopper sees. */
export function useVisibleCart(): { cart: Cart | undefined; pending: PendingChange[] } {
  const { data } = useQuery(cartQueryOptions())
  const waiting = useMutationState({
    filters: { mutationKey: cartKeys.changes(), status: 'pending' },
    select: (mutation) => mutation.state.variables as CartChangeVariables,
  })
  const pending = [...waiting].sort(bySeq).map((variables) => variables.change)
  return { cart: data && applyPending(data, pending), pending }
}

/** The same, read at once outside rendering: what a click acts on. */
export function visibleCart(client: QueryClient): Cart | undefined {
  const confirmed = client.getQueryData<Cart>(cartKeys.detail())
  return confirmed && applyPending(confirmed, waitingChanges(client).map((variables) => variables.change))
}

/** True while any cart change or cart fetch is under way. */
export function useCartSyncing(): boolean {
  return useIsMutating({ mutationKey: cartKeys.changes() }) + useIsFetching({ queryKey: cartKeys.all }) > 0
}
