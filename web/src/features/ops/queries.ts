import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import { parseMetrics, type MetricsSample } from './metrics'
import { opsApi, opsText } from './opsApi'
import type { Drop, Items, MovementPage, OpsOrder, OpsProduct, Refund, WaitingCheckout } from './types'

// The console's reads. None is persisted (app/persistRules keeps only the cart and the catalog),
// and none carries the token in its key: signing out removes them all.

/** How often the live pages read again while they are on screen (TanStack Query pauses in a hidden tab). */
export const LIVE_MS = 1000
export const DROP_SECONDS = 60
const MOVEMENTS_PAGE = 50

export const opsKeys = {
  all: ['ops'] as const,
  products: () => [...opsKeys.all, 'products'] as const,
  movements: (id: number) => [...opsKeys.all, 'movements', id] as const,
  drop: (id: number) => [...opsKeys.all, 'drop', id] as const,
  waiting: (id: number) => [...opsKeys.all, 'waiting', id] as const,
  metrics: () => [...opsKeys.all, 'metrics'] as const,
  orders: (q: string) => [...opsKeys.all, 'orders', q] as const,
  refunds: () => [...opsKeys.all, 'refunds'] as const,
  /** The mutations that send a refund now: their answers outlive the list, which leaves out refunds made. */
  refundSends: () => [...opsKeys.all, 'refund-sends'] as const,
}

const live = { refetchInterval: LIVE_MS, staleTime: 0 } as const

/** Read again when the socket says a product's stock moved (useStockPushes), and every few seconds besides. */
export const productsQueryOptions = () =>
  queryOptions({
    queryKey: opsKeys.products(),
    queryFn: ({ signal }) => opsApi<Items<OpsProduct>>('/api/admin/products', { signal }),
    refetchInterval: 5 * LIVE_MS,
    staleTime: 0,
  })

export const movementsQueryOptions = (id: number) =>
  infiniteQueryOptions({
    queryKey: opsKeys.movements(id),
    queryFn: ({ signal, pageParam }) => {
      const before = pageParam === null ? '' : `&before=${encodeURIComponent(String(pageParam))}`
      return opsApi<MovementPage>(`/api/admin/products/${id}/movements?limit=${MOVEMENTS_PAGE}${before}`, { signal })
    },
    initialPageParam: null as MovementPage['nextBefore'],
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    staleTime: 0,
  })

export const dropQueryOptions = (id: number) =>
  queryOptions({
    queryKey: opsKeys.drop(id),
    queryFn: ({ signal }) => opsApi<Drop>(`/api/admin/products/${id}/drop?seconds=${DROP_SECONDS}`, { signal }),
    ...live,
  })

export const waitingQueryOptions = (id: number) =>
  queryOptions({
    queryKey: opsKeys.waiting(id),
    queryFn: ({ signal }) => opsApi<Items<WaitingCheckout>>(`/api/admin/products/${id}/waiting`, { signal }),
    ...live,
  })

/**
 * The last minute of scrapes of /actuator/prometheus: rates need two readings of a counter, so
 * each read adds to the ones before rather than replacing them.
 */
export const metricsQueryOptions = () =>
  queryOptions({
    queryKey: opsKeys.metrics(),
    queryFn: async ({ signal, client }): Promise<MetricsSample[]> => {
      const sample = parseMetrics(await opsText('/actuator/prometheus', { signal }), Date.now())
      const before = client.getQueryData<MetricsSample[]>(opsKeys.metrics()) ?? []
      // Readings from an earlier visit to the page would make one point of the whole time away.
      const recent = before.filter((earlier) => sample.at - earlier.at <= (DROP_SECONDS + 1) * 1000)
      return [...recent, sample]
    },
    structuralSharing: false,
    ...live,
  })

export const ordersQueryOptions = (q: string) =>
  queryOptions({
    queryKey: opsKeys.orders(q),
    queryFn: ({ signal }) => opsApi<Items<OpsOrder>>(`/api/admin/orders?q=${encodeURIComponent(q)}`, { signal }),
    staleTime: 0,
  })

export const refundsQueryOptions = () =>
  queryOptions({
    queryKey: opsKeys.refunds(),
    queryFn: ({ signal }) => opsApi<Items<Refund>>('/api/admin/refunds', { signal }),
    refetchInterval: 5 * LIVE_MS,
    staleTime: 0,
  })

/** What was read with the token of the operator before must not be shown to the next. */
export function forgetConsole(client: QueryClient): void {
  client.removeQueries({ queryKey: opsKeys.all })
}
