import type { QueryClient } from '@tanstack/react-query'
import { accountKeys } from '../features/account/queries'
import type { Account } from '../features/account/types'
import { writeCart } from '../features/cart/queries'
import type { Cart } from '../features/cart/types'
import { catalogKeys, productCatalog, type Product, type ProductPage } from '../features/catalog/queries'
import { mergeCatalog, type CatalogData } from '../features/catalog/stock'

interface InitialState {
  products: ProductPage
  cart: Cart
  account: Account | null
  /** On a product's page: the product asked for, and null for `found` when the shop has no such product. */
  product: { id: number; found: Product | null } | null
}

/**
 * The service puts the catalog's first page, the shopper's cart, the signed-in account or none,
 * and on a product's page that product into the page (storefront.StorefrontPage); they go into
 * the cache before the first render, so the first paint shows the page instead of a spinner.
 * Their stock passes the same version guard as any other.
 */
export function seedFromPage(client: QueryClient, document: Document): void {
  const element = document.getElementById('cartwright-state')
  if (!element?.textContent) return
  const state = JSON.parse(element.textContent) as InitialState
  const seed = (key: readonly unknown[], data: CatalogData) =>
    client.setQueryData<CatalogData>(key, (current) => mergeCatalog(current, data))
  seed(catalogKeys.list(''), { pages: [state.products], pageParams: [''] })
  if (state.product) seed(catalogKeys.product(state.product.id), productCatalog(state.product.found))
  writeCart(client, state.cart)
  client.setQueryData(accountKeys.me(), state.account ?? null)
}
