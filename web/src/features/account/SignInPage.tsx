import { useState, type FormEvent } from 'react'
import { followLink, navigate } from '../../lib/router'
import { problemText } from './problemText'
import { nextPath } from './session'
import { useSignIn } from './useSignIn'

export function SignInPage() {
  const signIn = useSignIn()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    signIn.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(nextPath(window.location.search)) })
  }
  return (
    <main className="checkout account">
      <h1 tabIndex={-1}>Sign in</h1>
      <p>Your cart comes with you: what you added as a guest joins your account's cart.</p>
      <form onSubmit={submit} aria-describedby={signIn.isError ? 'sign-in-problem' : undefined}>
        <fieldset disabled={signIn.isPending}>
          <label>
            Email
            <input type="email" required maxLength={254} autoComplete="email" value={email}
              onChange={(event) => setEmail(event.target.value)} data-testid="sign-in-email" />
          </label>
          <label>
            Password
            <input type="password" required maxLength={128} autoComplete="current-password" value={password}
              onChange={(event) => setPassword(event.target.value)} data-testid="sign-in-password" />
          </label>
        </fieldset>
        {signIn.isError && <p id="sign-in-problem" role="alert">{problemText(signIn.error)}</p>}
        <button type="submit" className="primary" disabled={signIn.isPending} data-testid="sign-in-submit">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        New here? <a href={`/signup${window.location.search}`} onClick={followLink}>Create an account</a>
      </p>
    </main>
  )
}
