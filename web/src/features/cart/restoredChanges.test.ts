import type { DehydratedState } from '@tanstack/react-query'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CartChangeVariables } from './outbox'
import type { PendingChange } from './reconcile'
import { KEY_RETENTION_MS, prepareRestoredChanges } from './restoredChanges'

const toasts = vi.hoisted(() => [] as string[])
vi.mock('../../lib/toasts', () => ({ showToast: (message: string) => toasts.push(message) }))

const now = new Date(2026, 2, 11, 9, 0).getTime()
const kettle = { name: 'Copper Kettle', unitPrice: 4500, available: 3 }

function restored(...changes: Array<[seq: number, submittedAt: number, change: PendingChange]>): DehydratedState {
  return {
    queries: [],
    mutations: changes.map(([seq, submittedAt, change]) => ({
      mutationKey: ['cart', 'change'],
      state: {
        status: 'pending', isPaused: true, submittedAt, variables: { change, idempotencyKey: `key-${seq}`, seq } satisfies CartChangeVariables,
        context: undefined, data: undefined, error: null, failureCount: 0, failureReason: null,
      },
    })),
  }
}

const seqs = (state: DehydratedState) => state.mutations.map((mutation) => (mutation.state.variables as CartChangeVariables).seq)

beforeEach(() => {
  toasts.length = 0
})

describe('changes a page left behind', () => {
  it('resume in the order they were made, whatever order they were stored in', () => {
    const set = (quantity: number): PendingChange => ({ kind: 'setQuantity', productId: 1, quantity, product: kettle })

    expect(seqs(prepareRestoredChanges(restored([3, now, set(3)], [1, now, set(1)], [2, now, set(2)]), now))).toEqual([1, 2, 3])
  })

  it('one older than the service keeps its key is dropped, and the shopper told, naming the product', () => {
    const yesterday = now - KEY_RETENTION_MS - 60_000

    const state = prepareRestoredChanges(restored([1, yesterday, { kind: 'setQuantity', productId: 1, quantity: 2, product: kettle }], [2, now, { kind: 'selectAll', selected: true }]), now)

    expect(seqs(state)).toEqual([2])
    expect(toasts).toEqual(['Your change to Copper Kettle from yesterday was not saved. Please make it again.'])
  })

  it('an old change a later one replaced is dropped without a word: only what the shopper still meant is told', () => {
    const old = now - KEY_RETENTION_MS - 60_000

    const state = prepareRestoredChanges(
      restored(
        [1, old, { kind: 'setQuantity', productId: 1, quantity: 2, product: kettle }],
        [2, old, { kind: 'setQuantity', productId: 1, quantity: 3, product: kettle }],
        [3, old, { kind: 'remove', productId: 1, name: 'Copper Kettle' }],
      ),
      now,
    )

    expect(state.mutations).toEqual([])
    expect(toasts).toEqual(['Your change to Copper Kettle from yesterday was not saved. Please make it again.'])
  })
})
