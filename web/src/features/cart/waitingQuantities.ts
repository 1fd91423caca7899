import { createStore, useStore } from '../../lib/store'
import { idle, requestQuantity, settled, type LineQueue } from './lineQueue'
import type { PendingChange } from './reconcile'

// The quantities shoppers clicked to while a request for that line was still on its way. They
// show at once, like pending changes, and leave as one request when the line is free.

let queues = new Map<number, LineQueue>()
const waiting = createStore<PendingChange[]>([])

function store(productId: number, queue: LineQueue) {
  queues = new Map(queues)
  if (queue.inFlight === null && queue.waiting === null) queues.delete(productId)
  else queues.set(productId, queue)
  waiting.set(
    [...queues.entries()]
      .filter(([, line]) => line.waiting !== null)
      .map(([id, line]) => ({ kind: 'setQuantity', productId: id, quantity: line.waiting as number })),
  )
}

/** Asks for a quantity; `send` is called when (and only when) a request should leave now. */
export function askQuantity(productId: number, quantity: number, send: (quantity: number) => Promise<unknown>): void {
  const step = requestQuantity(queues.get(productId) ?? idle, quantity)
  store(productId, step.queue)
  if (step.send !== null) void dispatch(productId, step.send, send)
}

async function dispatch(productId: number, quantity: number, send: (quantity: number) => Promise<unknown>) {
  await send(quantity)
  const step = settled(queues.get(productId) ?? idle)
  store(productId, step.queue)
  if (step.send !== null) void dispatch(productId, step.send, send)
}

export function useWaitingQuantities(): PendingChange[] {
  return useStore(waiting)
}
