import { useState, type FormEvent } from 'react'
import { followLink, navigate } from '../../lib/router'
import { problemText } from './problemText'
import { nextPath } from './session'
import { useSignUp } from './useSignUp'

export const PASSWORD_MIN = 10

export function SignUpPage() {
  const signUp = useSignUp()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    signUp.mutate({ name: name.trim(), email: email.trim(), password },
      { onSuccess: () => navigate(nextPath(window.location.search)) })
  }
  return (
    <main className="checkout account">
      <h1 tabIndex={-1}>Create an account</h1>
      <p>Your orders and your cart, on every device you sign in on. What is in your cart now comes with you.</p>
      <form onSubmit={submit}>
        <fieldset disabled={signUp.isPending}>
          <label>
            Your name
            <input required maxLength={60} autoComplete="name" value={name}
              onChange={(event) => setName(event.target.value)} data-testid="sign-up-name" />
          </label>
          <label>
            Email
            <input type="email" required maxLength={254} autoComplete="email" value={email}
              onChange={(event) => setEmail(event.target.value)} data-testid="sign-up-email" />
          </label>
          <label>
            Password (at least {PASSWORD_MIN} characters)
            <input type="password" required minLength={PASSWORD_MIN} maxLength={128} autoComplete="new-password"
              value={password} onChange={(event) => setPassword(event.target.value)} data-testid="sign-up-password" />
          </label>
        </fieldset>
        {signUp.isError && <p role="alert">{problemText(signUp.error)}</p>}
        <button type="submit" className="primary" disabled={signUp.isPending} data-testid="sign-up-submit">
          {signUp.isPending ? 'Creating your account…' : 'Create account'}
        </button>
      </form>
      <p>
        Have an account? <a href={`/signin${window.location.search}`} onClick={followLink}>Sign in</a>
      </p>
    </main>
  )
}
