import { usePageTitle } from '../../lib/pageTitle'
import { ProductGrid } from './ProductGrid'

/** The shop's front page: everything it sells, or what matches the search in its address. */
export function CatalogPage({ query }: { query: string }) {
  usePageTitle(query ? `Search: ${query}` : null)
  return (
    <>
      <h1 id="page-heading" tabIndex={-1}>{query ? `Results for “${query}”` : 'Everything in the shop'}</h1>
      <ProductGrid query={query} />
    </>
  )
}
