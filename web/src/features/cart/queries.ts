import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'
import { acceptIfNewer } from './reconcile'
import type { Cart } from './types'

export const cartKeys = {
  all: ['cart'] as const,
  detail: () => [...cartKeys.all, 'detail'] as const,
  changes: () => [...cartKeys.all, 'change'] as const,
}

/**
 * Every write of the cart into the cache (a fetch, a mutation's answer, a push) passes the
 * version guard: a refetch that left before a change and lands after its answer is ignored.
 */
export const cartQueryOptions = () =>
  queryOptions({
    queryKey: cartKeys.detail(),
    queryFn: ({ signal }) => api<Cart>('/api/cart', { signal }),
    structuralSharing: (current: unknown, incoming: unknown) => acceptIfNewer(current as Cart | undefined, incoming as Cart),
  })

export type { CartChangeVariables } from './outbox'

/** Every cart the server sends goes through the version guard before it reaches the cache. */
export function writeCart(client: QueryClient, cart: Cart): void {
  client.setQueryData<Cart>(cartKeys.detail(), (current) => acceptIfNewer(current, cart))
}

