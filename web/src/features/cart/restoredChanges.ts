import { partialMatchKey, type DehydratedState } from '@tanstack/react-query'
import { showToast } from '../../lib/toasts'
import { nameOf } from './cartChange'
import { bySeq, covers, noteSeq, type CartChangeVariables } from './outbox'
import { cartKeys } from './queries'

/** How long the service remembers an Idempotency-Key (CARTWRIGHT_IDEMPOTENCY_RETENTION, 24 hours by default). */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000

type DehydratedMutation = DehydratedState['mutations'][number]

const variablesOf = (mutation: DehydratedMutation) => mutation.state.variables as CartChangeVariables

function dayOf(submittedAt: number, now: number): string {
  const date = new Date(submittedAt)
  if (date.toDateString() === new Date(now - KEY_RETENTION_MS).toDateString()) return 'yesterday'
  return date.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })
}

/**
 * Cart changes a page left behind, made ready to resume: in the order they were made, and without
 * those older than the service's memory of their keys, which could no longer be told from a
 * change made twice. The shopper hears of each of those they still meant (one no later change
 * replaced), and new changes are numbered after every restored one.
 */
export function prepareRestoredChanges(state: DehydratedState, now = Date.now()): DehydratedState {
  const isChange = (mutation: DehydratedMutation) => partialMatchKey(mutation.mutationKey ?? [], cartKeys.changes())
  const changes = state.mutations.filter(isChange).sort((a, b) => bySeq(variablesOf(a), variablesOf(b)))
  const expired = (mutation: DehydratedMutation) => now - mutation.state.submittedAt >= KEY_RETENTION_MS
  for (const mutation of changes) {
    const mine = variablesOf(mutation)
    noteSeq(mine.seq)
    const replaced = changes.some((other) => variablesOf(other).seq > mine.seq && covers(variablesOf(other).change, mine.change))
    if (expired(mutation) && !replaced) {
      showToast(`Your change to ${nameOf(mine.change)} from ${dayOf(mutation.state.submittedAt, now)} was not saved. Please make it again.`)
    }
  }
  return { ...state, mutations: [...state.mutations.filter((mutation) => !isChange(mutation)), ...changes.filter((mutation) => !expired(mutation))] }
}
