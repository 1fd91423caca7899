import { useEffect } from 'react'
import { ApiProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import { useJoinCart } from './useJoinCart'

/** Opening an invitation link joins the cart, then shows the shop with it. */
export function JoinPage({ token }: { token: string }) {
  const join = useJoinCart()
  const { mutate } = join
  useEffect(() => {
    mutate(token, { onSuccess: () => navigate('/') })
  }, [token, mutate])
  return (
    <main className="checkout">
      {join.isError ? (
        <p role="alert">{join.error instanceof ApiProblem ? join.error.detail : 'The shop could not be reached. Try the link again.'}</p>
      ) : (
        <p className="status">Joining the shared cart…</p>
      )}
    </main>
  )
}
