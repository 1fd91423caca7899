import type { CappedLine } from './types'

/** What the shopper is told when their cart from before signing in did not all fit into the account's; null when it did. */
export function mergeNotice(capped: readonly CappedLine[]): string | null {
  if (capped.length === 0) return null
  const lines = capped.map((line) =>
    line.kept === 0 ? `${line.name} could not be kept` : `only ${line.kept} of the ${line.requested} ${line.name} could be kept`)
  return `Your cart is now with your account, but not all of it fit (there is not enough left, or a line reached its limit): ${lines.join('; ')}.`
}
