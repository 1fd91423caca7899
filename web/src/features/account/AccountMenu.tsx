import { useQuery } from '@tanstack/react-query'
import { followLink, navigate, usePath } from '../../lib/router'
import { showToast } from '../../lib/toasts'
import { problemText } from './problemText'
import { accountQueryOptions } from './queries'
import { useSignOut } from './useSignOut'

/** The header's corner: "Sign in" for a guest; the account's name and "Sign out" once signed in. */
export function AccountMenu() {
  const { data: account } = useQuery(accountQueryOptions())
  const signOut = useSignOut()
  const path = usePath()
  if (!account) {
    if (path === '/signin' || path === '/signup') return null
    const next = path === '/' ? '' : `?next=${encodeURIComponent(path)}`
    return (
      <a className="account-link" href={`/signin${next}`} onClick={followLink} data-testid="sign-in-link">
        Sign in
      </a>
    )
  }
  return (
    <span className="account-menu">
      <span data-testid="account-name">Hi, {account.name}</span>
      <button
        type="button"
        className="link"
        data-testid="sign-out"
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, {
          onSuccess: () => navigate('/'),
          onError: (error) => showToast(`You are still signed in. ${problemText(error)}`),
        })}
      >
        Sign out
      </button>
    </span>
  )
}
