import { describe, expect, it } from 'vitest'
import type { Product } from './queries'
import { applyStockValue, keepNewerStock, mergeCatalog, newestStock, type CatalogData } from './stock'

function product(id: number, available: number, stockVersion: number): Product {
  return { id, name: `Product ${id}`, description: '', unitPrice: 1000, currency: 'EUR', imageUrl: '', available, stockVersion }
}

function catalog(...pages: Product[][]): CatalogData {
  return { pages: pages.map((items) => ({ items, nextCursor: null })), pageParams: pages.map((_, index) => String(index)) }
}

const stockOf = (data: CatalogData) => data.pages.flatMap((page) => page.items.map((item) => [item.id, item.available, item.stockVersion]))

describe('stock that cannot go stale', () => {
  const cached = catalog([product(1, 120, 7), product(2, 3, 2)], [product(3, 9, 1)])

  it('a push older than what the cache holds is ignored', () => {
    expect(applyStockValue(cached, { productId: 1, available: 200, version: 6 })).toBe(cached)
  })

  it('a newer push is taken, in whichever page holds the product', () => {
    expect(stockOf(applyStockValue(cached, { productId: 3, available: 0, version: 2 }))).toEqual([[1, 120, 7], [2, 3, 2], [3, 0, 2]])
  })

  it('a push of the version the cache holds changes nothing', () => {
    expect(applyStockValue(cached, { productId: 1, available: 120, version: 7 })).toBe(cached)
  })

  it('a push for a product the cache does not hold is ignored', () => {
    expect(applyStockValue(cached, { productId: 99, available: 1, version: 50 })).toBe(cached)
  })

  it('a refetch carrying older stock keeps the newer stock the cache holds, and takes what is newer', () => {
    const refetched = catalog([product(1, 120, 5), product(2, 1, 4)], [product(3, 9, 1)])

    expect(stockOf(mergeCatalog(cached, refetched))).toEqual([[1, 120, 7], [2, 1, 4], [3, 9, 1]])
  })

  it('a refetch that is no older anywhere is written as it came', () => {
    const refetched = catalog([product(1, 1, 8), product(2, 3, 2)])

    expect(mergeCatalog(cached, refetched)).toBe(refetched)
    expect(mergeCatalog(undefined, refetched)).toBe(refetched)
  })

  it('a fetched page takes the newest stock known from any query', () => {
    const known = newestStock([cached, catalog([product(2, 0, 9)]), undefined])

    expect(stockOf(catalog(keepNewerStock({ items: [product(2, 3, 2), product(4, 5, 1)], nextCursor: null }, known).items)))
      .toEqual([[2, 0, 9], [4, 5, 1]])
  })
})
