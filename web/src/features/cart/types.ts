import type { components } from '../../lib/api-types'

// The service's cart, as every cart answer carries it: the types generated from its OpenAPI
// document (spec/openapi.json, `npm run api-types`), named as the web app speaks of them.
type Schemas = components['schemas']

export type Discount = Schemas['Discount']
export type DiscountKind = Discount['kind']
export type CartLine = Schemas['CartLine']
/** A shipping method's rate to one destination: `price`, or nothing once the goods after the discount reach `freeFrom`. */
export type ShippingRate = Schemas['ShippingRate']
/** `total = subtotal - discount + shipping`; a cart's shipping is 0 until checkout prices it. */
export type Totals = Schemas['Totals']
/** `members` counts the shoppers who use this cart: its owner and those who joined through an invitation. */
export type Cart = Schemas['CartView']
/** An invitation link to one's own cart; `token` is its secret, shown only in this answer. */
export type Invitation = Schemas['Invitation']
/** What an invitation opens, shown before the shopper decides to join. */
export type InvitationPreview = Schemas['Preview']
/** `id` names the membership, never the shopper. */
export type CartMember = Schemas['Member']
export type CartMembers = Schemas['Members']
