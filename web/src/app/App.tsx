import { lazy, Suspense, type ReactNode } from 'react'
import { Toasts } from '../components/Toasts'
import { SignInPage } from '../features/account/SignInPage'
import { SignUpPage } from '../features/account/SignUpPage'
import { CartPanel } from '../features/cart/CartPanel'
import { JoinPage } from '../features/cart/JoinPage'
import { CatalogPage } from '../features/catalog/CatalogPage'
import { parseProductId, PRODUCT_PATH } from '../features/catalog/productAddress'
import { ProductPage } from '../features/catalog/ProductPage'
import { CheckoutPage } from '../features/checkout/CheckoutPage'
import { OrderPage } from '../features/checkout/OrderPage'
import { OrdersPage } from '../features/checkout/OrdersPage'
import { OrderStatusPage } from '../features/checkout/OrderStatusPage'
import { ResumeCheckoutPage } from '../features/checkout/ResumeCheckoutPage'
import { Header } from './Header'
import { useLiveUpdates } from './liveUpdates'
import { usePageFocus } from './pageFocus'
import { usePath, useSearchParam } from '../lib/router'

// The operator's console is its own chunk (with its chart library), fetched only on /ops.
const OpsConsole = lazy(() => import('../features/ops/OpsConsole'))

const JOIN = /^\/join\/([A-Za-z0-9_-]+)$/
const COMPLETE = /^\/checkout\/([0-9a-f-]{36})\/complete$/
const RESUME = /^\/checkout\/([0-9a-f-]{36})$/
const ORDER = /^\/orders\/([0-9a-f-]{36})$/

export function App() {
  useLiveUpdates()
  usePageFocus()
  const path = usePath()
  const query = useSearchParam('q').trim()
  const complete = COMPLETE.exec(path)
  const resume = RESUME.exec(path)
  const join = JOIN.exec(path)
  const order = ORDER.exec(path)
  const product = PRODUCT_PATH.exec(path)
  if (path === '/ops' || path.startsWith('/ops/')) {
    return (
      <Suspense fallback={<p className="status">Loading the console…</p>}>
        <OpsConsole />
      </Suspense>
    )
  }
  return (
    <>
      <Header />
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
      ) : product ? (
        <WithCart><ProductPage key={path} id={parseProductId(product[1] ?? '')} /></WithCart>
      ) : (
        <WithCart><CatalogPage query={query} /></WithCart>
      )}
      <Toasts />
    </>
  )
}

/** The shop's pages: theirs beside the cart (a drawer on a phone). */
function WithCart({ children }: { children: ReactNode }) {
  return (
    <main className="layout">
      <div className="catalog">{children}</div>
      <aside id="cart">
        <CartPanel />
      </aside>
    </main>
  )
}
