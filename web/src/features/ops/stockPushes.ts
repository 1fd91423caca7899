/** The part of a WebSocket used here, so that tests can stand in for one. */
export type PushSocket = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'onopen' | 'onmessage' | 'onclose'>

/** The service takes at most this many product ids in one subscription. */
export const MAX_FOLLOWED = 200
/** After a socket closes, the next one is tried this much later. */
export const RECONNECT_MS = 2000

/**
 * The console hears of every stock change of these products as it happens, on the shop's own
 * socket: the push says which product moved, and the console reads its figures again (the push
 * carries a shopper's `available`; on hand, reserved and open checkouts are the operator's to read).
 * A socket that closes is opened again. Answers a function that stops it.
 */
export function followStock(productIds: readonly number[], moved: (productId: number) => void, open: () => PushSocket): () => void {
  let socket: PushSocket | null = null
  let stopped = false
  let reconnect: ReturnType<typeof setTimeout> | undefined
  const connect = () => {
    const current = open()
    socket = current
    current.onopen = () => current.send(JSON.stringify({ type: 'subscribe', productIds: productIds.slice(0, MAX_FOLLOWED) }))
    current.onmessage = (event: MessageEvent) => {
      const message = JSON.parse(String(event.data)) as { type?: string; productId?: unknown }
      if (message.type === 'stock' && typeof message.productId === 'number') moved(message.productId)
    }
    current.onclose = () => {
      if (!stopped) reconnect = setTimeout(connect, RECONNECT_MS)
    }
  }
  connect()
  return () => {
    stopped = true
    clearTimeout(reconnect)
    socket?.close()
  }
}
