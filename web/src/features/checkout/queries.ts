import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api'
import type { Checkout, Order, OrderPage, ShippingQuote } from './types'

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

export const shippingKeys = {
  all: ['shipping'] as const,
  to: (country: string) => [...shippingKeys.all, country] as const,
}

/**
 * The methods to a country. Their rates do not depend on the cart, so the quote is not asked
 * again as the cart changes: the page prices each method from its rate, as the service will.
 */
export const shippingQueryOptions = (country: string) =>
  queryOptions({
    queryKey: shippingKeys.to(country),
    queryFn: ({ signal }) => api<ShippingQuote>(`/api/shipping/methods?country=${encodeURIComponent(country)}`, { signal }),
    enabled: country !== '',
    staleTime: 5 * 60_000,
    meta: { persist: false },
  })

export const orderKeys = {
  all: ['order'] as const,
  pages: () => [...orderKeys.all, 'pages'] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
}

export const ORDERS_PER_PAGE = 10

/** The shopper's orders, newest first; each "Show more" asks for the page after the last one's cursor. */
export const ordersQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: orderKeys.pages(),
    queryFn: ({ pageParam, signal }) =>
      api<OrderPage>(`/api/orders?limit=${ORDERS_PER_PAGE}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, { signal }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    meta: { persist: false },
  })

export const orderQueryOptions = (id: string) =>
  queryOptions({
    queryKey: orderKeys.detail(id),
    queryFn: ({ signal }) => api<Order>(`/api/orders/${id}`, { signal }),
    meta: { persist: false },
  })
