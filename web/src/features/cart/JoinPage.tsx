import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import { invitationQueryOptions } from './sharingQueries'
import { useJoinCart } from './useJoinCart'

const problemText = (error: unknown) =>
  error instanceof ApiProblem ? error.detail : 'The shop could not be reached. Try the link again.'

/** An invitation link asks first: joining is the shopper's choice, and their own cart waits for them. */
export function JoinPage({ token }: { token: string }) {
  const invitation = useQuery(invitationQueryOptions(token))
  const join = useJoinCart()
  const [name, setName] = useState('')
  if (invitation.isPending) {
    return <main className="checkout"><p className="status">Opening the invitation…</p></main>
  }
  if (invitation.isError) {
    return (
      <main className="checkout">
        <p role="alert">{problemText(invitation.error)}</p>
        <button type="button" className="link" onClick={() => navigate('/')}>Go to the shop</button>
      </main>
    )
  }
  const { ownerName, members, itemCount } = invitation.data
  return (
    <main className="checkout join">
      <h2 data-testid="join-question">{ownerName ? `Join ${ownerName}'s cart?` : 'Join this shared cart?'}</h2>
      <p>Your own cart waits for you.</p>
      <p className="status">
        {itemCount} {itemCount === 1 ? 'item' : 'items'} in it{members > 1 ? `, already shared by ${members} people` : ''}.
        You will see each other's changes as they happen.
      </p>
      <label>
        Your first name (optional, shown to the others)
        <input value={name} maxLength={40} autoComplete="given-name" onChange={(event) => setName(event.target.value)} />
      </label>
      {join.isError && <p role="alert">{problemText(join.error)}</p>}
      <div className="actions">
        <button type="button" className="link" data-testid="join-decline" onClick={() => navigate('/')}>No thanks</button>
        <button
          type="button"
          className="primary"
          data-testid="join-accept"
          disabled={join.isPending}
          onClick={() =>
            join.mutate({ token, ...(name.trim() ? { name: name.trim() } : {}) }, { onSuccess: () => navigate('/') })
          }
        >
          Join
        </button>
      </div>
    </main>
  )
}
