import { queryOptions, type QueryClient } from '@tanstack/react-query'
import { api, ApiProblem } from '../../lib/api'
import { cartKeys } from '../cart/queries'
import type { Account } from './types'

export const accountKeys = {
  all: ['account'] as const,
  me: () => [...accountKeys.all, 'me'] as const,
}

/** The signed-in account, or null for a guest (the service answers 401 NOT_SIGNED_IN). */
export const accountQueryOptions = () =>
  queryOptions({
    queryKey: accountKeys.me(),
    queryFn: async ({ signal }): Promise<Account | null> => {
      try {
        return await api<Account>('/api/account', { signal })
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 401) return null
        throw error
      }
    },
    staleTime: 60_000,
  })

/**
 * The browser is someone else now: what was read for the one before (checkouts, orders) must
 * not be shown to this one. Queries on screen are read again; the cart is written by the caller.
 */
export function forgetPreviousShopper(client: QueryClient, account: Account | null): void {
  client.setQueryData(accountKeys.me(), account)
  const keep = (root: unknown) => root === cartKeys.all[0] || root === accountKeys.all[0]
  client.removeQueries({ predicate: (query) => !keep(query.queryKey[0]), type: 'inactive' })
  void client.invalidateQueries({ predicate: (query) => !keep(query.queryKey[0]) })
}
