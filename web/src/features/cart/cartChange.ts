import { MutationObserver, type QueryClient } from '@tanstack/react-query'
import { api, ApiProblem, isTransient, newIdempotencyKey } from '../../lib/api'
import { showToast } from '../../lib/toasts'
import { isSuperseded, mustSend, nextSeq, type CartChangeVariables } from './outbox'
import { cartKeys, writeCart } from './queries'
import type { PendingChange } from './reconcile'
import { pageTally } from './rollbackReports'
import { countChanges, countRollbacks, OTHER } from './rollbackTally'
import type { Cart } from './types'

// What every cart change has in common. The optimistic effect is not written into the cache:
// the change is shown while its mutation is pending (see useVisibleCart), so a failure removes
// exactly its own effect and nothing has to be rolled back.

// One scope for every cart change, so they reach the server in the order they were made: a
// select-all must not overtake a line's change made before it, nor be overtaken by one made after.
export const CART_SCOPE = 'cart'

/** The request for a change: absolute and named by product, so a repeat or a later change replaces it harmlessly. */
function send({ change, idempotencyKey }: CartChangeVariables): Promise<Cart> {
  const call = { idempotencyKey }
  switch (change.kind) {
    case 'setQuantity':
      return api<Cart>(`/api/cart/products/${change.productId}`, { ...call, method: 'PUT', body: { quantity: change.quantity } })
    case 'select':
      return api<Cart>(`/api/cart/products/${change.productId}`, { ...call, method: 'PATCH', body: { selected: change.selected } })
    case 'selectAll':
      return api<Cart>('/api/cart/selection', { ...call, method: 'PATCH', body: { selected: change.selected } })
    case 'remove':
      return api<Cart>(`/api/cart/products/${change.productId}`, { ...call, method: 'DELETE' })
  }
}

/** The cart changes not yet settled, in the order they were made. */
export function waitingChanges(client: QueryClient): CartChangeVariables[] {
  return client
    .getMutationCache()
    .findAll({ mutationKey: cartKeys.changes(), status: 'pending' })
    .map((mutation) => mutation.state.variables as CartChangeVariables)
    .sort((a, b) => a.seq - b.seq)
}

/**
 * Resolves once no cart change is on its way (each answered or given up), or after `limitMs`:
 * what the shopper asked for reaches the cart it was meant for before the browser changes whose it is.
 */
export function cartChangesSettled(client: QueryClient, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    let unsubscribe = () => {}
    const timer = setTimeout(() => done(), limitMs)
    const done = () => {
      unsubscribe()
      clearTimeout(timer)
      resolve()
    }
    unsubscribe = client.getMutationCache().subscribe(() => {
      if (waitingChanges(client).length === 0) done()
    })
    if (waitingChanges(client).length === 0) done()
  })
}

export function nameOf(change: PendingChange): string {
  switch (change.kind) {
    case 'setQuantity':
      return change.product.name
    case 'select':
    case 'remove':
      return change.name
    case 'selectAll':
      return 'your selection'
  }
}

/** Words for the shopper: what happened to this change and what is possible. */
export function describeFailure(error: unknown, change: PendingChange): string {
  const name = nameOf(change)
  if (error instanceof ApiProblem) {
    if (error.code === 'INSUFFICIENT_STOCK') {
      const available = Number(error.body.available ?? 0)
      const inCart = Number(error.body.inCart ?? 0)
      if (available <= 0) return `${name} is sold out.`
      return inCart > 0 ? `Only ${available} ${name} left — your cart has ${inCart}.` : `Only ${available} ${name} left.`
    }
    if (error.code === 'VERSION_MISMATCH') return 'Your cart changed elsewhere; it now shows the latest.'
    return change.kind === 'selectAll' ? error.detail : `${name}: ${error.detail}`
  }
  return `Your change to ${name} could not be saved. Please try again.`
}

/** A selection of a line that is gone asked for nothing the shopper still has: there is nothing to tell. */
function isMoot(error: unknown, change: PendingChange): boolean {
  return change.kind === 'select' && error instanceof ApiProblem && error.code === 'CART_ITEM_NOT_FOUND'
}

/**
 * How every cart change runs, registered once on the client so that changes restored after a
 * reload or adopted from a closed tab (see lib/persistence) run the same way as those made here.
 */
export function registerCartChanges(client: QueryClient): QueryClient {
  client.setMutationDefaults(cartKeys.changes(), {
    scope: { id: CART_SCOPE },
    mutationFn: async (variables: CartChangeVariables) => {
      // The scope runs changes one by one; one that a later change covers need not be sent at all.
      const confirmed = client.getQueryData<Cart>(cartKeys.detail())
      if (confirmed && !mustSend(variables, waitingChanges(client))) return confirmed
      variables.sent = true
      return send(variables)
    },
    // Cart changes wait out every transient failure, with the same key, for as long as the page lives.
    retry: (_failures: number, error: unknown) => isTransient(error),
    onMutate: async () => {
      // A refetch that started before this change could land after it and hide it.
      await client.cancelQueries({ queryKey: cartKeys.detail() })
    },
    onSuccess: (cart: Cart) => writeCart(client, cart),
    onError: (error: unknown, variables: CartChangeVariables) => {
      // A change the shopper has since replaced is told by the later change's outcome, not its own.
      if (isMoot(error, variables.change) || isSuperseded(variables, waitingChanges(client))) return
      // Its effect drops out of the cart the shopper sees: a rollback, as the shop's operators count them.
      countRollbacks(pageTally, error instanceof ApiProblem ? error.code : OTHER)
      showToast(describeFailure(error, variables.change))
    },
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
 * Makes one change: one mutation in the persisted outbox, numbered after every change before it.
 * Failures are told by a toast; the promise only says when the change settled.
 */
export function submitCartChange(client: QueryClient, change: PendingChange): Promise<unknown> {
  countChanges(pageTally)
  const observer = new MutationObserver<Cart, unknown, CartChangeVariables>(client, { mutationKey: cartKeys.changes() })
  return observer
    .mutate({ change, idempotencyKey: newIdempotencyKey(), seq: nextSeq() })
    .catch(() => undefined)
    .finally(() => observer.reset())
}
