import { describe, expect, it } from 'vitest'
import { idle, requestQuantity, settled, type LineQueue } from './lineQueue'

function clicks(targets: number[], start: LineQueue = idle) {
  let queue = start
  const sent: number[] = []
  for (const target of targets) {
    const step = requestQuantity(queue, target)
    queue = step.queue
    if (step.send !== null) sent.push(step.send)
  }
  return { queue, sent }
}

describe('coalescing one line', () => {
  it('five quick clicks send the first at once and the latest when it settles: two requests', () => {
    const { queue, sent } = clicks([2, 3, 4, 5, 6])
    expect(sent).toEqual([2])

    const next = settled(queue)
    expect(next.send).toBe(6)
    expect(settled(next.queue)).toEqual({ queue: idle, send: null })
  })

  it('sends nothing more when the shopper came back to what is on its way', () => {
    const { queue } = clicks([2, 3, 2])

    expect(settled(queue)).toEqual({ queue: idle, send: null })
  })

  it('sends at once when nothing is on its way', () => {
    expect(requestQuantity(idle, 4)).toEqual({ queue: { inFlight: 4, waiting: null }, send: 4 })
  })
})
