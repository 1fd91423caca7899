import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api, newIdempotencyKey } from '../../lib/api'
import { sharingKeys } from './sharingQueries'
import type { Invitation } from './types'

/**
 * An invitation link to one's own cart, signed with a first name if given. The service does
 * not keep this answer for replay (it holds the link's secret): a repeat makes a new link.
 */
export function useShareCart() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['sharing', 'share'],
    retry: false,
    mutationFn: (name: string) =>
      api<Invitation>('/api/cart/share', {
        method: 'POST',
        idempotencyKey: newIdempotencyKey(),
        body: name.trim() === '' ? undefined : { name: name.trim() },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: sharingKeys.all }),
  })
}

/** The owner withdraws every open link; those who joined stay until removed. */
export function useRevokeInvitations() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['sharing', 'revoke'],
    mutationFn: () => api<null>('/api/cart/share', { method: 'DELETE', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: sharingKeys.all }),
  })
}

/** The owner removes a member, who is back on their own cart at once. */
export function useRemoveMember() {
  const client = useQueryClient()
  return useMutation({
    mutationKey: ['sharing', 'remove'],
    mutationFn: (memberId: string) =>
      api<null>(`/api/cart/members/${encodeURIComponent(memberId)}`, { method: 'DELETE', idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => client.invalidateQueries({ queryKey: sharingKeys.all }),
  })
}
