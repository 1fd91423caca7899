import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { cartKeys, writeCart } from '../features/cart/queries'
import type { Cart } from '../features/cart/types'
import { applyStock, loadedProductIds } from '../features/catalog/liveStock'
import { catalogKeys } from '../features/catalog/queries'

type Push = { type: 'cart'; cart: Cart } | { type: 'stock'; productId: number; available: number }

/** Reconnecting waits grow with each failure, with jitter so that a restarted node is not stormed. */
export function reconnectDelay(attempt: number): number {
  const base = Math.min(30_000, 500 * 2 ** attempt)
  return base / 2 + Math.random() * (base / 2)
}

/**
 * One WebSocket per tab. Carts it brings pass the same version guard as answers; stock updates
 * go into the loaded catalog pages. After a reconnect, the cart and products are fetched again,
 * since changes may have been missed while it was down.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient()
  useEffect(() => {
    let socket: WebSocket | null = null
    let attempt = 0
    let connectedBefore = false
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined

    const subscribe = () => {
      if (socket?.readyState === WebSocket.OPEN) {
        socket.send(JSON.stringify({ type: 'subscribe', productIds: loadedProductIds(client) }))
      }
    }
    let shownCart: string | undefined
    const unsubscribeCache = client.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated') return
      if (event.action.type === 'success' && event.query.queryKey[0] === catalogKeys.all[0]) subscribe()
      // After joining or leaving a shared cart, the socket must follow the other cart: connect again.
      const cart = client.getQueryData<Cart>(cartKeys.detail())
      if (cart && shownCart !== undefined && cart.id !== shownCart) {
        shownCart = cart.id
        socket?.close()
      }
    })

    const connect = () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
      socket = new WebSocket(`${scheme}://${window.location.host}/ws`)
      socket.onopen = () => {
        attempt = 0
        subscribe()
        if (connectedBefore) {
          void client.invalidateQueries({ queryKey: cartKeys.all })
          void client.invalidateQueries({ queryKey: catalogKeys.all })
        }
        connectedBefore = true
      }
      socket.onmessage = (event: MessageEvent<string>) => {
        const push = JSON.parse(event.data) as Push
        if (push.type === 'cart') {
          shownCart = push.cart.id
          writeCart(client, push.cart)
        }
        else if (push.type === 'stock') applyStock(client, push.productId, push.available)
      }
      socket.onclose = () => {
        if (!stopped) timer = setTimeout(connect, reconnectDelay(attempt++))
      }
    }
    connect()
    return () => {
      stopped = true
      clearTimeout(timer)
      unsubscribeCache()
      socket?.close()
    }
  }, [client])
}
