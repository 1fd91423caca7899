import type { SignedIn } from './types'

type Merge = NonNullable<SignedIn['merged']>

/**
 * What the shopper is told when signing in changed what they had as a guest: lines that did not
 * all fit into the account's cart, and checkouts given up because the account holds as many as it
 * may. Null when nothing changed.
 */
export function mergeNotice({ capped, cancelledCheckouts }: Pick<Merge, 'capped' | 'cancelledCheckouts'>): string | null {
  const parts: string[] = []
  if (capped.length > 0) {
    const lines = capped.map((line) =>
      line.kept === 0 ? `${line.name} could not be kept` : `only ${line.kept} of the ${line.requested} ${line.name} could be kept`)
    parts.push(`Your cart is now with your account, but not all of it fit (there is not enough left, or a line reached its limit): ${lines.join('; ')}.`)
  }
  if (cancelledCheckouts.length > 0) {
    const one = cancelledCheckouts.length === 1
    parts.push(`${one ? 'A checkout' : `${cancelledCheckouts.length} checkouts`} you started before signing in `
      + `${one ? 'was' : 'were'} cancelled and ${one ? 'its' : 'their'} items released, since your account already holds `
      + 'as many reservations as it may. Check out again from your cart.')
  }
  return parts.length > 0 ? parts.join(' ') : null
}
