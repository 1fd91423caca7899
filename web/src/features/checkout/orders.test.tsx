// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { navigate, usePath } from '../../lib/router'
import { OrderPage } from './OrderPage'
import { OrdersPage } from './OrdersPage'
import type { Order } from './types'

function order(n: number): Order {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`, checkoutId: `10000000-0000-4000-8000-00000000000${n}`, status: 'PAID',
    lines: [
      { productId: 1, name: `Kettle ${n}`, unitPrice: 1000, quantity: 2, lineTotal: 2000 },
      { productId: 2, name: 'Mug', unitPrice: 500, quantity: 1, lineTotal: 500 },
    ],
    subtotal: 2500, discount: 250, shipping: 1990, total: 4240, currency: 'EUR', couponCode: 'WELCOME10',
    shippingAddress: { name: 'Ada Lovelace', line1: '12 St James Square', line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' },
    shippingMethod: 'EXPRESS', createdAt: `2030-01-0${n}T10:00:00Z`,
  }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => navigate('/orders'))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

const ORDER = /^\/orders\/([0-9a-f-]{36})$/

function Pages() {
  const order = ORDER.exec(usePath())
  return order?.[1] ? <OrderPage orderId={order[1]} /> : <OrdersPage />
}

const mount = () => render(<QueryClientProvider client={makeQueryClient()}><Pages /></QueryClientProvider>)

describe('the orders pages', () => {
  it('list the newest first and show more with the cursor of the page before, until there is none', async () => {
    const asked: string[] = []
    server.use(http.get('*/api/orders', ({ request }) => {
      const url = new URL(request.url)
      asked.push(url.search)
      return url.searchParams.get('cursor') === 'after-2'
        ? HttpResponse.json({ items: [order(1)], nextCursor: null })
        : HttpResponse.json({ items: [order(3), order(2)], nextCursor: 'after-2' })
    }))
    mount()
    const list = await screen.findByTestId('order-list')
    expect(within(list).getAllByRole('listitem')).toHaveLength(2)
    expect(list.textContent).toContain('Kettle 3 and 1 more · 3 items')

    fireEvent.click(screen.getByTestId('orders-more'))

    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3))
    expect(within(list).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([3, 2, 1].map((n) => `/orders/${order(n).id}`))
    expect(screen.queryByTestId('orders-more')).toBeNull()
    expect(asked).toEqual(['?limit=10', '?limit=10&cursor=after-2'])
  })

  it('say so when there is no order yet', async () => {
    server.use(http.get('*/api/orders', () => HttpResponse.json({ items: [], nextCursor: null })))
    mount()
    expect((await screen.findByTestId('no-orders')).textContent).toContain('no orders yet')
    expect(screen.queryByTestId('orders-more')).toBeNull()
  })

  it('open an order with its lines, totals with shipping, address, method and status', async () => {
    const paid = order(2)
    server.use(
      http.get('*/api/orders', () => HttpResponse.json({ items: [paid], nextCursor: null })),
      http.get(`*/api/orders/${paid.id}`, () => HttpResponse.json(paid)),
    )
    mount()
    fireEvent.click(await screen.findByRole('link', { name: /Order of/ }))

    expect(window.location.pathname).toBe(`/orders/${paid.id}`)
    expect((await screen.findByTestId('order-page-status')).textContent).toBe('Paid')
    expect(screen.getByTestId('bought-line-1').textContent).toMatch(/Kettle 2.*× 2.*20\.00/)
    const amount = (testId: string) => screen.getByTestId(testId).textContent?.replace(/\s/g, ' ')
    expect([amount('totals-subtotal'), amount('totals-discount'), amount('totals-shipping'), amount('totals-total')])
      .toEqual(['€25.00', '−€2.50', '€19.90', '€42.40'])
    expect(screen.getByTestId('shipping-address').textContent).toContain('SW1Y 4JH London')
    expect(screen.getByTestId('shipping-address').textContent).toContain('United Kingdom')
    expect(screen.getByTestId('shipping-method').textContent).toBe('Express shipping')
  })

  it('say plainly when an order is not the shopper\'s', async () => {
    navigate('/orders/00000000-0000-4000-8000-000000000009')
    server.use(http.get('*/api/orders/:id', () =>
      HttpResponse.json({ code: 'ORDER_NOT_FOUND', detail: 'There is no such order of yours.' }, { status: 404 })))
    mount()
    expect((await screen.findByRole('alert')).textContent).toContain('another browser or account')
  })
})
