import type { components } from '../../lib/api-types'

// The service's checkouts, shipping and orders: the types generated from its OpenAPI document
// (spec/openapi.json, `npm run api-types`), named as the web app speaks of them.
type Schemas = components['schemas']

export type ShippingAddress = Schemas['ShippingAddress']
/** Whether `POST /api/checkouts/{id}/payment` may be asked now is `payable`: reserved, being paid, or declined ("Try again"). */
export type Checkout = Schemas['CheckoutView']
export type CheckoutStatus = Checkout['status']
export type ShippingMethod = Checkout['shippingMethod']
/** One method to a destination: `price` for the cart as it is now, `rate` to price it as the cart changes. */
export type ShippingOption = Schemas['ShippingOption']
/** `GET /api/shipping/methods?country=`: `goods` is the cart's subtotal after the discount. */
export type ShippingQuote = Schemas['ShippingQuote']
export type ShippingZone = ShippingQuote['zone']
export type OrderLine = Schemas['OrderLine']
/** An order; `total = subtotal - discount + shipping`. */
export type Order = Schemas['OrderView']
/** `GET /api/orders?cursor=&limit=`: newest first; `nextCursor` is null on the last page. */
export type OrderPage = Schemas['OrderPage']
export type Unavailable = Schemas['Unavailable']
/** The members of a 409 STOCK_CONFLICT that the storefront uses. */
export type StockConflict = Pick<Schemas['StockConflictProblem'], 'unavailable' | 'cart'>
