import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api'
import type { Checkout } from './types'

export const checkoutKeys = {
  all: ['checkout'] as const,
  detail: (id: string) => [...checkoutKeys.all, id] as const,
}

/**
 * While the provider's answer is on its way, the checkout is asked again every second. A
 * checkout holds the shipping address, which stays in memory, never in local storage.
 */
export const checkoutQueryOptions = (id: string) =>
  queryOptions({
    queryKey: checkoutKeys.detail(id),
    queryFn: ({ signal }) => api<Checkout>(`/api/checkouts/${id}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === 'PAYMENT_PENDING' ? 1000 : false),
    meta: { persist: false },
  })
