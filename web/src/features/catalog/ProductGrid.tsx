import { useInfiniteQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { ProductCard } from './ProductCard'
import { productsQueryOptions } from './queries'

/** The catalog: a grid that loads the next page as the shopper scrolls near its end. */
export function ProductGrid({ query }: { query: string }) {
  const products = useInfiniteQuery(productsQueryOptions(query))
  const sentinel = useRef<HTMLDivElement>(null)
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = products

  useEffect(() => {
    const element = sentinel.current
    if (!element || !hasNextPage) return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage()
    }, { rootMargin: '400px' })
    observer.observe(element)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  if (products.isPending) return <p className="status">Loading the catalog…</p>
  if (products.isError) return <p className="status" role="alert">The catalog could not be loaded. Try again in a moment.</p>
  const items = products.data.pages.flatMap((page) => page.items)
  if (items.length === 0) return <p className="status">Nothing matches “{query}”.</p>
  return (
    <>
      <div className="grid" aria-busy={products.isPlaceholderData}>
        {items.map((product) => <ProductCard key={product.id} product={product} />)}
      </div>
      <div ref={sentinel} className="status">{isFetchingNextPage ? 'Loading more…' : ''}</div>
    </>
  )
}
