// @vitest-environment jsdom
import { QueryClientProvider, useIsRestoring, type QueryClient } from '@tanstack/react-query'
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { browserPersistOptions } from '../lib/persistence'
import { makeQueryClient } from '../lib/queryClient'
import { navigate, usePath } from '../lib/router'
import { registerCartChanges } from '../features/cart/cartChange'
import { cartKeys, writeCart } from '../features/cart/queries'
import { checkoutKeys } from '../features/checkout/queries'
import type { Cart } from '../features/cart/types'
import { useSetQuantity } from '../features/cart/useSetQuantity'
import { CheckoutPage } from '../features/checkout/CheckoutPage'
import { ResumeCheckoutPage } from '../features/checkout/ResumeCheckoutPage'
import type { Checkout, ShippingAddress } from '../features/checkout/types'
import { persistRules } from './persistRules'

function cart(version: number, quantity: number): Cart {
  return {
    id: 'cart-1', version, couponCode: null, coupon: null, members: 1,
    items: [{ id: 1000, productId: 10, name: 'Copper Kettle', unitPrice: 500, quantity, selected: true, available: 9, lineTotal: 500 * quantity }],
    totals: { itemCount: quantity, selectedCount: quantity, subtotal: 500 * quantity, discount: 0, shipping: 0, total: 500 * quantity, currency: 'EUR' },
  }
}

const ADDRESS: ShippingAddress = { name: 'Zebulon Quackenbush', line1: '77 Unlikely Lane', line2: 'Flat Xyzzy', city: 'Wobbleton', postalCode: 'QX9 7ZZ', country: 'GB' }
const CHECKOUT_ID = '5f0b1ad4-61c6-4a8f-b4ae-3c1d0b5a5b1e'

function checkout(status: Checkout['status'], expiresAt = '2030-01-01T00:00:00Z'): Checkout {
  return {
    id: CHECKOUT_ID, status, expiresAt, couponCode: null, shippingAddress: ADDRESS, shippingMethod: 'STANDARD',
    payable: status === 'RESERVED' || status === 'PAYMENT_PENDING' || status === 'FAILED', orderId: null,
    lines: [{ cartItemId: 1000, productId: 10, name: 'Copper Kettle', unitPrice: 500, quantity: 1, lineTotal: 500 }],
    totals: cart(1, 1).totals,
  }
}

/** An answer the test lets go when it chooses, instead of after some time. */
function held() {
  let release = () => {}
  const released = new Promise<void>((resolve) => { release = resolve })
  return { released, release }
}

const STANDARD = { method: 'STANDARD', name: 'Standard', price: 490, rate: { price: 490, freeFrom: 5000 }, minDays: 2, maxDays: 3 } as const
const EXPRESS = { method: 'EXPRESS', name: 'Express', price: 990, rate: { price: 990, freeFrom: null }, minDays: 1, maxDays: 1 } as const

/** The methods to any country, as the service quotes them for the home zone. */
const shippingMethods = http.get('*/api/shipping/methods', ({ request }) => HttpResponse.json({
  country: new URL(request.url).searchParams.get('country'), zone: 'DOMESTIC', goods: 500, currency: 'EUR', methods: [STANDARD, EXPRESS],
}))

const server = setupServer(shippingMethods)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => navigate('/checkout'))
afterEach(() => {
  vi.useRealTimers()
  cleanup()
  server.resetHandlers()
  window.localStorage.clear()
})
afterAll(() => server.close())

const RESUME = /^\/checkout\/([0-9a-f-]{36})$/

/** The two checkout pages, as App routes them. */
function Pages() {
  const resume = RESUME.exec(usePath())
  return resume?.[1] ? <ResumeCheckoutPage checkoutId={resume[1]} /> : <CheckoutPage />
}

function Raise() {
  const [line] = cart(1, 1).items
  const set = useSetQuantity(line!)
  return <button type="button" onClick={() => set(2)}>raise</button>
}

/** Shown once the persisted cache was restored: from then on, every change of the cache is written to storage. */
function Restored() {
  return useIsRestoring() ? null : <span data-testid="restored" />
}

function newClient(): QueryClient {
  const client = registerCartChanges(makeQueryClient())
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, staleTime: Infinity } })
  writeCart(client, cart(1, 1))
  return client
}

function mount(client: QueryClient, wrap = (children: ReactNode) => <QueryClientProvider client={client}>{children}</QueryClientProvider>) {
  render(wrap(<><Pages /><Raise /></>))
}

async function fillAddress() {
  const fields: Array<[string, string]> = [['name', ADDRESS.name], ['line1', ADDRESS.line1], ['line2', ADDRESS.line2 ?? ''],
    ['city', ADDRESS.city], ['postalCode', ADDRESS.postalCode], ['country', ADDRESS.country]]
  for (const [name, value] of fields) {
    fireEvent.change(document.querySelector(`[name="${name}"]`) as Element, { target: { value } })
  }
  await screen.findByTestId('shipping-STANDARD')
}

const placeOrder = () => screen.getByTestId('place-order') as HTMLButtonElement

describe('checkout', () => {
  it('"Reserve and pay" waits, saying so, while a cart change is on its way', async () => {
    const answer = held()
    server.use(
      http.put('*/api/cart/products/10', async () => {
        await answer.released
        return HttpResponse.json(cart(2, 2))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(2, 2))),
    )
    mount(newClient())
    expect(placeOrder().textContent).toBe('Reserve and pay')

    fireEvent.click(screen.getByText('raise'))

    await waitFor(() => expect(placeOrder().textContent).toBe('Saving your cart…'))
    expect(placeOrder().disabled).toBe(true)
    act(() => answer.release())
    await waitFor(() => expect(placeOrder().textContent).toBe('Reserve and pay'))
    expect(placeOrder().disabled).toBe(false)
  })

  it('when the payment cannot start (not for a moment: a 503 is simply retried), trying again pays for the same checkout at /checkout/{id}, making no other', async () => {
    const created: unknown[] = []
    const payments: string[] = []
    server.use(
      http.post('*/api/checkouts', async ({ request }) => {
        created.push(await request.json())
        return HttpResponse.json(checkout('RESERVED'), { status: 201 })
      }),
      http.post('*/api/checkouts/:id/payment', ({ params }) => {
        payments.push(String(params.id))
        return payments.length === 1
          ? HttpResponse.json({ code: 'INTERNAL_ERROR', detail: 'Something went wrong on our side.' }, { status: 500 })
          : HttpResponse.json({ redirectUrl: '#paying' })
      }),
      http.get(`*/api/checkouts/${CHECKOUT_ID}`, () => HttpResponse.json(checkout('RESERVED'))),
      http.get('*/api/cart', () => HttpResponse.json(cart(1, 1))),
    )
    mount(newClient())
    await fillAddress()

    fireEvent.click(placeOrder())

    await waitFor(() => expect(window.location.pathname).toBe(`/checkout/${CHECKOUT_ID}`))
    fireEvent.click(await screen.findByTestId('pay-checkout'))
    await waitFor(() => expect(window.location.hash).toBe('#paying'))
    expect(created).toHaveLength(1)
    expect(payments).toEqual([CHECKOUT_ID, CHECKOUT_ID])
  })

  it('keeps no part of the shipping address in local storage, while the order is placed or after', async () => {
    const answer = held()
    server.use(
      http.post('*/api/checkouts', async () => {
        await answer.released
        return HttpResponse.json(checkout('RESERVED'), { status: 201 })
      }),
      http.post('*/api/checkouts/:id/payment', () => HttpResponse.json({ code: 'INTERNAL_ERROR', detail: 'Something went wrong on our side.' }, { status: 500 })),
      http.get(`*/api/checkouts/${CHECKOUT_ID}`, () => HttpResponse.json(checkout('FAILED'))),
      http.get('*/api/cart', () => HttpResponse.json(cart(1, 1))),
    )
    const client = newClient()
    mount(client, (children) => (
      <PersistQueryClientProvider client={client} persistOptions={browserPersistOptions(persistRules)}>{children}<Restored /></PersistQueryClientProvider>
    ))
    // Everything the storefront keeps, whatever its key.
    const stored = () => Object.keys(window.localStorage).map((key) => window.localStorage.getItem(key)).join('\n')
    // Proof that the cache was written to storage after a given moment: a cart version it had not seen.
    const persistedAfter = async (version: number) => {
      act(() => writeCart(client, cart(version, 1)))
      await waitFor(() => expect(stored().slice(0, 3000)).toContain(`"version":${version}`))
    }
    const addressParts = Object.values(ADDRESS).filter((value): value is string => value !== null && value.length > 2)
    await screen.findByTestId('restored')
    await fillAddress()

    fireEvent.click(placeOrder())
    await waitFor(() => expect(placeOrder().textContent).toBe('Reserving…'))
    await persistedAfter(50)
    for (const part of addressParts) expect(stored()).not.toContain(part)

    act(() => answer.release())
    expect((await screen.findByTestId('shipping-address')).textContent).toContain(ADDRESS.name)
    await persistedAfter(51)
    for (const part of addressParts) expect(stored()).not.toContain(part)
    expect(client.getQueryData(cartKeys.detail())).toMatchObject({ version: 51 })
  })
})

const text = (testId: string) => screen.getByTestId(testId).textContent
const money = (testId: string) => text(testId)?.replace(/\s/g, ' ')

describe('shipping at checkout', () => {
  it('prices each method for the cart, puts the chosen one in the totals, asks again for a new country, and reserves with it', async () => {
    const asked: string[] = []
    let placed: Record<string, unknown> | undefined
    server.use(
      http.get('*/api/shipping/methods', ({ request }) => {
        const country = new URL(request.url).searchParams.get('country') ?? ''
        asked.push(country)
        const world = { ...EXPRESS, price: 3990, rate: { price: 3990, freeFrom: null }, minDays: 2, maxDays: 4 }
        return HttpResponse.json({ country, zone: country === 'US' ? 'WORLD' : 'DOMESTIC', goods: 500, currency: 'EUR',
          methods: country === 'US' ? [world] : [STANDARD, EXPRESS] })
      }),
      http.post('*/api/checkouts', async ({ request }) => {
        placed = (await request.json()) as Record<string, unknown>
        return HttpResponse.json(checkout('RESERVED'), { status: 201 })
      }),
      http.post('*/api/checkouts/:id/payment', () => HttpResponse.json({ redirectUrl: '#paying' })),
      http.get(`*/api/checkouts/${CHECKOUT_ID}`, () => HttpResponse.json(checkout('PAYMENT_PENDING'))),
    )
    mount(newClient())
    expect(text('totals-shipping')).toBe('Choose your country')
    expect(screen.getByTestId('bought-line-10').textContent).toMatch(/Copper Kettle.*× 1.*5\.00/)

    await fillAddress()

    expect((screen.getByTestId('shipping-STANDARD') as HTMLInputElement).checked).toBe(true)
    expect(money('totals-shipping')).toBe('€4.90')
    expect(money('totals-total')).toBe('€9.90')
    fireEvent.click(screen.getByTestId('shipping-EXPRESS'))
    expect(money('totals-shipping')).toBe('€9.90')
    expect(money('totals-total')).toBe('€14.90')

    fireEvent.change(document.querySelector('[name="country"]') as Element, { target: { value: 'US' } })
    await waitFor(() => expect(money('totals-shipping')).toBe('€39.90'))
    expect(screen.queryByTestId('shipping-STANDARD')).toBeNull()
    expect(asked).toEqual(['GB', 'US'])

    fireEvent.click(placeOrder())
    await waitFor(() => expect(window.location.hash).toBe('#paying'))
    expect(placed).toMatchObject({ shippingMethod: 'EXPRESS', shippingAddress: { country: 'US' } })
    // The browser's Back from the provider's page comes to this checkout, not to a form that would reserve again.
    expect(window.location.pathname).toBe(`/checkout/${CHECKOUT_ID}`)
  })

  it('follows the cart: standard shipping turns free when a change takes the goods to the threshold', async () => {
    server.use(http.put('*/api/cart/products/10', () => HttpResponse.json(cart(2, 10))))
    const client = newClient()
    act(() => writeCart(client, cart(2, 9)))
    mount(client)
    await fillAddress()
    expect(money('totals-shipping')).toBe('€4.90')

    act(() => writeCart(client, cart(3, 10)))

    await waitFor(() => expect(text('totals-shipping')).toBe('Free'))
    expect(screen.getByTestId('shipping-STANDARD').closest('label')?.textContent).toContain('Free')
    expect(money('totals-total')).toBe('€50.00')
  })
})

describe('a reserved checkout', () => {
  /** The checkout as the page would have fetched it, so that the page renders at once (under fake timers too). */
  function reservedClient(made: Checkout): QueryClient {
    const client = newClient()
    client.setQueryData(checkoutKeys.detail(CHECKOUT_ID), made)
    return client
  }

  it('counts its time down each second, and at zero says so, asks the service again and offers to start again', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    let asked = 0
    server.use(http.get(`*/api/checkouts/${CHECKOUT_ID}`, () => {
      asked++
      return HttpResponse.json(checkout('EXPIRED', '2030-01-01T00:01:02Z'))
    }))
    navigate(`/checkout/${CHECKOUT_ID}`)
    mount(reservedClient(checkout('RESERVED', '2030-01-01T00:01:02Z')))

    expect(text('reservation-timer')).toContain('1:02')
    act(() => vi.advanceTimersByTime(1000))
    expect(text('reservation-timer')).toContain('1:01')
    // The page re-arms its timer as it renders each second, so time passes a second at a time.
    for (let second = 0; second < 60; second++) act(() => vi.advanceTimersByTime(1000))
    expect(text('reservation-timer')).toContain('0:01')
    expect(screen.queryByTestId('reservation-ended')).toBeNull()

    act(() => vi.advanceTimersByTime(1000))

    expect(screen.queryByTestId('reservation-timer')).toBeNull()
    expect(text('reservation-ended')).toContain('Your reservation has ended')
    expect(screen.queryByTestId('pay-checkout')).toBeNull()
    expect(screen.queryByTestId('cancel-checkout')).toBeNull()
    await act(() => vi.advanceTimersByTimeAsync(1000))
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(asked).toBe(1)
    expect(screen.getByTestId('checkout-status').dataset.status).toBe('EXPIRED')
    fireEvent.click(screen.getByTestId('start-again'))
    expect(window.location.pathname).toBe('/checkout')
  })

  it('"Cancel" releases it with a keyed DELETE and takes the shopper back to the cart', async () => {
    const cancels: Array<string | null> = []
    server.use(
      http.delete(`*/api/checkouts/${CHECKOUT_ID}`, ({ request }) => {
        cancels.push(request.headers.get('Idempotency-Key'))
        return HttpResponse.json(checkout('CANCELLED'))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(1, 1))),
    )
    navigate(`/checkout/${CHECKOUT_ID}`)
    mount(reservedClient(checkout('RESERVED')))

    fireEvent.click(screen.getByTestId('cancel-checkout'))

    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(window.location.hash).toBe('#cart')
    expect(cancels).toHaveLength(1)
    expect(cancels[0]).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('after a declined payment, "Try again" pays for the same checkout, not a new one', async () => {
    const payments: string[] = []
    server.use(
      http.post('*/api/checkouts', () => HttpResponse.json({ code: 'UNEXPECTED' }, { status: 400 })),
      http.post('*/api/checkouts/:id/payment', ({ params }) => {
        payments.push(String(params.id))
        return HttpResponse.json({ redirectUrl: '#paying-again' })
      }),
    )
    navigate(`/checkout/${CHECKOUT_ID}`)
    mount(reservedClient(checkout('FAILED', '2020-01-01T00:00:00Z')))
    expect(screen.getByTestId('checkout-status').dataset.status).toBe('FAILED')
    expect(screen.queryByTestId('reservation-timer')).toBeNull()
    expect(screen.queryByTestId('cancel-checkout')).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }))

    await waitFor(() => expect(window.location.hash).toBe('#paying-again'))
    expect(payments).toEqual([CHECKOUT_ID])
  })
})
