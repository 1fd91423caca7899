import { describe, expect, it } from 'vitest'
import { covers, isSuperseded, mustSend, nextSeq, noteSeq } from './outbox'
import type { PendingChange } from './reconcile'

const product = { name: 'Copper Kettle', unitPrice: 4500, available: 3 }
const set = (productId: number, quantity: number): PendingChange => ({ kind: 'setQuantity', productId, quantity, product })
const select = (productId: number, selected = true): PendingChange => ({ kind: 'select', productId, selected, name: 'Copper Kettle' })
const remove = (productId: number): PendingChange => ({ kind: 'remove', productId, name: 'Copper Kettle' })
const selectAll = (selected = true): PendingChange => ({ kind: 'selectAll', selected })

describe('covers: a later change whose request sets all an earlier one would', () => {
  it('a quantity or a removal of the same product covers an earlier quantity or removal', () => {
    expect(covers(set(1, 3), set(1, 2))).toBe(true)
    expect(covers(remove(1), set(1, 2))).toBe(true)
    expect(covers(set(1, 1), remove(1))).toBe(true)
    expect(covers(remove(1), remove(1))).toBe(true)
  })

  it('nothing of another product covers a line', () => {
    expect(covers(set(2, 3), set(1, 2))).toBe(false)
    expect(covers(remove(2), select(1))).toBe(false)
    expect(covers(select(2), select(1))).toBe(false)
  })

  it('a selection is covered by a later selection of it, a select-all, or its removal', () => {
    expect(covers(select(1, false), select(1))).toBe(true)
    expect(covers(selectAll(false), select(1))).toBe(true)
    expect(covers(remove(1), select(1))).toBe(true)
  })

  it('a quantity sets no selection, and a selection no quantity', () => {
    expect(covers(set(1, 2), select(1))).toBe(false)
    expect(covers(select(1), set(1, 2))).toBe(false)
    expect(covers(selectAll(), set(1, 2))).toBe(false)
    expect(covers(selectAll(), remove(1))).toBe(false)
  })

  it('only a later select-all covers a select-all: one line does not set the others', () => {
    expect(covers(selectAll(false), selectAll())).toBe(true)
    expect(covers(select(1), selectAll())).toBe(false)
    expect(covers(remove(1), selectAll())).toBe(false)
  })
})

describe('isSuperseded', () => {
  it('looks only at changes made after this one', () => {
    const earlier = { change: set(1, 2), idempotencyKey: 'a', seq: 10 }
    const later = { change: set(1, 3), idempotencyKey: 'b', seq: 11 }

    expect(isSuperseded(earlier, [earlier, later])).toBe(true)
    expect(isSuperseded(later, [earlier, later])).toBe(false)
  })
})

describe('mustSend', () => {
  it('sends a covered change that already left once, so its copy still on the way cannot land after the later one', () => {
    const later = { change: set(1, 3), idempotencyKey: 'b', seq: 11 }

    expect(mustSend({ change: set(1, 2), idempotencyKey: 'a', seq: 10 }, [later])).toBe(false)
    expect(mustSend({ change: set(1, 2), idempotencyKey: 'a', seq: 10, sent: true }, [later])).toBe(true)
    expect(mustSend(later, [later])).toBe(true)
  })
})

describe('nextSeq', () => {
  it('grows strictly, past every restored change, even when the clock does not move', () => {
    const first = nextSeq()
    noteSeq(first + 1000)

    const second = nextSeq()
    const third = nextSeq()

    expect(second).toBeGreaterThan(first + 1000)
    expect(third).toBeGreaterThan(second)
  })
})
