import { useDeferredValue, useState } from 'react'
import { Toasts } from '../components/Toasts'
import { CartPanel } from '../features/cart/CartPanel'
import { ProductGrid } from '../features/catalog/ProductGrid'
import { Header } from './Header'

export function App() {
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query.trim())
  return (
    <>
      <Header query={query} onQuery={setQuery} />
      <main className="layout">
        <div className="catalog">
          <ProductGrid query={deferredQuery} />
        </div>
        <aside id="cart">
          <CartPanel />
        </aside>
      </main>
      <Toasts />
    </>
  )
}
