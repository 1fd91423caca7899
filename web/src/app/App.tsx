import { useDeferredValue, useState } from 'react'
import { Toasts } from '../components/Toasts'
import { SignInPage } from '../features/account/SignInPage'
import { SignUpPage } from '../features/account/SignUpPage'
import { CartPanel } from '../features/cart/CartPanel'
import { JoinPage } from '../features/cart/JoinPage'
import { ProductGrid } from '../features/catalog/ProductGrid'
import { CheckoutPage } from '../features/checkout/CheckoutPage'
import { OrderPage } from '../features/checkout/OrderPage'
import { OrdersPage } from '../features/checkout/OrdersPage'
import { OrderStatusPage } from '../features/checkout/OrderStatusPage'
import { ResumeCheckoutPage } from '../features/checkout/ResumeCheckoutPage'
import { Header } from './Header'
import { useLiveUpdates } from './liveUpdates'
import { usePath } from '../lib/router'

const JOIN = /^\/join\/([A-Za-z0-9_-]+)$/
const COMPLETE = /^\/checkout\/([0-9a-f-]{36})\/complete$/
const RESUME = /^\/checkout\/([0-9a-f-]{36})$/
const ORDER = /^\/orders\/([0-9a-f-]{36})$/

export function App() {
  useLiveUpdates()
  const path = usePath()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query.trim())
  const complete = COMPLETE.exec(path)
  const resume = RESUME.exec(path)
  const join = JOIN.exec(path)
  const order = ORDER.exec(path)
  return (
    <>
      <Header query={query} onQuery={setQuery} />
      {join?.[1] ? (
        <JoinPage token={join[1]} />
      ) : complete?.[1] ? (
        <OrderStatusPage checkoutId={complete[1]} />
      ) : resume?.[1] ? (
        <ResumeCheckoutPage checkoutId={resume[1]} />
      ) : path === '/signin' ? (
        <SignInPage />
      ) : path === '/signup' ? (
        <SignUpPage />
      ) : path === '/checkout' ? (
        <CheckoutPage />
      ) : path === '/orders' ? (
        <OrdersPage />
      ) : order?.[1] ? (
        <OrderPage orderId={order[1]} />
      ) : (
        <main className="layout">
          <div className="catalog">
            <ProductGrid query={deferredQuery} />
          </div>
          <aside id="cart">
            <CartPanel />
          </aside>
        </main>
      )}
      <Toasts />
    </>
  )
}
