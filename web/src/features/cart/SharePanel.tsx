import { ApiProblem } from '../../lib/api'
import { useLeaveCart } from './useJoinCart'
import { useShareCart } from './useShareCart'

/** Sharing: an invitation link to pass on, and a way back to one's own cart. */
export function SharePanel({ members }: { members: number }) {
  const share = useShareCart()
  const leave = useLeaveCart()
  const link = share.data && `${window.location.origin}${share.data.url}`
  return (
    <div className="share">
      {members > 1 && (
        <p data-testid="cart-members">
          Shared by {members} people.{' '}
          <button type="button" className="link" onClick={() => leave.mutate(undefined)}>Leave this cart</button>
        </p>
      )}
      <button type="button" className="link" data-testid="share-cart" onClick={() => share.mutate()}>
        Share this cart
      </button>
      {link && (
        <p>
          Send this link: <input readOnly aria-label="Invitation link" data-testid="share-link" value={link} onFocus={(e) => e.target.select()} />
        </p>
      )}
      {share.error instanceof ApiProblem && <p className="error">{share.error.detail}</p>}
    </div>
  )
}
