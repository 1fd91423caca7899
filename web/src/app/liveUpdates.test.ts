import { InfiniteQueryObserver, QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { catalogKeys, type Product } from '../features/catalog/queries'
import type { CatalogData } from '../features/catalog/stock'
import { POLL_WITHOUT_SOCKET_MS, startLiveUpdates, SUBSCRIBE_GAP_MS, type LiveSocket } from './liveUpdates'

class FakeSocket implements LiveSocket {
  readyState = 0
  sent: Array<{ type: string; productIds: number[] }> = []
  onopen: LiveSocket['onopen'] = null
  onmessage: LiveSocket['onmessage'] = null
  onclose: LiveSocket['onclose'] = null
  send(data: string) { this.sent.push(JSON.parse(data)) }
  close() {
    this.readyState = 3
    this.onclose?.call(this as unknown as WebSocket, new Event('close') as CloseEvent)
  }
  opened() {
    this.readyState = 1
    this.onopen?.call(this as unknown as WebSocket, new Event('open'))
  }
  push(message: unknown) {
    this.onmessage?.call(this as unknown as WebSocket, new MessageEvent('message', { data: JSON.stringify(message) }))
  }
}

function product(id: number, available = 10, stockVersion = 1): Product {
  return { id, name: `Product ${id}`, description: '', unitPrice: 1000, currency: 'EUR', imageUrl: '', available, stockVersion }
}

const pageOf = (ids: number[]) => ({ items: ids.map((id) => product(id)), nextCursor: null })

/** A catalog query on screen, as ProductGrid holds one. */
function show(client: QueryClient, query: string, ...pages: number[][]) {
  client.setQueryData<CatalogData>(catalogKeys.list(query), { pages: pages.map(pageOf), pageParams: pages.map(String) })
  const observer = new InfiniteQueryObserver(client, {
    queryKey: catalogKeys.list(query), queryFn: () => pageOf([]), initialPageParam: '', getNextPageParam: () => undefined, staleTime: Infinity,
  })
  return observer.subscribe(() => {})
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index)

describe('following the stock of the products on screen', () => {
  let client: QueryClient
  let sockets: FakeSocket[]
  let stop: () => void
  const socket = () => sockets[sockets.length - 1] as FakeSocket
  const subscribes = () => sockets.flatMap((each) => each.sent)

  beforeEach(() => {
    vi.useFakeTimers()
    client = new QueryClient()
    sockets = []
    stop = startLiveUpdates(client, () => {
      const opened = new FakeSocket()
      sockets.push(opened)
      return opened
    })
  })
  afterEach(() => {
    stop()
    vi.useRealTimers()
  })

  it('subscribes once to the products shown, and stock pushes never make it subscribe again', () => {
    show(client, '', [1, 2, 3])
    socket().opened()
    expect(subscribes()).toEqual([{ type: 'subscribe', productIds: [1, 2, 3] }])

    for (let version = 2; version < 50; version++) socket().push({ type: 'stock', productId: 1 + (version % 3), available: version, version })
    vi.advanceTimersByTime(5 * SUBSCRIBE_GAP_MS)

    expect(subscribes()).toHaveLength(1)
    const shown = client.getQueryData<CatalogData>(catalogKeys.list(''))?.pages[0]?.items.map((item) => item.available)
    expect(shown).toEqual([48, 49, 47])
  })

  it('subscribes again when the set changes: the newest query and its newest page first, at most 200 products', () => {
    const unshowFirst = show(client, '', [1, 2])
    socket().opened()
    vi.advanceTimersByTime(SUBSCRIBE_GAP_MS)
    show(client, 'mug', range(100, 150), range(250, 100))
    vi.advanceTimersByTime(SUBSCRIBE_GAP_MS)
    // Products 1 and 2 were beyond the 200 already: leaving their query changes nothing followed.
    unshowFirst()
    vi.advanceTimersByTime(SUBSCRIBE_GAP_MS)

    expect(subscribes().map((message) => message.productIds)).toEqual([[1, 2], [...range(250, 100), ...range(100, 100)]])
  })

  it('sends changes no faster than one subscribe per gap, the latest set last', () => {
    socket().opened()
    for (let query = 1; query <= 30; query++) show(client, `q${query}`, [query])
    vi.advanceTimersByTime(10 * SUBSCRIBE_GAP_MS)

    const sent = subscribes()
    expect(sent.length).toBeLessThanOrEqual(2)
    expect(sent[sent.length - 1]?.productIds).toEqual(range(1, 30).reverse())
  })

  it('subscribes again after a reconnect, to the same products', () => {
    show(client, '', [1, 2, 3])
    socket().opened()
    socket().close()
    vi.runOnlyPendingTimers()
    socket().opened()

    expect(sockets).toHaveLength(2)
    expect(sockets.map((each) => each.sent)).toEqual([
      [{ type: 'subscribe', productIds: [1, 2, 3] }],
      [{ type: 'subscribe', productIds: [1, 2, 3] }],
    ])
  })
})

describe('without a live socket', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('fetches the cart and the catalog again every few seconds, and stops once the socket is open', () => {
    vi.useFakeTimers()
    const client = new QueryClient()
    const refetched: unknown[] = []
    const invalidate = client.invalidateQueries.bind(client)
    client.invalidateQueries = ((filters?: { queryKey?: readonly unknown[] }) => {
      refetched.push(filters?.queryKey?.[0])
      return invalidate(filters)
    }) as QueryClient['invalidateQueries']
    const sockets: FakeSocket[] = []
    const stop = startLiveUpdates(client, () => {
      const opened = new FakeSocket()
      sockets.push(opened)
      return opened
    })

    vi.advanceTimersByTime(POLL_WITHOUT_SOCKET_MS * 3)
    expect(refetched.filter((root) => root === 'cart')).toHaveLength(3)
    expect(refetched.filter((root) => root === 'products')).toHaveLength(3)

    sockets[0]?.opened()
    refetched.length = 0
    vi.advanceTimersByTime(POLL_WITHOUT_SOCKET_MS * 3)
    expect(refetched).toHaveLength(0)
    stop()
  })
})
