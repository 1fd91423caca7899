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
      subtotal, discount: 0, total: subtotal, currency: 'EUR',
    },
    couponCode: null,
    coupon: null,
    members: 1,
  }
}

const confirmed = cart(4, [[1, 10, 1000, 1], [2, 20, 250, 2]])

describe('applyPending', () => {
  it('shows the confirmed cart when nothing is pending', () => {
    expect(applyPending(confirmed, [])).toBe(confirmed)
  })

  it('applies changes in the order they were made and reprices', () => {
    const shown = applyPending(confirmed, [
      { kind: 'setQuantity', productId: 10, quantity: 3 },
      { kind: 'setQuantity', productId: 10, quantity: 5 },
      { kind: 'select', productId: 20, selected: false },
    ])

    expect(shown.items.map((line) => [line.id, line.quantity, line.selected, line.lineTotal])).toEqual([
      [1, 5, true, 5000],
      [2, 2, false, 500],
    ])
    expect(shown.totals).toEqual({ itemCount: 7, selectedCount: 5, subtotal: 5000, discount: 0, total: 5000, currency: 'EUR' })
    expect(shown.version).toBe(4)
  })

  it('merges an add into the line of that product, or shows a provisional line', () => {
    const add = (productId: number): PendingChange => ({
      kind: 'add', productId, quantity: 2, name: `New ${productId}`, unitPrice: 300, available: 4,
    })

    const shown = applyPending(confirmed, [add(10), add(30)])

    expect(shown.items.map((line) => [line.id, line.productId, line.quantity])).toEqual([
      [1, 10, 3], [2, 20, 2], [provisionalLineId(30), 30, 2],
    ])
    expect(shown.totals.subtotal).toBe(3000 + 500 + 600)
  })

  it('dropping a failed change reverts exactly its effect and keeps the others', () => {
    const raise: PendingChange = { kind: 'setQuantity', productId: 10, quantity: 9 }
    const remove: PendingChange = { kind: 'remove', productId: 20 }

    const afterFailure = applyPending(confirmed, [remove])

    expect(applyPending(confirmed, [raise, remove]).items.map((line) => line.quantity)).toEqual([9])
    expect(afterFailure.items.map((line) => [line.id, line.quantity])).toEqual([[1, 1]])
  })

  it('prices a coupon the way the server does', () => {
    const withCoupon = { ...confirmed, couponCode: 'TEN', coupon: { code: 'TEN', kind: 'PERCENT' as const, amount: 10, minimumSubtotal: 0 } }

    const shown = applyPending(withCoupon, [{ kind: 'setQuantity', productId: 10, quantity: 2 }])

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
