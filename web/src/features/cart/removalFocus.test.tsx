// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { registerCartChanges } from './cartChange'
import { CartPanel } from './CartPanel'
import { cartKeys } from './queries'
import { focusAfterRemoval } from './removalFocus'
import type { Cart } from './types'

function cart(version: number, productIds: number[]): Cart {
  const items = productIds.map((productId) => ({
    id: productId * 100, productId, name: `Product ${productId}`, unitPrice: 1000, quantity: 1, selected: true, available: 5, lineTotal: 1000,
  }))
  return {
    id: 'cart-1', version, items, couponCode: null, coupon: null, members: 1,
    totals: { itemCount: items.length, selectedCount: items.length, subtotal: items.length * 1000, discount: 0, shipping: 0, total: items.length * 1000, currency: 'EUR' },
  }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

describe('where the focus goes when a line is removed', () => {
  it('to the next line, the previous one after the last, and nowhere in the cart once it is empty', () => {
    expect(focusAfterRemoval([10, 20, 30], 20)).toBe(30)
    expect(focusAfterRemoval([10, 20, 30], 30)).toBe(20)
    expect(focusAfterRemoval([10], 10)).toBeNull()
    expect(focusAfterRemoval([10, 20], 99)).toBeNull()
  })

  it("moves in the cart on screen as each line goes, ending on the cart's heading", async () => {
    let confirmed = cart(1, [10, 20, 30])
    server.use(
      http.delete('*/api/cart/products/:productId', ({ params }) => {
        confirmed = cart(confirmed.version + 1, confirmed.items.map((line) => line.productId).filter((id) => id !== Number(params.productId)))
        return HttpResponse.json(confirmed)
      }),
      http.get('*/api/cart', () => HttpResponse.json(confirmed)),
    )
    const client = registerCartChanges(makeQueryClient())
    client.setQueryData(cartKeys.detail(), confirmed)
    render(<QueryClientProvider client={client}><CartPanel /></QueryClientProvider>)
    const remove = async (productId: number) => {
      const button = screen.getByRole('button', { name: `Remove Product ${productId}` })
      button.focus()
      fireEvent.click(button)
      await waitFor(() => expect(screen.queryByRole('button', { name: `Remove Product ${productId}` })).toBeNull())
    }
    const focused = () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent

    await remove(20)
    expect(focused()).toBe('Remove Product 30')

    await remove(30)
    expect(focused()).toBe('Remove Product 10')

    await remove(10)
    expect(screen.getByText('Your cart is empty.')).toBeTruthy()
    expect(focused()).toBe('Your cart')
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Your cart' }))
  })
})
