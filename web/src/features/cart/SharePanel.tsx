import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiProblem } from '../../lib/api'
import { membersQueryOptions } from './sharingQueries'
import type { Cart, CartMember } from './types'
import { useLeaveCart } from './useJoinCart'
import { useRemoveMember, useRevokeInvitations, useShareCart } from './useShareCart'

const joinedAt = (member: CartMember) =>
  new Date(member.joinedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

const problem = (error: unknown) => error instanceof ApiProblem && <p className="error">{error.detail}</p>

/**
 * Sharing. The owner invites (optionally signing the link with a first name), sees who joined,
 * removes them and withdraws the links; a member may leave, back to their own cart.
 */
export function SharePanel({ cart }: { cart: Cart }) {
  const share = useShareCart()
  const revoke = useRevokeInvitations()
  const remove = useRemoveMember()
  const leave = useLeaveCart()
  const [asking, setAsking] = useState(false)
  const [name, setName] = useState('')
  // Alone with one's cart, one owns it; with others, the service says who owns it.
  const members = useQuery({ ...membersQueryOptions(cart.id, cart.members), enabled: cart.members > 1 || share.isSuccess })
  const role = cart.members > 1 ? members.data?.role : 'OWNER'
  const link = share.data && `${window.location.origin}${share.data.url}`
  const openLinks = share.isSuccess || (members.data?.openInvitations ?? 0) > 0
  return (
    <div className="share">
      {cart.members > 1 && (
        <p data-testid="cart-members">
          Shared by {cart.members} people.{' '}
          {role === 'MEMBER' && (
            <button type="button" className="link" onClick={() => leave.mutate(undefined)}>Leave this cart</button>
          )}
        </p>
      )}
      {role === 'OWNER' && members.data && members.data.members.length > 0 && (
        <ul className="member-list" aria-label="People sharing your cart">
          {members.data.members.map((member) => (
            <li key={member.id} data-testid="cart-member">
              {member.name ?? 'Someone'}, joined {joinedAt(member)}{' '}
              <button type="button" className="link" data-testid={`remove-member-${member.id}`}
                disabled={remove.isPending} onClick={() => remove.mutate(member.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {role === 'OWNER' && (
        <>
          <button type="button" className="link" data-testid="share-cart" aria-expanded={asking} onClick={() => setAsking(!asking)}>
            Share this cart
          </button>
          {asking && (
            <form
              className="share-form"
              onSubmit={(event) => {
                event.preventDefault()
                share.mutate(name)
              }}
            >
              <label>
                Your first name (optional, so friends know whose cart it is)
                <input value={name} maxLength={40} autoComplete="given-name" onChange={(event) => setName(event.target.value)} />
              </label>
              <button type="submit" className="primary" data-testid="create-share-link" disabled={share.isPending}>Create link</button>
            </form>
          )}
          {link && (
            <p>
              Send this link (it works until {new Date(share.data.expiresAt).toLocaleDateString()}):{' '}
              <input readOnly aria-label="Invitation link" data-testid="share-link" value={link} onFocus={(e) => e.target.select()} />
            </p>
          )}
          {openLinks && (
            <button type="button" className="link" data-testid="revoke-links" disabled={revoke.isPending}
              onClick={() => revoke.mutate(undefined, { onSuccess: () => share.reset() })}>
              Withdraw invitation links
            </button>
          )}
        </>
      )}
      {problem(share.error)}
      {problem(revoke.error)}
      {problem(remove.error)}
    </div>
  )
}
