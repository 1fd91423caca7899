import type { components } from '../../lib/api-types'

// The operators' API: the types generated from the service's OpenAPI document
// (spec/openapi.json, `npm run api-types`), named as the console speaks of them.
type Schemas = components['schemas']

export interface Items<T> {
  items: T[]
}

export type OpsProduct = Schemas['StockedProduct']
/** `quantity` is signed: what the movement added to on hand (RESTOCK, SALE) or to reserved (RESERVATION, RELEASE, SALE). */
export type Movement = Schemas['StockMovement']
export type MovementKind = Movement['kind']
/** `nextBefore` is the `before` of the next (older) page; null on the last. */
export type MovementPage = Schemas['MovementPage']
export type DropSecond = Schemas['DropSecond']
export type Drop = Schemas['Drop']
export type WaitingCheckout = Schemas['Waiting']
export type OpsOrder = Schemas['OperatorOrder']
export type Refund = Schemas['RefundView']
export type RefundStatus = Refund['status']
