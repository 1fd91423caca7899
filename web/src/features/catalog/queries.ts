import { infiniteQueryOptions, keepPreviousData, queryOptions, replaceEqualDeep, type QueryClient } from '@tanstack/react-query'
import { api, ApiProblem } from '../../lib/api'
import type { components } from '../../lib/api-types'
import { keepNewerStock, mergeCatalog, newestStock, type CatalogData } from './stock'

/** `stockVersion` is bumped by every change of the product's stock on hand or reserved; newer values win. */
export type Product = components['schemas']['ProductView']
export type ProductPage = components['schemas']['ProductPage']

export const catalogKeys = {
  all: ['products'] as const,
  list: (query: string) => [...catalogKeys.all, 'list', query] as const,
  product: (id: number) => [...catalogKeys.all, 'product', id] as const,
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
      return keepNewerStock(page, knownStock(client))
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A new search shows the results of the one before until its own arrive, instead of a blank.
    placeholderData: keepPreviousData,
    structuralSharing: keepNewerOnWrite,
  })

/**
 * A product's own query holds it as a catalog of one page with that one product (none when the
 * shop has no such product), under the catalog's key: pushes, the version guard, following its
 * stock on the socket, refetching and keeping it across a reload treat it like any catalog query.
 */
export const productQueryOptions = (id: number) =>
  queryOptions({
    queryKey: catalogKeys.product(id),
    queryFn: async ({ signal, client }): Promise<CatalogData> => {
      try {
        const product = await api<Product>(`/api/products/${id}`, { signal })
        return productCatalog(keepNewerStock({ items: [product], nextCursor: null }, knownStock(client)).items[0] ?? null)
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 404) return productCatalog(null)
        throw error
      }
    },
    structuralSharing: keepNewerOnWrite,
  })

/** A product (or the shop having none) as its query holds it. */
export function productCatalog(product: Product | null): CatalogData {
  return { pages: [{ items: product ? [product] : [], nextCursor: null }], pageParams: [''] }
}

/** The product a catalog query holds, if it holds it: what a product page shows while it asks for the product itself. */
export function productFromCatalog(client: QueryClient, id: number): Product | undefined {
  for (const [, data] of client.getQueriesData<CatalogData>({ queryKey: catalogKeys.all })) {
    const product = data?.pages.flatMap((page) => page.items).find((item) => item.id === id)
    if (product) return product
  }
  return undefined
}

function knownStock(client: QueryClient) {
  return newestStock(client.getQueriesData<CatalogData>({ queryKey: catalogKeys.all }).map(([, data]) => data))
}

function keepNewerOnWrite(current: unknown, incoming: unknown): unknown {
  return replaceEqualDeep(current, mergeCatalog(current as CatalogData | undefined, incoming as CatalogData))
}
