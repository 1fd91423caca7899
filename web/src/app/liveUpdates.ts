import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { cartKeys, writeCart } from '../features/cart/queries'
import type { Cart } from '../features/cart/types'
import { applyStock, shownProductIds } from '../features/catalog/liveStock'
import { catalogKeys } from '../features/catalog/queries'

type Push = { type: 'cart'; cart: Cart } | { type: 'stock'; productId: number; available: number; version: number }

/** The part of a WebSocket used here, so that tests can stand in for one. */
export type LiveSocket = Pick<WebSocket, 'readyState' | 'send' | 'close' | 'onopen' | 'onmessage' | 'onclose'>

/**
 * The service takes 20 messages in a row and then 5 a second; one subscribe per quarter second
 * at most stays below that however fast searches and pages come.
 */
export const SUBSCRIBE_GAP_MS = 250

const OPEN = 1

/**
 * Without a live socket (it cannot connect: a proxy that passes no WebSocket, a network that
 * blocks it), the cart and the catalog are fetched again this often, so that a screen that
 * cannot hear of changes does not go on showing old ones.
 */
export const POLL_WITHOUT_SOCKET_MS = 5_000

/** Reconnecting waits grow with each failure, with jitter so that a restarted node is not stormed. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt)
  return base / 2 + Math.random() * (base / 2)
}

/**
 * One WebSocket per tab. Carts it brings pass the same version guard as answers; stock goes into
 * the catalog only where it is newer. It follows the products of the catalog queries on screen
 * and says so again only when that set changes (never because stock arrived), and after each
 * reconnect, when the service answers with the current stock of each. After a reconnect the
 * cart and products are fetched again, since changes may have been missed while it was down;
 * while there is no socket, they are fetched every few seconds. Answers a function that stops it.
 */
export function startLiveUpdates(client: QueryClient, open: () => LiveSocket): () => void {
  let socket: LiveSocket | null = null
  let attempt = 0
  let connectedBefore = false
  let stopped = false
  let reconnect: ReturnType<typeof setTimeout> | undefined
  let followLater: ReturnType<typeof setTimeout> | undefined
  let poll: ReturnType<typeof setInterval> | undefined
  let followed = ''
  let lastSubscribe = -Infinity
  let shownCart: string | undefined
  let shows = 0
  const shownSince = new WeakMap<Query, number>()

  const follow = () => {
    if (socket?.readyState !== OPEN || followLater !== undefined) return
    const ids = shownProductIds(client, (query) => shownSince.get(query) ?? 0)
    const set = [...ids].sort((a, b) => a - b).join(',')
    if (set === followed) return
    const wait = lastSubscribe + SUBSCRIBE_GAP_MS - Date.now()
    if (wait > 0) {
      followLater = setTimeout(() => {
        followLater = undefined
        follow()
      }, wait)
      return
    }
    socket.send(JSON.stringify({ type: 'subscribe', productIds: ids }))
    followed = set
    lastSubscribe = Date.now()
  }

  const unsubscribeCache = client.getQueryCache().subscribe((event) => {
    if (event.query.queryKey[0] === catalogKeys.all[0]) {
      if (event.type === 'observerAdded' && event.query.getObserversCount() === 1) shownSince.set(event.query, ++shows)
      follow()
    }
    // After joining or leaving a shared cart, the socket must follow the other cart: connect again.
    const cart = client.getQueryData<Cart>(cartKeys.detail())
    if (cart && shownCart !== undefined && cart.id !== shownCart) {
      shownCart = cart.id
      socket?.close()
    }
  })

  const refetch = () => {
    // Never in the middle of the shopper's changes: their answers bring the cart.
    if (client.isMutating({ mutationKey: cartKeys.changes() }) === 0) void client.invalidateQueries({ queryKey: cartKeys.all })
    void client.invalidateQueries({ queryKey: catalogKeys.all })
  }
  const stopPolling = () => {
    clearInterval(poll)
    poll = undefined
  }

  const connect = () => {
    const current = open()
    socket = current
    poll ??= setInterval(refetch, POLL_WITHOUT_SOCKET_MS)
    current.onopen = () => {
      stopPolling()
      attempt = 0
      // A new socket follows nothing yet.
      followed = ''
      follow()
      if (connectedBefore) {
        void client.invalidateQueries({ queryKey: cartKeys.all })
        void client.invalidateQueries({ queryKey: catalogKeys.all })
      }
      connectedBefore = true
    }
    current.onmessage = (event: MessageEvent<string>) => {
      const push = JSON.parse(event.data) as Push
      if (push.type === 'cart') {
        shownCart = push.cart.id
        writeCart(client, push.cart)
      } else if (push.type === 'stock') {
        applyStock(client, { productId: push.productId, available: push.available, version: push.version })
      }
    }
    current.onclose = () => {
      if (socket === current && !stopped) reconnect = setTimeout(connect, reconnectDelay(attempt++))
    }
  }
  connect()
  return () => {
    stopped = true
    stopPolling()
    clearTimeout(reconnect)
    clearTimeout(followLater)
    unsubscribeCache()
    socket?.close()
  }
}

export function useLiveUpdates(): void {
  const client = useQueryClient()
  useEffect(() => startLiveUpdates(client, () => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
    return new WebSocket(`${scheme}://${window.location.host}/ws`)
  }), [client])
}
