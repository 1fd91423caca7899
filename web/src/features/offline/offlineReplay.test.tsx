// @vitest-environment jsdom
import { dehydrate, hydrate, onlineManager, QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dehydrateOptions, prepareRestored, type PersistRules } from '../../lib/persistence'
import { makeQueryClient } from '../../lib/queryClient'
import { registerCartChanges } from '../cart/cartChange'
import { cartKeys } from '../cart/queries'
import type { Cart } from '../cart/types'
import { useSetQuantity } from '../cart/useSetQuantity'
import { useVisibleCart } from '../cart/useVisibleCart'
import { useOffline } from './useOffline'

function cart(version: number, quantity: number): Cart {
  return {
    id: 'cart-1', version, couponCode: null, coupon: null, members: 1,
    items: [{ id: 1000, productId: 10, name: 'Mug', unitPrice: 500, quantity, selected: true, available: 9, lineTotal: 500 * quantity }],
    totals: { itemCount: quantity, selectedCount: quantity, subtotal: 500 * quantity, discount: 0, shipping: 0, total: 500 * quantity, currency: 'EUR' },
  }
}

const rules: PersistRules = { queryRoots: ['cart'], mutationKey: cartKeys.changes() }
const line = { id: 1000, productId: 10, name: 'Mug', unitPrice: 500, quantity: 1, selected: true, available: 9, lineTotal: 500 }

const server = setupServer(http.get('*/actuator/health', () => HttpResponse.json({ status: onlineManager.isOnline() ? 'UP' : 'DOWN' })))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  onlineManager.setOnline(true)
})
afterAll(() => server.close())

function mount(client: ReturnType<typeof makeQueryClient>) {
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>
  return renderHook(() => ({ visible: useVisibleCart(), set: useSetQuantity(line), offline: useOffline() }), { wrapper })
}

describe('offline changes', () => {
  it('wait while offline, survive a reload, and the latest is applied once, with its key, when the network returns', async () => {
    const keys: string[] = []
    server.use(
      http.put('*/api/cart/products/10', async ({ request }) => {
        // offlineFirst tries once even offline; a browser without a network fails it at once.
        if (!onlineManager.isOnline()) return HttpResponse.error()
        keys.push(request.headers.get('Idempotency-Key') ?? '')
        const { quantity } = (await request.json()) as { quantity: number }
        await delay(10)
        return HttpResponse.json(cart(1 + keys.length, quantity))
      }),
      http.get('*/api/cart', () => HttpResponse.json(cart(1 + keys.length, 3))),
    )
    const before = registerCartChanges(makeQueryClient())
    before.setQueryData(cartKeys.detail(), cart(1, 1))
    const page = mount(before)

    onlineManager.setOnline(false)
    act(() => void page.result.current.set(2))
    act(() => void page.result.current.set(3))

    // The first change is covered by the second before it could leave: one change waits.
    await waitFor(() => expect(page.result.current.offline).toEqual({ offline: true, waiting: 1 }))
    expect(page.result.current.visible.cart?.items[0]?.quantity).toBe(3)
    expect(keys).toEqual([])

    // The page goes away: what it kept is restored into a new client.
    const kept = JSON.parse(JSON.stringify(dehydrate(before, dehydrateOptions(rules))))
    page.unmount()
    const after = registerCartChanges(makeQueryClient())
    hydrate(after, prepareRestored(kept, rules))

    const reloaded = mount(after)
    expect(reloaded.result.current.visible.cart?.items[0]?.quantity).toBe(3)

    onlineManager.setOnline(true)
    await act(() => after.resumePausedMutations())

    await waitFor(() => expect(after.getQueryData<Cart>(cartKeys.detail())?.items[0]?.quantity).toBe(3))
    expect(keys).toHaveLength(1)
    expect(kept.mutations.map((m: { state: { variables: { idempotencyKey: string } } }) => m.state.variables.idempotencyKey)).toEqual(keys)
  })
})
