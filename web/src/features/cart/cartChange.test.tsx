// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { registerCartChanges } from './cartChange'
import { cartKeys, writeCart } from './queries'
import type { Cart } from './types'
import { useAddToCart } from './useAddToCart'
import { useSelectAll } from './useSelectAll'
import { useSelectLine } from './useSelectLine'
import { useSetQuantity } from './useSetQuantity'
import { useVisibleCart } from './useVisibleCart'
import { dismissToast, useToasts } from '../../lib/toasts'

function cart(version: number, quantities: Record<number, number>): Cart {
  const items = Object.entries(quantities).map(([productId, quantity]) => ({
    id: Number(productId) * 100, productId: Number(productId), name: `Product ${productId}`, unitPrice: 1000,
    quantity, selected: true, available: 5, lineTotal: 1000 * quantity,
  }))
  const units = items.reduce((sum, line) => sum + line.quantity, 0)
  return {
    id: 'cart-1', version, items, couponCode: null, coupon: null, members: 1,
    totals: { itemCount: units, selectedCount: units, subtotal: units * 1000, discount: 0, shipping: 0, total: units * 1000, currency: 'EUR' },
  }
}

const lineOf = (shown: Cart, productId: number) =>
  shown.items.find((line) => line.productId === productId) ?? { ...cart(0, { [productId]: 1 }).items[0]!, quantity: 0 }

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

function setup(initial: Cart) {
  const client = registerCartChanges(makeQueryClient())
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retryDelay: 1, staleTime: Infinity },
    mutations: { ...client.getDefaultOptions().mutations, retryDelay: 1 },
  })
  client.setQueryData(cartKeys.detail(), initial)
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  const hook = renderHook(
    () => ({
      visible: useVisibleCart(),
      setA: useSetQuantity(lineOf(initial, 10)),
      setB: useSetQuantity(lineOf(initial, 20)),
      addA: useAddToCart({ id: 10, name: 'Product 10', unitPrice: 1000, available: 5 }),
      selectB: useSelectLine(lineOf(initial, 20)),
      selectAll: useSelectAll(),
      toasts: useToasts(),
    }),
    { wrapper },
  )
  // Toasts of the tests before are not this test's.
  act(() => hook.result.current.toasts.forEach((toast) => dismissToast(toast.id)))
  return { client, hook }
}

const quantities = (shown: Cart | undefined) => shown?.items.map((line) => [line.productId, line.quantity])

/** A click, and the one turn of the event loop in which TanStack Query tells React: before any answer can come. */
async function click(action: () => void) {
  await act(async () => {
    action()
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}

describe('cart changes against the service', () => {
  it('a failing change reverts only itself while another line keeps its change', async () => {
    let confirmed = cart(1, { 10: 1, 20: 2 })
    server.use(
      http.get('*/api/cart', () => HttpResponse.json(confirmed)),
      http.put('*/api/cart/products/10', async () => {
        await delay(30)
        confirmed = cart(2, { 10: 3, 20: 2 })
        return HttpResponse.json(confirmed)
      }),
      http.put('*/api/cart/products/20', async () => {
        await delay(60)
        return HttpResponse.json(
          { code: 'INSUFFICIENT_STOCK', status: 409, detail: 'Only 5 left', productId: 20, requested: 9, available: 5, inCart: 2 },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }),
    )
    const { hook } = setup(confirmed)

    await click(() => {
      hook.result.current.setA(3)
      hook.result.current.setB(9)
    })

    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 3], [20, 9]])
    expect(hook.result.current.visible.cart?.totals.itemCount).toBe(12)
    await waitFor(() => expect(hook.result.current.toasts.map((toast) => toast.message)).toContain('Only 5 Product 20 left — your cart has 2.'))
    await waitFor(() => expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 3], [20, 2]]))
    expect(hook.result.current.visible.cart?.version).toBe(2)
  })

  it('an answer older than the cached cart is not written', () => {
    const client = registerCartChanges(makeQueryClient())
    writeCart(client, cart(5, { 10: 4 }))

    writeCart(client, cart(3, { 10: 1 }))

    expect(client.getQueryData<Cart>(cartKeys.detail())?.version).toBe(5)
    writeCart(client, cart(6, { 10: 2 }))
    expect(client.getQueryData<Cart>(cartKeys.detail())?.version).toBe(6)
  })

  it('a response that arrives after a newer refetch does not take the cart back', async () => {
    server.use(
      http.put('*/api/cart/products/10', async () => {
        await delay(40)
        return HttpResponse.json(cart(2, { 10: 3 }))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(3, { 10: 7 }))),
    )
    const { client, hook } = setup(cart(1, { 10: 1 }))
    const versionsSeen: number[] = []
    client.getQueryCache().subscribe(() => {
      const cached = client.getQueryData<Cart>(cartKeys.detail())
      if (cached && cached.version !== versionsSeen.at(-1)) versionsSeen.push(cached.version)
    })

    await click(() => hook.result.current.setA(3))
    // A push or refetch with a newer version lands while the change is on its way.
    act(() => writeCart(client, cart(3, { 10: 7 })))

    await waitFor(() => expect(client.isMutating()).toBe(0))
    expect(versionsSeen).toEqual([1, 3])
    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 7]])
  })

  it('a transient failure is retried with the same Idempotency-Key', async () => {
    const keys: (string | null)[] = []
    server.use(
      http.put('*/api/cart/products/10', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'))
        return keys.length === 1
          ? HttpResponse.json({ code: 'INTERNAL_ERROR', status: 503 }, { status: 503 })
          : HttpResponse.json(cart(2, { 10: 4 }))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(2, { 10: 4 }))),
    )
    const { client, hook } = setup(cart(1, { 10: 1 }))

    await click(() => hook.result.current.setA(4))

    await waitFor(() => expect(client.getQueryData<Cart>(cartKeys.detail())?.version).toBe(2))
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/)
    expect(keys[1]).toBe(keys[0])
  })

  it('quick clicks on one line show at once and send at most two requests', async () => {
    const sent: number[] = []
    server.use(
      http.put('*/api/cart/products/10', async ({ request }) => {
        const { quantity } = (await request.json()) as { quantity: number }
        sent.push(quantity)
        await delay(50)
        return HttpResponse.json(cart(1 + sent.length, { 10: quantity }))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(1 + sent.length, { 10: sent.at(-1) ?? 1 }))),
    )
    const { client, hook } = setup(cart(1, { 10: 1 }))

    for (const target of [2, 3, 4, 5, 6]) await click(() => hook.result.current.setA(target))

    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 6]])
    await waitFor(() => expect(client.getQueryData<Cart>(cartKeys.detail())?.items[0]?.quantity).toBe(6))
    await waitFor(() => expect(client.isMutating()).toBe(0))
    expect(sent).toEqual([2, 6])
    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 6]])
  })

  it('a refetch that answers with an older cart than the cached one is ignored', async () => {
    server.use(http.get('*/api/cart', () => HttpResponse.json(cart(2, { 10: 1 }))))
    const { client, hook } = setup(cart(1, { 10: 1 }))
    await waitFor(() => expect(hook.result.current.visible.cart).toBeDefined())
    act(() => writeCart(client, cart(4, { 10: 5 })))

    await act(() => client.refetchQueries({ queryKey: cartKeys.detail() }))

    expect(client.getQueryData<Cart>(cartKeys.detail())?.version).toBe(4)
    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 5]])
  })

  it('"+", "+" and then "Add to cart" end three up: the add asks for what the screen shows plus one', async () => {
    const sent: number[] = []
    let confirmed = cart(1, { 10: 1 })
    server.use(
      http.put('*/api/cart/products/10', async ({ request }) => {
        const { quantity } = (await request.json()) as { quantity: number }
        sent.push(quantity)
        await delay(30)
        confirmed = cart(confirmed.version + 1, { 10: quantity })
        return HttpResponse.json(confirmed)
      }),
      http.get('*/api/cart', () => HttpResponse.json(confirmed)),
    )
    const { client, hook } = setup(confirmed)

    await click(() => void hook.result.current.setA(2))
    await click(() => void hook.result.current.setA(3))
    await click(() => void hook.result.current.addA())

    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 4]])
    await waitFor(() => expect(client.isMutating()).toBe(0))
    expect(sent).toEqual([2, 4])
    expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 4]])
  })

  it('select-all and line changes reach the server in the order they were made', async () => {
    const received: string[] = []
    let confirmed = cart(1, { 10: 1, 20: 2 })
    const answer = async (what: string) => {
      received.push(what)
      await delay(what.startsWith('PUT') ? 40 : 5)
      confirmed = { ...confirmed, version: confirmed.version + 1 }
      return HttpResponse.json(confirmed)
    }
    server.use(
      http.put('*/api/cart/products/10', () => answer('PUT 10')),
      http.patch('*/api/cart/selection', () => answer('PATCH selection')),
      http.patch('*/api/cart/products/20', () => answer('PATCH 20')),
      http.get('*/api/cart', () => HttpResponse.json(confirmed)),
    )
    const { client, hook } = setup(confirmed)

    await click(() => {
      void hook.result.current.setA(3)
      void hook.result.current.selectAll(false)
      void hook.result.current.selectB(true)
    })

    await waitFor(() => expect(client.isMutating()).toBe(0))
    expect(received).toEqual(['PUT 10', 'PATCH selection', 'PATCH 20'])
  })

  it('a refusal of a change the shopper has since replaced says nothing; the last one says it once, naming the product', async () => {
    let puts = 0
    server.use(
      http.put('*/api/cart/products/20', async () => {
        puts++
        await delay(20)
        return HttpResponse.json(
          { code: 'INSUFFICIENT_STOCK', status: 409, detail: 'short', productId: 20, requested: 9, available: 0, inCart: 2 },
          { status: 409 },
        )
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(1, { 10: 1, 20: 2 }))),
    )
    const { client, hook } = setup(cart(1, { 10: 1, 20: 2 }))

    await click(() => void hook.result.current.setB(3))
    await click(() => void hook.result.current.setB(4))
    await click(() => void hook.result.current.setB(5))

    await waitFor(() => expect(client.isMutating()).toBe(0))
    expect(puts).toBe(2)
    expect(hook.result.current.toasts.map((toast) => toast.message)).toEqual(['Product 20 is sold out.'])
  })

  it('a selection of a line that is gone by now says nothing', async () => {
    server.use(
      http.patch('*/api/cart/products/20', () => HttpResponse.json({ code: 'CART_ITEM_NOT_FOUND', status: 404, detail: 'gone' }, { status: 404 })),
      http.get('*/api/cart', () => HttpResponse.json(cart(2, { 10: 1 }))),
    )
    const { client, hook } = setup(cart(1, { 10: 1, 20: 2 }))

    await click(() => void hook.result.current.selectB(false))

    await waitFor(() => expect(client.isMutating()).toBe(0))
    await waitFor(() => expect(quantities(hook.result.current.visible.cart)).toEqual([[10, 1]]))
    expect(hook.result.current.toasts).toEqual([])
  })
})
