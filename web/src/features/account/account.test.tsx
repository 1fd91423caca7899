// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { navigate, usePath } from '../../lib/router'
import { useToasts } from '../../lib/toasts'
import { registerCartChanges } from '../cart/cartChange'
import { cartKeys, writeCart } from '../cart/queries'
import type { Cart } from '../cart/types'
import { useSetQuantity } from '../cart/useSetQuantity'
import { AccountMenu } from './AccountMenu'
import { accountKeys } from './queries'
import { nextPath } from './session'
import { SignInPage } from './SignInPage'
import type { SignedIn } from './types'

function cart(id: string, version: number, quantity: number): Cart {
  return {
    id, version, couponCode: null, coupon: null, members: 1,
    items: quantity === 0 ? [] : [{ id: 1000, productId: 10, name: 'Copper Kettle', unitPrice: 500, quantity, selected: true, available: 9, lineTotal: 500 * quantity }],
    totals: { itemCount: quantity, selectedCount: quantity, subtotal: 500 * quantity, discount: 0, shipping: 0, total: 500 * quantity, currency: 'EUR' },
  }
}

function held() {
  let release = () => {}
  const released = new Promise<void>((resolve) => { release = resolve })
  return { released, release }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => navigate('/signin?next=%2Fcheckout'))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  window.localStorage.clear()
})
afterAll(() => server.close())

function Raise() {
  const [line] = cart('guest-cart', 1, 1).items
  const set = useSetQuantity(line!)
  return <button type="button" onClick={() => set(2)}>raise</button>
}

function Toasts() {
  return <>{useToasts().map((toast) => <p key={toast.id} data-testid="toast">{toast.message}</p>)}</>
}

function Where() {
  return <span data-testid="path">{usePath()}</span>
}

function newClient(): QueryClient {
  const client = registerCartChanges(makeQueryClient())
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, staleTime: Infinity, retry: false } })
  writeCart(client, cart('guest-cart', 1, 1))
  client.setQueryData(accountKeys.me(), null)
  return client
}

function mount(client: QueryClient) {
  render(
    <QueryClientProvider client={client}>
      <AccountMenu />
      <SignInPage />
      <Raise />
      <Toasts />
      <Where />
    </QueryClientProvider>,
  )
}

function signIn() {
  fireEvent.change(screen.getByTestId('sign-in-email'), { target: { value: 'ada@example.com' } })
  fireEvent.change(screen.getByTestId('sign-in-password'), { target: { value: 'correct horse battery' } })
  fireEvent.click(screen.getByTestId('sign-in-submit'))
}

const signedIn = (capped: SignedIn['merged'] extends infer M ? M extends { capped: infer C } ? C : never : never): SignedIn => ({
  email: 'ada@example.com', name: 'Ada', merged: { cart: cart('account-cart', 7, 3), capped, cancelledCheckouts: [] },
})

describe('signing in', () => {
  it('waits for the guest\'s cart change on its way, so that it joins the account\'s cart', async () => {
    const answer = held()
    const order: string[] = []
    server.use(
      http.put('*/api/cart/products/10', async () => {
        order.push('cart change')
        await answer.released
        return HttpResponse.json(cart('guest-cart', 2, 2))
      }),
      http.post('*/api/account/signin', () => {
        order.push('sign in')
        return HttpResponse.json(signedIn([]))
      }),
    )
    const client = newClient()
    mount(client)

    fireEvent.click(screen.getByText('raise'))
    await waitFor(() => expect(order).toEqual(['cart change']))
    signIn()

    await waitFor(() => expect(screen.getByTestId('sign-in-submit').textContent).toBe('Signing in…'))
    expect(order).toEqual(['cart change'])
    act(() => answer.release())
    await waitFor(() => expect(order).toEqual(['cart change', 'sign in']))
    await waitFor(() => expect(screen.getByTestId('account-name').textContent).toBe('Hi, Ada'))
    expect(client.getQueryData<Cart>(cartKeys.detail())?.id).toBe('account-cart')
    expect(screen.getByTestId('path').textContent).toBe('/checkout')
  })

  it('says which lines did not all fit, and forgets what was read for the guest', async () => {
    server.use(http.post('*/api/account/signin', () =>
      HttpResponse.json(signedIn([{ productId: 10, name: 'Copper Kettle', requested: 5, kept: 3 }]))))
    const client = newClient()
    client.setQueryData(['checkouts', 'detail', 'guest-checkout'], { id: 'guest-checkout' })
    mount(client)

    signIn()

    await waitFor(() => expect(screen.getByTestId('toast').textContent).toContain('only 3 of the 5 Copper Kettle could be kept'))
    expect(client.getQueryData(['checkouts', 'detail', 'guest-checkout'])).toBeUndefined()
    expect(client.getQueryData<Cart>(cartKeys.detail())?.version).toBe(7)
  })

  it('shows the service\'s words when the email and password do not match, and stays a guest', async () => {
    server.use(http.post('*/api/account/signin', () => HttpResponse.json(
      { code: 'SIGN_IN_FAILED', detail: 'This email and password do not match an account. Check them and try again.' },
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } })))
    const client = newClient()
    mount(client)

    signIn()

    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('do not match an account'))
    expect(client.getQueryData<Cart>(cartKeys.detail())?.id).toBe('guest-cart')
    expect(screen.queryByTestId('account-name')).toBeNull()
  })
})

describe('signing out', () => {
  it('shows the new guest\'s cart, never the account\'s after it, and forgets the account', async () => {
    const guestCart = held()
    server.use(
      http.post('*/api/account/signout', () => new HttpResponse(null, { status: 204 })),
      http.get('*/api/cart', async () => {
        await guestCart.released
        return HttpResponse.json(cart('new-guest-cart', 0, 0))
      }),
    )
    const client = newClient()
    writeCart(client, cart('account-cart', 7, 3))
    client.setQueryData(accountKeys.me(), { email: 'ada@example.com', name: 'Ada' })
    mount(client)

    fireEvent.click(screen.getByTestId('sign-out'))

    await waitFor(() => expect((screen.getByTestId('sign-out') as HTMLButtonElement).disabled).toBe(true))
    act(() => guestCart.release())
    await waitFor(() => expect(screen.getByTestId('sign-in-link')).toBeTruthy())
    expect(client.getQueryData<Cart>(cartKeys.detail())?.id).toBe('new-guest-cart')
    expect(client.getQueryData(accountKeys.me())).toBeNull()
  })
})

describe('nextPath', () => {
  it('goes back to a page of this shop, and never to another site', () => {
    expect(nextPath('?next=%2Forders%2F42')).toBe('/orders/42')
    expect(nextPath('')).toBe('/')
    for (const hostile of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      expect(nextPath(`?next=${encodeURIComponent(hostile)}`)).toBe('/')
    }
  })
})
