// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../lib/queryClient'
import { registerCartChanges } from '../features/cart/cartChange'
import type { Cart } from '../features/cart/types'
import { useVisibleCart } from '../features/cart/useVisibleCart'
import { applyStock } from '../features/catalog/liveStock'
import { ProductPage } from '../features/catalog/ProductPage'
import type { Product } from '../features/catalog/queries'
import { seedFromPage } from './initialState'

const KETTLE: Product = {
  id: 5, name: 'Copper Stovetop Kettle', description: 'Hammered copper.', unitPrice: 6400, currency: 'EUR', imageUrl: '/k.svg',
  available: 4, stockVersion: 3,
}

function cart(quantity: number): Cart {
  const items = quantity === 0 ? [] : [{ id: 500, productId: 5, name: KETTLE.name, unitPrice: 6400, quantity, selected: true, available: 4, lineTotal: 6400 * quantity }]
  return {
    id: 'cart-1', version: quantity, couponCode: null, coupon: null, members: 1, items,
    totals: { itemCount: quantity, selectedCount: quantity, subtotal: 6400 * quantity, discount: 0, shipping: 0, total: 6400 * quantity, currency: 'EUR' },
  }
}

/** The page as the service serves it (storefront.StorefrontPage), seeded into a new client. */
function served(product: { id: number; found: Product | null } | null): QueryClient {
  confirmed = cart(0)
  const client = registerCartChanges(makeQueryClient())
  const page = document.implementation.createHTMLDocument()
  const state = page.createElement('script')
  state.id = 'cartwright-state'
  state.textContent = JSON.stringify({ products: { items: [], nextCursor: null }, cart: cart(0), product })
  page.head.append(state)
  seedFromPage(client, page)
  return client
}

function Count() {
  return <output aria-label="count">{useVisibleCart().cart?.totals.itemCount}</output>
}

const show = (client: QueryClient, id: number | null) =>
  render(<QueryClientProvider client={client}><ProductPage id={id} /><Count /></QueryClientProvider>)

// Any other request the page makes unasked fails the test: the served page holds what it needs.
// (A cart change is followed by a refetch of the cart once the last has settled.)
let confirmed = cart(0)
const server = setupServer(http.get('*/api/cart', () => HttpResponse.json(confirmed)))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

describe("a product's page", () => {
  it('shows the product served with it, with its stock live, and adds the quantity chosen', async () => {
    const client = served({ id: 5, found: KETTLE })
    const sent: unknown[] = []
    server.use(http.put('*/api/cart/products/5', async ({ request }) => {
      sent.push(await request.json())
      confirmed = cart(3)
      return HttpResponse.json(confirmed)
    }))
    show(client, 5)

    expect(screen.getByRole('heading', { level: 1, name: KETTLE.name })).toBeTruthy()
    expect(document.title).toBe('Copper Stovetop Kettle — Cartwright')
    expect(screen.getByText('€64.00')).toBeTruthy()
    expect(screen.getByText('Only 4 left')).toBeTruthy()

    fireEvent.change(screen.getByLabelText('Quantity'), { target: { value: '3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }))

    await waitFor(() => expect(screen.getByLabelText('count').textContent).toBe('3'))
    await waitFor(() => expect(sent).toEqual([{ quantity: 3 }]))
    applyStock(client, { productId: 5, available: 0, version: 4 })
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sold out' })).toHaveProperty('disabled', true))
    applyStock(client, { productId: 5, available: 9, version: 2 })
    expect(screen.getByText('Sold out', { selector: '.badge' })).toBeTruthy()
  })

  it('asks for no more than is available: the field says so and nothing is sent until it holds a whole number in bounds', async () => {
    const client = served({ id: 5, found: KETTLE })
    const sent: unknown[] = []
    server.use(http.put('*/api/cart/products/5', async ({ request }) => {
      sent.push(await request.json())
      confirmed = cart(4)
      return HttpResponse.json(confirmed)
    }))
    show(client, 5)

    const field = screen.getByLabelText<HTMLInputElement>('Quantity')
    for (const value of ['40', '0', '1.5', '']) {
      fireEvent.change(field, { target: { value } })
      fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }))
      expect(field.checkValidity(), value).toBe(false)
    }
    fireEvent.change(field, { target: { value: '4' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add to cart' }))

    await waitFor(() => expect(sent).toEqual([{ quantity: 4 }]))
  })

  it('says so, without asking the service again, when the shop has no such product', () => {
    show(served({ id: 77, found: null }), 77)

    expect(screen.getByRole('heading', { level: 1, name: 'Product not found' })).toBeTruthy()
    expect(screen.getByRole('link', { name: 'See everything the shop sells' }).getAttribute('href')).toBe('/')
    expect(document.title).toBe('Product not found — Cartwright')
  })

  it('says so for an address no product can have', () => {
    show(served(null), null)

    expect(screen.getByRole('heading', { level: 1, name: 'Product not found' })).toBeTruthy()
  })

  it('asks the service for a product the page was not served with, and takes its 404 as no such product', async () => {
    server.use(http.get('*/api/products/8', () => HttpResponse.json(
      { code: 'PRODUCT_NOT_FOUND', status: 404, detail: 'This product does not exist.' },
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
    )))
    show(served(null), 8)

    expect(screen.getByRole('heading', { level: 1, name: 'Loading the product…' })).toBeTruthy()
    await screen.findByRole('heading', { level: 1, name: 'Product not found' })
  })
})
