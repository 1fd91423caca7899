import { infiniteQueryOptions, replaceEqualDeep } from '@tanstack/react-query'
import { api } from '../../lib/api'
import type { components } from '../../lib/api-types'
import { keepNewerStock, mergeCatalog, newestStock, type CatalogData } from './stock'

/** `stockVersion` is bumped by every change of the product's stock on hand or reserved; newer values win. */
export type Product = components['schemas']['ProductView']
export type ProductPage = components['schemas']['ProductPage']

export const catalogKeys = {
  all: ['products'] as const,
  list: (query: string) => [...catalogKeys.all, 'list', query] as const,
}

export const PAGE_SIZE = 24

/**
 * A page that arrives keeps the newer stock of what the cache already holds, from any catalog
 * query (another search may hold a newer push), and again when the pages are written, since a
 * push may land while a refetch of several pages is under way.
 */
export const productsQueryOptions = (query: string) =>
  infiniteQueryOptions({
    queryKey: catalogKeys.list(query),
    queryFn: async ({ pageParam, signal, client }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), q: query })
      if (pageParam) params.set('cursor', pageParam)
      const page = await api<ProductPage>(`/api/products?${params}`, { signal })
      return keepNewerStock(page, newestStock(client.getQueriesData<CatalogData>({ queryKey: catalogKeys.all }).map(([, data]) => data)))
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    structuralSharing: (current: unknown, incoming: unknown) =>
      replaceEqualDeep(current, mergeCatalog(current as CatalogData | undefined, incoming as CatalogData)),
  })
