import { useMutation, useQueryClient } from '@tanstack/react-query'
import { opsApi } from './opsApi'
import { opsKeys } from './queries'
import type { Items, Refund } from './types'

/** Sends one refund to the provider now; the service answers the refund as it then stands. */
export function useSendRefund(sessionId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationKey: opsKeys.refundSends(),
    // The key is the click's, so that its retries carry the same one.
    mutationFn: (idempotencyKey: string) =>
      opsApi<Refund>(`/api/admin/refunds/${encodeURIComponent(sessionId)}/send`, { method: 'POST', idempotencyKey }),
    onSuccess: (answer) => {
      client.setQueryData<Items<Refund>>(opsKeys.refunds(), (refunds) => refunds && {
        items: refunds.items.map((refund) => (refund.sessionId === sessionId ? answer : refund)),
      })
      void client.invalidateQueries({ queryKey: opsKeys.refunds() })
    },
  })
}
