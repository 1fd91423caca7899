import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { checkoutKeys } from './queries'

/** Opens a payment for an existing checkout; the service answers the provider's page to go to. */
export async function startPayment(checkoutId: string): Promise<string> {
  const payment = await api<{ redirectUrl: string }>(`/api/checkouts/${checkoutId}/payment`, {
    method: 'POST',
    idempotencyKey: newIdempotencyKey(),
    body: { method: 'card' },
  })
  return payment.redirectUrl
}

/**
 * Pays for a checkout already made: after a decline, or when opening the payment failed. The
 * same checkout is paid for, so no second one is made and nothing is reserved twice.
 */
export function useStartPayment(checkoutId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['checkout', 'pay', checkoutId],
    retry: false,
    mutationFn: () => startPayment(checkoutId),
    onSuccess: (redirectUrl) => window.location.assign(redirectUrl),
    onError: () => void client.invalidateQueries({ queryKey: checkoutKeys.detail(checkoutId) }),
  })
}
