import { useMutation, type QueryClient } from '@tanstack/react-query'
import { api, ApiProblem, newIdempotencyKey } from '../../lib/api'
import { showToast } from '../../lib/toasts'
import { cartKeys, writeCart, type CartChangeVariables } from './queries'
import type { PendingChange } from './reconcile'
import type { Cart } from './types'

// What every cart change has in common. The optimistic effect is not written into the cache:
// the change is shown while its mutation is pending (see useVisibleCart), so a failure removes
// exactly its own effect and nothing has to be rolled back.

function lineIdOf(client: QueryClient, productId: number): number {
  const line = client.getQueryData<Cart>(cartKeys.detail())?.items.find((item) => item.productId === productId)
  if (!line) throw new ApiProblem(404, { code: 'CART_ITEM_NOT_FOUND', detail: 'This item is no longer in your cart.' })
  return line.id
}

/** The request for a change; a line is looked up when the request leaves, after earlier changes of its product settled. */
function send(client: QueryClient, { change, idempotencyKey }: CartChangeVariables): Promise<Cart> {
  const call = { idempotencyKey }
  switch (change.kind) {
    case 'add':
      return api<Cart>('/api/cart/items', { ...call, method: 'POST', body: { productId: change.productId, quantity: change.quantity } })
    case 'setQuantity':
      return api<Cart>(`/api/cart/items/${lineIdOf(client, change.productId)}`, { ...call, method: 'PUT', body: { quantity: change.quantity } })
    case 'select':
      return api<Cart>(`/api/cart/items/${lineIdOf(client, change.productId)}`, { ...call, method: 'PATCH', body: { selected: change.selected } })
    case 'selectAll':
      return api<Cart>('/api/cart/selection', { ...call, method: 'PATCH', body: { selected: change.selected } })
    case 'remove':
      return api<Cart>(`/api/cart/items/${lineIdOf(client, change.productId)}`, { ...call, method: 'DELETE' })
  }
}

/** Words for the shopper: what happened and what is possible. */
export function describeFailure(error: unknown): string {
  if (error instanceof ApiProblem) {
    if (error.code === 'INSUFFICIENT_STOCK') {
      const available = Number(error.body.available ?? 0)
      const inCart = Number(error.body.inCart ?? 0)
      if (available <= 0) return 'Sorry, that is sold out.'
      return inCart > 0 ? `Only ${available} left — your cart has ${inCart}.` : `Only ${available} left.`
    }
    if (error.code === 'VERSION_MISMATCH') return 'Your cart changed elsewhere; it now shows the latest.'
    return error.detail
  }
  return 'Your change could not be saved. Check your connection and try again.'
}

/**
 * How every cart change runs, registered once on the client so that changes restored after a
 * reload (see lib/persistence) run the same way as those made on this page.
 */
export function registerCartChanges(client: QueryClient): QueryClient {
  client.setMutationDefaults(cartKeys.changes(), {
    mutationFn: (variables: CartChangeVariables) => send(client, variables),
    onMutate: async () => {
      // A refetch that started before this change could land after it and hide it.
      await client.cancelQueries({ queryKey: cartKeys.detail() })
    },
    onSuccess: (cart: Cart) => writeCart(client, cart),
    onError: (error: unknown) => showToast(describeFailure(error)),
    onSettled: () => {
      // Refetch only once the last change has settled, so it never lands inside a burst.
      if (client.isMutating({ mutationKey: cartKeys.changes() }) === 1) {
        void client.invalidateQueries({ queryKey: cartKeys.detail() })
      }
    },
  })
  return client
}

/**
 * The mutation every cart change hook is built on. Changes of one scope (a product's line, or
 * the whole selection) go out one after another, in the order they were made.
 */
export function useCartChange(scope: string) {
  const mutation = useMutation<Cart, unknown, CartChangeVariables>({ mutationKey: cartKeys.changes(), scope: { id: scope } })
  // Failures are told by the toast above; callers only need to know when the change settled.
  return (change: PendingChange): Promise<unknown> =>
    mutation.mutateAsync({ change, idempotencyKey: newIdempotencyKey() }).catch(() => undefined)
}

export const lineScope = (productId: number) => `cart-product-${productId}`
