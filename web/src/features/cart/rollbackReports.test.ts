// @vitest-environment jsdom
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { registerCartChanges, submitCartChange } from './cartChange'
import { cartKeys } from './queries'
import { pageTally, ROLLBACKS_PATH, startRollbackReports } from './rollbackReports'
import { newTally, takeReport, type RollbackReport } from './rollbackTally'
import type { Cart } from './types'

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())
beforeEach(() => void takeReport(pageTally))

const empty: Cart = {
  id: 'cart-1', version: 1, items: [], couponCode: null, coupon: null, members: 1,
  totals: { itemCount: 0, selectedCount: 0, subtotal: 0, discount: 0, shipping: 0, total: 0, currency: 'EUR' },
}
const kettle = { name: 'Copper Kettle', unitPrice: 1000, available: 5 }

/** jsdom's Blob has no text(); its FileReader reads one. */
function text(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.readAsText(blob)
  })
}

/** The reports the shop receives, as they arrive. */
function receiveReports(status = 204): RollbackReport[] {
  const received: RollbackReport[] = []
  server.use(
    http.post(`*${ROLLBACKS_PATH}`, async ({ request }) => {
      received.push((await request.json()) as RollbackReport)
      return new HttpResponse(null, { status })
    }),
  )
  return received
}

describe('the storefront reports its rollbacks', () => {
  it('counts every change made and each refused one by its code, and reports them on its interval', async () => {
    server.use(
      http.put('*/api/cart/products/10', () =>
        HttpResponse.json({ code: 'INSUFFICIENT_STOCK', detail: 'Only 1 left.', available: 1, inCart: 0 }, { status: 409 })),
      http.put('*/api/cart/products/20', () => HttpResponse.json({ ...empty, version: 2 })),
      http.get('*/api/cart', () => HttpResponse.json({ ...empty, version: 2 })),
    )
    const received = receiveReports()
    const client = registerCartChanges(makeQueryClient())
    client.setQueryData(cartKeys.detail(), empty)

    await submitCartChange(client, { kind: 'setQuantity', productId: 10, quantity: 2, product: kettle })
    await submitCartChange(client, { kind: 'setQuantity', productId: 20, quantity: 1, product: { ...kettle, name: 'Tea Tin' } })
    const stop = startRollbackReports(pageTally, 20)

    await vi.waitFor(() => expect(received).toHaveLength(1))
    stop()
    expect(received[0]).toEqual({ changes: 2, rollbacks: { INSUFFICIENT_STOCK: 1 } })
  })

  it('sends nothing when there is nothing to tell, and a report it could not send goes with the next', async () => {
    const received = receiveReports(503)
    const tally = newTally()
    tally.changes = 3
    const stop = startRollbackReports(tally, 20)

    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(2))
    stop()
    expect(received.slice(0, 2)).toEqual([{ changes: 3, rollbacks: {} }, { changes: 3, rollbacks: {} }])
  })

  it('sends what is left as a JSON beacon when the page is hidden', async () => {
    const sendBeacon = vi.fn<(url: string | URL, data?: BodyInit | null) => boolean>(() => true)
    Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true })
    const tally = newTally()
    tally.changes = 7
    tally.rollbacks.set('VERSION_MISMATCH', 1)
    const stop = startRollbackReports(tally, 60_000)

    window.dispatchEvent(new Event('pagehide'))
    window.dispatchEvent(new Event('pagehide'))
    stop()

    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const [url, data] = sendBeacon.mock.calls[0]!
    expect(new URL(url).pathname).toBe(ROLLBACKS_PATH)
    expect((data as Blob).type).toBe('application/json')
    expect(JSON.parse(await text(data as Blob))).toEqual({ changes: 7, rollbacks: { VERSION_MISMATCH: 1 } })
  })
})
