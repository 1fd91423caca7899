import { followLink, usePath } from '../../lib/router'
import { DropPage } from './DropPage'
import { OperatorSignIn } from './OperatorSignIn'
import { useOperatorSession } from './operatorToken'
import { OrdersSearchPage } from './OrdersSearchPage'
import './ops.css'
import { ProductStockPage } from './ProductStockPage'
import { ProductsPage } from './ProductsPage'
import { RefundsPage } from './RefundsPage'
import { useSignOut } from './useSignOut'

const PRODUCT = /^\/ops\/products\/(\d+)$/
const DROP = /^\/ops\/products\/(\d+)\/drop$/

/** The operator's console (/ops): loaded by the app only there, so shoppers never download it. */
export default function OpsConsole() {
  const { token } = useOperatorSession()
  return token === null ? <OperatorSignIn /> : <SignedIn />
}

function SignedIn() {
  const path = usePath()
  const signOut = useSignOut()
  const product = PRODUCT.exec(path)
  const drop = DROP.exec(path)
  return (
    <>
      <header className="header ops-header">
        <a className="brand" href="/ops" onClick={followLink}>Cartwright operations</a>
        <nav aria-label="Console">
          <a href="/ops" onClick={followLink} aria-current={path === '/ops' ? 'page' : undefined}>Products</a>
          <a href="/ops/orders" onClick={followLink} aria-current={path === '/ops/orders' ? 'page' : undefined}>Orders</a>
          <a href="/ops/refunds" onClick={followLink} aria-current={path === '/ops/refunds' ? 'page' : undefined}>Refunds</a>
        </nav>
        <button type="button" className="link" onClick={signOut} data-testid="ops-sign-out">Sign out</button>
      </header>
      <main className="ops">
        {path === '/ops' || path === '/ops/' ? (
          <ProductsPage />
        ) : product?.[1] ? (
          <ProductStockPage key={path} productId={Number(product[1])} />
        ) : drop?.[1] ? (
          <DropPage key={path} productId={Number(drop[1])} />
        ) : path === '/ops/orders' ? (
          <OrdersSearchPage />
        ) : path === '/ops/refunds' ? (
          <RefundsPage />
        ) : (
          <>
            <h1>No such page</h1>
            <p>The console has no page at this address. <a href="/ops" onClick={followLink}>See the products</a>.</p>
          </>
        )}
      </main>
    </>
  )
}
