import type { QueryClient } from '@tanstack/react-query'
import { accountKeys } from '../features/account/queries'
import type { Account } from '../features/account/types'
import { writeCart } from '../features/cart/queries'
import type { Cart } from '../features/cart/types'
import { catalogKeys, type ProductPage } from '../features/catalog/queries'
import { mergeCatalog, type CatalogData } from '../features/catalog/stock'

interface InitialState {
  products: ProductPage
  cart: Cart
  account: Account | null
}

/**
 * The service puts the catalog's first page and the shopper's cart into the page
 * (storefront.StorefrontPage), and the signed-in account or none; they go into the cache before the first render, so the first
 * paint shows the shop instead of a spinner. Its stock passes the same version guard as any other.
 */
export function seedFromPage(client: QueryClient, document: Document): void {
  const element = document.getElementById('cartwright-state')
  if (!element?.textContent) return
  const state = JSON.parse(element.textContent) as InitialState
  client.setQueryData<CatalogData>(catalogKeys.list(''), (current) =>
    mergeCatalog(current, { pages: [state.products], pageParams: [''] }))
  writeCart(client, state.cart)
  client.setQueryData(accountKeys.me(), state.account ?? null)
}
