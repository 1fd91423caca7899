import type { PendingChange } from './reconcile'

// The outbox is the mutation cache: every click is one persisted mutation, numbered in the order
// it was made. These pure rules decide which of them still need to reach the server.

/** What a cart change mutation carries: the change, the key that makes its retries harmless, and its place in line. */
export interface CartChangeVariables {
  change: PendingChange
  idempotencyKey: string
  seq: number
}

/**
 * Whether a later change makes an earlier one pointless to send: the later one's request sets
 * everything the earlier one's would. A quantity or a removal sets the whole line; a selection only
 * the line's selection, which a removal or select-all sets too.
 */
export function covers(later: PendingChange, earlier: PendingChange): boolean {
  switch (earlier.kind) {
    case 'setQuantity':
    case 'remove':
      return (later.kind === 'setQuantity' || later.kind === 'remove') && later.productId === earlier.productId
    case 'select':
      return later.kind === 'selectAll' || ((later.kind === 'select' || later.kind === 'remove') && later.productId === earlier.productId)
    case 'selectAll':
      return later.kind === 'selectAll'
  }
}

/** Whether any change made after this one covers it, among those still waiting. */
export function isSuperseded(mine: CartChangeVariables, waiting: readonly CartChangeVariables[]): boolean {
  return waiting.some((other) => other.seq > mine.seq && covers(other.change, mine.change))
}

export const bySeq = (a: { seq: number }, b: { seq: number }) => a.seq - b.seq

let lastSeq = 0

/**
 * The next change's number: after every change made before it, in this page or a page before it
 * (restored changes report theirs through `noteSeq`), and after the clock, which a reload does not
 * take back.
 */
export function nextSeq(): number {
  lastSeq = Math.max(Date.now(), lastSeq + 1)
  return lastSeq
}

export function noteSeq(seq: number): void {
  lastSeq = Math.max(lastSeq, seq)
}
