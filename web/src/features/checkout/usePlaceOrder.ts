import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef } from 'react'
import { api, ApiProblem, newIdempotencyKey } from '../../lib/api'
import { navigate } from '../../lib/router'
import { cartKeys, writeCart } from '../cart/queries'
import type { Cart } from '../cart/types'
import { checkoutKeys } from './queries'
import type { Checkout, ShippingAddress, ShippingMethod, StockConflict } from './types'
import { startPayment } from './useStartPayment'

/** The checkout was made and holds the stock, but its payment could not be opened. */
class PaymentNotStarted extends Error {
  constructor(readonly checkout: Checkout, cause: unknown) {
    super('The payment could not be started.', { cause })
    this.name = 'PaymentNotStarted'
  }
}

/** What the order is placed with besides the address: nothing in it names the shopper. */
export interface OrderTerms {
  couponCode: string | null
  shippingMethod: ShippingMethod
}

/**
 * Reserves the selected lines, then opens the payment and sends the browser to the provider.
 * A stock conflict brings back the cart as the server adjusted it; it is written at once so the
 * shopper sees what changed and can go on. When the payment cannot be opened, the shopper is
 * taken to that checkout (/checkout/{id}) to try again on it, not to make another; and that is
 * where the browser's Back leads from the provider's page too.
 *
 * Pending mutations are kept in local storage, so the address is not one of the mutation's
 * variables: it stays in memory, handed over by `place`.
 */
export function usePlaceOrder(onConflict: (conflict: StockConflict) => void) {
  const client = useQueryClient()
  const address = useRef<ShippingAddress | null>(null)
  const mutation = useMutation({
    mutationKey: ['checkout', 'place'],
    retry: false,
    mutationFn: async ({ couponCode, shippingMethod }: OrderTerms) => {
      const shippingAddress = address.current
      address.current = null
      const checkout = await api<Checkout>('/api/checkouts', {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: couponCode ? { shippingAddress, shippingMethod, couponCode } : { shippingAddress, shippingMethod },
      })
      try {
        return { checkout, redirectUrl: await startPayment(checkout.id) }
      } catch (error) {
        throw new PaymentNotStarted(checkout, error)
      }
    },
    onSuccess: ({ checkout, redirectUrl }) => {
      window.history.replaceState(null, '', `/checkout/${checkout.id}`)
      window.location.assign(redirectUrl)
    },
    onError: (error) => {
      if (error instanceof PaymentNotStarted) {
        client.setQueryData(checkoutKeys.detail(error.checkout.id), error.checkout)
        navigate(`/checkout/${error.checkout.id}`)
      } else if (error instanceof ApiProblem && error.code === 'STOCK_CONFLICT') {
        const conflict = error.body as unknown as StockConflict
        writeCart(client, conflict.cart as Cart)
        onConflict(conflict)
      }
      void client.invalidateQueries({ queryKey: cartKeys.detail() })
    },
  })
  const place = (shippingAddress: ShippingAddress, terms: OrderTerms) => {
    address.current = shippingAddress
    mutation.mutate(terms)
  }
  return { ...mutation, place }
}
