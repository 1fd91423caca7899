import { queryOptions } from '@tanstack/react-query'
import { api } from '../../lib/api'
import type { CartMembers, InvitationPreview } from './types'

// Apart from the cart's own keys: fetching these is not the cart syncing.
export const sharingKeys = {
  all: ['sharing'] as const,
  invitation: (token: string) => [...sharingKeys.all, 'invitation', token] as const,
  /** Keyed by how many use the cart too, so that a join or a removal anywhere fetches the list again. */
  members: (cartId: string, count: number) => [...sharingKeys.all, 'members', cartId, count] as const,
}

/** The invitation holds a secret in its key: it is not kept in local storage. */
export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: sharingKeys.invitation(token),
    queryFn: ({ signal }) => api<InvitationPreview>(`/api/cart/invitations/${encodeURIComponent(token)}`, { signal }),
    meta: { persist: false },
  })

export const membersQueryOptions = (cartId: string, count: number) =>
  queryOptions({
    queryKey: sharingKeys.members(cartId, count),
    queryFn: ({ signal }) => api<CartMembers>('/api/cart/members', { signal }),
  })
