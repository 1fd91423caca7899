import { AccountMenu } from '../features/account/AccountMenu'
import { useCartSyncing, useVisibleCart } from '../features/cart/useVisibleCart'
import { useSearchBox } from '../features/catalog/useSearchBox'
import { OfflineBanner } from '../features/offline/OfflineBanner'
import { followLink } from '../lib/router'

const items = (count: number) => `${count} ${count === 1 ? 'item' : 'items'}`

export function Header() {
  const { cart } = useVisibleCart()
  const syncing = useCartSyncing()
  const search = useSearchBox()
  const count = cart?.totals.itemCount ?? 0
  return (
    <header className="header">
      {syncing && <div className="sync-bar" data-testid="sync-indicator" role="progressbar" aria-label="Saving your changes" />}
      <a className="brand" href="/" onClick={followLink}>Cartwright</a>
      <input
        type="search"
        className="search"
        placeholder="Search the shop"
        aria-label="Search products"
        value={search.text}
        onChange={(event) => search.setText(event.target.value)}
      />
      <OfflineBanner />
      <a className="orders-link" href="/orders" onClick={followLink}>Your orders</a>
      <a className="cart-link" href="#cart" aria-label={`Cart, ${items(count)}`}>
        Cart <span className="count" data-testid="cart-count">{count}</span>
      </a>
      {/* Said when the count changes, from a click here or a change on another screen; not on the first paint. */}
      <span className="visually-hidden" role="status" data-testid="cart-announcement">{`Your cart has ${items(count)}.`}</span>
      {cart && cart.members > 1 && (
        <span className="members" data-testid="header-members" title="People sharing this cart">
          shared by {cart.members}
        </span>
      )}
      <AccountMenu />
    </header>
  )
}
