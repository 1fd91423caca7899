// Coalescing one line's quantity changes. The screen follows every click at once; the network
// carries at most one request per line at a time, and when it settles, one more with the
// latest target if the shopper moved on meanwhile. Five quick "+" send at most two requests.

export interface LineQueue {
  /** The quantity of the request on its way, or null when none is. */
  inFlight: number | null
  /** The newest quantity asked for while a request was on its way. */
  waiting: number | null
}

export interface Step {
  queue: LineQueue
  /** The quantity to send now, or null to send nothing. */
  send: number | null
}

export const idle: LineQueue = { inFlight: null, waiting: null }

export function requestQuantity(queue: LineQueue, quantity: number): Step {
  if (queue.inFlight === null) return { queue: { inFlight: quantity, waiting: null }, send: quantity }
  return { queue: { inFlight: queue.inFlight, waiting: quantity }, send: null }
}

/** The request on its way has settled, whether it succeeded or failed. */
export function settled(queue: LineQueue): Step {
  if (queue.waiting !== null && queue.waiting !== queue.inFlight) {
    return { queue: { inFlight: queue.waiting, waiting: null }, send: queue.waiting }
  }
  return { queue: idle, send: null }
}
