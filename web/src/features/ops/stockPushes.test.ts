import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { followStock, MAX_FOLLOWED, RECONNECT_MS, type PushSocket } from './stockPushes'

class FakeSocket implements PushSocket {
  readyState = 0
  sent: unknown[] = []
  closed = false
  onopen: PushSocket['onopen'] = null
  onmessage: PushSocket['onmessage'] = null
  onclose: PushSocket['onclose'] = null
  send(data: string) { this.sent.push(JSON.parse(data)) }
  close() {
    this.closed = true
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

describe('following stock for the console', () => {
  let sockets: FakeSocket[]
  const open = () => {
    const socket = new FakeSocket()
    sockets.push(socket)
    return socket
  }

  beforeEach(() => {
    vi.useFakeTimers()
    sockets = []
  })
  afterEach(() => vi.useRealTimers())

  it('subscribes to the products once open, and says which product moved on each stock push', () => {
    const moved: number[] = []
    const stop = followStock([4, 7], (id) => moved.push(id), open)

    sockets[0]!.opened()
    sockets[0]!.push({ type: 'stock', productId: 7, available: 3, version: 9 })
    sockets[0]!.push({ type: 'cart', cart: {} })

    expect(sockets[0]!.sent).toEqual([{ type: 'subscribe', productIds: [4, 7] }])
    expect(moved).toEqual([7])
    stop()
  })

  it('asks for no more products than the service follows at once', () => {
    const stop = followStock(Array.from({ length: 250 }, (_, index) => index + 1), () => {}, open)
    sockets[0]!.opened()

    expect((sockets[0]!.sent[0] as { productIds: number[] }).productIds).toHaveLength(MAX_FOLLOWED)
    stop()
  })

  it('opens another socket after one closes, and none once stopped', () => {
    const stop = followStock([1], () => {}, open)
    sockets[0]!.close()
    vi.advanceTimersByTime(RECONNECT_MS)
    expect(sockets).toHaveLength(2)

    stop()
    vi.advanceTimersByTime(10 * RECONNECT_MS)

    expect(sockets[1]!.closed).toBe(true)
    expect(sockets).toHaveLength(2)
  })
})
