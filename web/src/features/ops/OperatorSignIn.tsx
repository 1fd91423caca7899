import { useState, type FormEvent } from 'react'
import { usePageTitle } from '../../lib/pageTitle'
import { useOperatorSession } from './operatorToken'
import { problemText } from './opsApi'
import { useOperatorSignIn } from './useOperatorSignIn'

/** The console's door: the operator's token, checked against the service before it is kept. */
export function OperatorSignIn() {
  usePageTitle('Operator sign-in')
  const { refused } = useOperatorSession()
  const signIn = useOperatorSignIn()
  const [token, setToken] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    signIn.mutate(token.trim())
  }
  return (
    <main className="checkout account">
      <h1>Operator sign-in</h1>
      <p>
        The console needs the shop's operator token: the service prints it when it starts, or it is the
        CARTWRIGHT_ADMIN_TOKEN it was given. It is kept in this tab only, until you sign out or close the tab.
      </p>
      {refused && !signIn.isError && (
        <p role="alert" data-testid="ops-token-refused">The shop no longer takes the token this tab had. Sign in again with its current token.</p>
      )}
      <form onSubmit={submit} aria-describedby={signIn.isError ? 'ops-sign-in-problem' : undefined}>
        <label className="field">
          Operator token
          <input type="password" required autoComplete="off" spellCheck={false} value={token}
            onChange={(event) => setToken(event.target.value)} disabled={signIn.isPending} data-testid="ops-token" />
        </label>
        {signIn.isError && <p id="ops-sign-in-problem" className="error" role="alert" data-testid="ops-sign-in-problem">{problemText(signIn.error)}</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={signIn.isPending} data-testid="ops-sign-in">
            {signIn.isPending ? 'Checking…' : 'Sign in'}
          </button>
        </div>
      </form>
    </main>
  )
}
