import { describe, expect, it } from 'vitest'
import { acceptIfNewer, applyPending, provisionalLineId, type PendingChange } from './reconcile'
import type { Cart } from './types'

function cart(version: number, lines: Array<[id: number, productId: number, price: number, qty: number, selected?: boolean]>): Cart {
  const items = lines.map(([id, productId, unitPrice, quantity, selected = true]) => ({
    id, productId, name: `Product ${productId}`, unitPrice, quantity, selected, available: 10, lineTotal: unitPrice * quantity,
  }))
  const selectedLines = items.filter((line) => line.selected)
  const subtotal = selectedLines.reduce((sum, line) => sum + line.lineTotal, 0)
  return {
    id: 'cart-1',
    version,
    items,
    totals: {
      itemCount: items.reduce((sum, line) => sum + line.quantity, 0),
      selectedCount: selectedLines.reduce((sum, line) => sum + line.quantity, 0),
      subtotal, discount: 0, shipping: 0, total: subtotal, currency: 'EUR',
    },
    couponCode: null,
    coupon: null,
    members: 1,
  }
}

const confirmed = cart(4, [[1, 10, 1000, 1], [2, 20, 250, 2]])

const product = (productId: number, unitPrice = 1000) => ({ name: `Product ${productId}`, unitPrice, available: 10 })
const setQuantity = (productId: number, quantity: number): PendingChange => ({ kind: 'setQuantity', productId, quantity, product: product(productId) })

describe('applyPending', () => {
  it('shows the confirmed cart when nothing is pending', () => {
    expect(applyPending(confirmed, [])).toBe(confirmed)
  })

  it('applies changes in the order they were made and reprices', () => {
    const shown = applyPending(confirmed, [
      setQuantity(10, 3),
      setQuantity(10, 5),
      { kind: 'select', productId: 20, selected: false, name: 'Product 20' },
    ])

    expect(shown.items.map((line) => [line.id, line.quantity, line.selected, line.lineTotal])).toEqual([
      [1, 5, true, 5000],
      [2, 2, false, 500],
    ])
    expect(shown.totals).toEqual({ itemCount: 7, selectedCount: 5, subtotal: 5000, discount: 0, shipping: 0, total: 5000, currency: 'EUR' })
    expect(shown.version).toBe(4)
  })

  it('shows a provisional line for a product not in the cart, selected, as the server makes it', () => {
    const shown = applyPending(confirmed, [
      { kind: 'setQuantity', productId: 30, quantity: 2, product: { name: 'New 30', unitPrice: 300, available: 4 } },
    ])

    expect(shown.items.map((line) => [line.id, line.productId, line.name, line.quantity, line.selected, line.available])).toEqual([
      [1, 10, 'Product 10', 1, true, 10], [2, 20, 'Product 20', 2, true, 10], [provisionalLineId(30), 30, 'New 30', 2, true, 4],
    ])
    expect(shown.totals.subtotal).toBe(1000 + 500 + 600)
  })

  it('a change the confirmed cart already holds shows once, not twice: every change is absolute', () => {
    const pending = [setQuantity(10, 3), setQuantity(30, 2), { kind: 'remove', productId: 20, name: 'Product 20' } as const]
    const echoed = applyPending(confirmed, pending)

    // A push or refetch arrives that already contains every pending change.
    expect(applyPending({ ...echoed, version: 5 }, pending).items).toEqual(echoed.items)
    expect(applyPending({ ...echoed, version: 5 }, pending).totals).toEqual(echoed.totals)
  })

  it('dropping a failed change reverts exactly its effect and keeps the others', () => {
    const raise = setQuantity(10, 9)
    const remove: PendingChange = { kind: 'remove', productId: 20, name: 'Product 20' }

    const afterFailure = applyPending(confirmed, [remove])

    expect(applyPending(confirmed, [raise, remove]).items.map((line) => line.quantity)).toEqual([9])
    expect(afterFailure.items.map((line) => [line.id, line.quantity])).toEqual([[1, 1]])
  })

  it('prices a coupon the way the server does', () => {
    const withCoupon = { ...confirmed, couponCode: 'TEN', coupon: { code: 'TEN', kind: 'PERCENT' as const, amount: 10, minimumSubtotal: 0 } }

    const shown = applyPending(withCoupon, [setQuantity(10, 2)])

    expect(shown.totals.discount).toBe(250)
    expect(shown.totals.total).toBe(2250)
  })

  it('selects or deselects every line at once', () => {
    expect(applyPending(confirmed, [{ kind: 'selectAll', selected: false }]).totals.total).toBe(0)
  })
})

describe('acceptIfNewer', () => {
  it('takes a newer or equal version and keeps the cache when the incoming cart is older', () => {
    const newer = cart(5, [[1, 10, 1000, 2]])
    const older = cart(3, [])

    expect(acceptIfNewer(confirmed, newer)).toBe(newer)
    expect(acceptIfNewer(confirmed, older)).toBe(confirmed)
    expect(acceptIfNewer(confirmed, cart(4, []))).toEqual(cart(4, []))
    expect(acceptIfNewer(undefined, older)).toBe(older)
  })

  it('takes another cart whatever its version (the shopper joined a shared cart)', () => {
    const other = { ...cart(1, []), id: 'cart-2' }

    expect(acceptIfNewer(confirmed, other)).toBe(other)
  })
})
