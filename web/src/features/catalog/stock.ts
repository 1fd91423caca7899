import type { InfiniteData } from '@tanstack/react-query'
import type { Product, ProductPage } from './queries'

// Stock arrives from three places (the page the service serves, catalog fetches and refetches,
// WebSocket pushes) and in any order: a refetch that left before a push may land after it. Each
// value carries its product's stock version, bumped by every change of on hand or reserved, and
// the catalog cache takes a value only if it is newer than the one it holds.

export interface StockValue {
  productId: number
  available: number
  version: number
}

export type CatalogData = InfiniteData<ProductPage>

/** The newest stock the given catalog data holds for each product. */
export function newestStock(data: Iterable<CatalogData | undefined>): Map<number, StockValue> {
  const newest = new Map<number, StockValue>()
  for (const entry of data) {
    entry?.pages.forEach((page) => page.items.forEach((product) => {
      const known = newest.get(product.id)
      if (!known || product.stockVersion > known.version) {
        newest.set(product.id, { productId: product.id, available: product.available, version: product.stockVersion })
      }
    }))
  }
  return newest
}

/** The product with the known stock if that is newer than its own; the same object otherwise. */
function withNewer(product: Product, known: ReadonlyMap<number, StockValue>): Product {
  const stock = known.get(product.id)
  return stock && stock.version > product.stockVersion
    ? { ...product, available: stock.available, stockVersion: stock.version }
    : product
}

/** A fetched page whose older stock values give way to newer ones already known. */
export function keepNewerStock(page: ProductPage, known: ReadonlyMap<number, StockValue>): ProductPage {
  const items = page.items.map((product) => withNewer(product, known))
  return items.every((product, index) => product === page.items[index]) ? page : { ...page, items }
}

/** Catalog data with each page's older stock values replaced by newer known ones; the same object if none was older. */
function withKnown(data: CatalogData, known: ReadonlyMap<number, StockValue>): CatalogData {
  const pages = data.pages.map((page) => keepNewerStock(page, known))
  return pages.every((page, index) => page === data.pages[index]) ? data : { ...data, pages }
}

/**
 * Catalog data as it should be written over what the cache holds (a fetch or refetch landing):
 * every product keeps the newer of the two stock values.
 */
export function mergeCatalog(current: CatalogData | undefined, incoming: CatalogData): CatalogData {
  return current ? withKnown(incoming, newestStock([current])) : incoming
}

/** One stock value (a push) written into catalog data: only over an older one; a product the data does not hold is ignored. */
export function applyStockValue(data: CatalogData, stock: StockValue): CatalogData {
  return withKnown(data, new Map([[stock.productId, stock]]))
}
