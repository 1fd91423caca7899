import type { QueryClient } from '@tanstack/react-query'
import { api } from '../../lib/api'
import { showToast } from '../../lib/toasts'
import { cartChangesSettled } from '../cart/cartChange'
import { cartKeys, writeCart } from '../cart/queries'
import { mergeNotice } from './mergeNotice'
import { forgetPreviousShopper } from './queries'
import type { Credentials, NewAccount, SignedIn } from './types'

/** How long signing in or out waits for cart changes still on their way, so that they reach the cart they were made in. */
export const SETTLE_LIMIT_MS = 10_000

export async function signInThrough(client: QueryClient, path: string, body: Credentials | NewAccount): Promise<SignedIn> {
  await cartChangesSettled(client, SETTLE_LIMIT_MS)
  return api<SignedIn>(path, { method: 'POST', body })
}

/** The account's cart, with the guest's joined, replaces the guest's on screen; what did not fit is said. */
export function showSignedIn(client: QueryClient, answer: SignedIn): void {
  forgetPreviousShopper(client, { email: answer.email, name: answer.name })
  if (answer.merged) {
    writeCart(client, answer.merged.cart)
    const notice = mergeNotice(answer.merged)
    if (notice) showToast(notice, 12_000)
  } else {
    void client.invalidateQueries({ queryKey: cartKeys.all })
  }
}

/** Where to go after signing in: a path of this shop from `?next=`, never another site. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next')
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/'
}
