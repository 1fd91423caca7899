import { AccountMenu } from '../features/account/AccountMenu'
import { useCartSyncing, useVisibleCart } from '../features/cart/useVisibleCart'
import { OfflineBanner } from '../features/offline/OfflineBanner'
import { followLink } from '../lib/router'

export function Header({ query, onQuery }: { query: string; onQuery: (query: string) => void }) {
  const { cart } = useVisibleCart()
  const syncing = useCartSyncing()
  const count = cart?.totals.itemCount ?? 0
  return (
    <header className="header">
      {syncing && <div className="sync-bar" data-testid="sync-indicator" aria-label="Saving your changes" />}
      <a className="brand" href="/">Cartwright</a>
      <input
        type="search"
        className="search"
        placeholder="Search the shop"
        aria-label="Search products"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
      />
      <OfflineBanner />
      <a className="orders-link" href="/orders" onClick={followLink}>Your orders</a>
      <a className="cart-link" href="#cart" aria-label={`Cart, ${count} items`}>
        Cart <span className="count" data-testid="cart-count">{count}</span>
      </a>
      {cart && cart.members > 1 && (
        <span className="members" data-testid="header-members" title="People sharing this cart">
          shared by {cart.members}
        </span>
      )}
      <AccountMenu />
    </header>
  )
}
