import type { Query, QueryClient } from '@tanstack/react-query'
import { catalogKeys } from './queries'
import { applyStockValue, type CatalogData, type StockValue } from './stock'

/**
 * A stock push, written into every loaded catalog query that holds the product at an older
 * version. Queries it changes nothing in are not written at all (an updater answering
 * undefined leaves the query alone).
 */
export function applyStock(client: QueryClient, stock: StockValue): void {
  client.setQueriesData<CatalogData>({ queryKey: catalogKeys.all }, (data) => {
    const next = data && applyStockValue(data, stock)
    return next === data ? undefined : next
  })
}

/** The most products one WebSocket may follow (the service's CARTWRIGHT_MAX_SUBSCRIPTIONS). */
export const MAX_FOLLOWED = 200

/**
 * The products of the catalog queries on screen, for following their stock: the query shown
 * most recently first (`shownSince` ranks them), its last loaded page first, at most `max`.
 */
export function shownProductIds(client: QueryClient, shownSince: (query: Query) => number, max = MAX_FOLLOWED): number[] {
  const queries = client.getQueryCache().findAll({ queryKey: catalogKeys.all, type: 'active' })
    .sort((a, b) => shownSince(b) - shownSince(a))
  const ids = new Set<number>()
  for (const query of queries) {
    const pages = (query.state.data as CatalogData | undefined)?.pages ?? []
    for (const page of [...pages].reverse()) page.items.forEach((product) => ids.add(product.id))
  }
  return [...ids].slice(0, max)
}
