import type { PendingChange } from './reconcile'

// The outbox is the mutation cache: every click is one persisted mutation, numbered in the order
// it was made. These pure rules decide which of them still need to reach the server.

/** What a cart change mutation carries: the change, the key that makes its retries harmless, and its place in line. */
export interface CartChangeVariables {
  change: PendingChange
  idempotencyKey: string
  seq: number
  /** Set when its request first leaves, and persisted with it: from then on it may have reached the server. */
  sent?: true
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

/**
 * Whether a change must go to the server when its turn comes. One that a later change covers is
 * not sent, unless it already was: a request that may still be on its way (a reload, a timeout)
 * could land after the later change; sent again with its key, it lands first, and its copy on the
 * way is then a repeat the server answers without applying (or holds off with
 * IDEMPOTENCY_KEY_IN_USE until it has).
 */
export function mustSend(mine: CartChangeVariables, waiting: readonly CartChangeVariables[]): boolean {
  return mine.sent === true || !isSuperseded(mine, waiting)
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
