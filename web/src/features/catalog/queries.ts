import { infiniteQueryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api'

export interface Product {
  id: number
  name: string
  description: string
  unitPrice: number
  currency: string
  imageUrl: string
  available: number
}

export interface ProductPage {
  items: Product[]
  nextCursor: string | null
}

export const catalogKeys = {
  all: ['products'] as const,
  list: (query: string) => [...catalogKeys.all, 'list', query] as const,
}

export const PAGE_SIZE = 24

export const productsQueryOptions = (query: string) =>
  infiniteQueryOptions({
    queryKey: catalogKeys.list(query),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE), q: query })
      if (pageParam) params.set('cursor', pageParam)
      return api<ProductPage>(`/api/products?${params}`, { signal })
    },
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  })
