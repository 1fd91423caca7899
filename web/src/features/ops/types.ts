// The operators' API (issue 13), as agreed with the service; written by hand until the API
// document has these calls, then to be taken from lib/api-types like the rest.

export interface OpsProduct {
  id: number
  name: string
  onHand: number
  reserved: number
  available: number
  openCheckouts: number
  stockVersion: number
}

export interface Items<T> {
  items: T[]
}

export type MovementKind = 'RESTOCK' | 'RESERVATION' | 'RELEASE' | 'SALE'

export interface Movement {
  id: number
  kind: MovementKind
  quantity: number
  onHandAfter: number
  reservedAfter: number
  checkoutId: string | null
  at: string
}

export interface MovementPage extends Items<Movement> {
  /** The `before` of the next (older) page; null on the last. */
  nextBefore: number | null
}

export interface DropSecond {
  at: string
  reserved: number
  sold: number
  released: number
  refused: number
}

export interface Drop {
  productId: number
  available: number
  series: DropSecond[]
}

export interface WaitingCheckout {
  checkoutId: string
  status: string
  quantity: number
  expiresAt: string
}

export interface OpsOrder {
  id: string
  createdAt: string
  email: string | null
  total: number
  currency: string
  status: string
  lines: { productId: number; name: string; quantity: number }[]
}

export type RefundStatus = 'REFUND_DUE' | 'REFUNDED' | 'REFUSED' | 'DEAD'

/** The brief named its state `state`; the service's RefundView (ops-api branch) calls it `status`, which this follows. */
export interface Refund {
  sessionId: string
  checkoutId: string
  amount: number
  currency: string
  reason: string
  attempts: number
  lastError: string | null
  status: RefundStatus
  createdAt: string
}
