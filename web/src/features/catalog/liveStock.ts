import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { catalogKeys, type ProductPage } from './queries'

/** A product's live availability, as a stock push tells it, written into every loaded page. */
export function applyStock(client: QueryClient, productId: number, available: number): void {
  client.setQueriesData<InfiniteData<ProductPage>>({ queryKey: catalogKeys.all }, (data) =>
    data && {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((product) => (product.id === productId ? { ...product, available } : product)),
      })),
    },
  )
}

/** The products on screen, for following their stock (the service takes at most 200). */
export function loadedProductIds(client: QueryClient): number[] {
  const ids = new Set<number>()
  for (const [, data] of client.getQueriesData<InfiniteData<ProductPage>>({ queryKey: catalogKeys.all })) {
    data?.pages.forEach((page) => page.items.forEach((product) => ids.add(product.id)))
  }
  return [...ids].slice(0, 200)
}
