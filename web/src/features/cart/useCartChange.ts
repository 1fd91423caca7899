import { useQueryClient } from '@tanstack/react-query'
import { submitCartChange } from './cartChange'
import type { PendingChange } from './reconcile'

/** The one way a component makes a cart change: a mutation in the persisted outbox. */
export function useCartChange(): (change: PendingChange) => Promise<unknown> {
  const client = useQueryClient()
  return (change) => submitCartChange(client, change)
}
