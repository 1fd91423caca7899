// The service's cart, as every cart answer carries it (see the OpenAPI document at /v3/api-docs).

export type DiscountKind = 'PERCENT' | 'FIXED'

export interface Discount {
  code: string
  kind: DiscountKind
  amount: number
  minimumSubtotal: number
}

export interface CartLine {
  id: number
  productId: number
  name: string
  unitPrice: number
  quantity: number
  selected: boolean
  available: number
  lineTotal: number
}

/** A shipping method's rate to one destination: `price`, or nothing once the goods after the discount reach `freeFrom`. */
export interface ShippingRate {
  price: number
  freeFrom: number | null
}

/** `total = subtotal - discount + shipping`; a cart's shipping is 0 until checkout prices it. */
export interface Totals {
  itemCount: number
  selectedCount: number
  subtotal: number
  discount: number
  shipping: number
  total: number
  currency: string
}

export interface Cart {
  id: string
  version: number
  items: CartLine[]
  totals: Totals
  couponCode: string | null
  coupon: Discount | null
  /** Shoppers who use this cart: its owner and those who joined through an invitation. */
  members: number
}

/** An invitation link to one's own cart; `token` is its secret, shown only in this answer. */
export interface Invitation {
  token: string
  url: string
  expiresAt: string
}

/** What an invitation opens, shown before the shopper decides to join. */
export interface InvitationPreview {
  ownerName: string | null
  members: number
  itemCount: number
  expiresAt: string
}

/** `id` names the membership, never the shopper. */
export interface CartMember {
  id: string
  name: string | null
  joinedAt: string
}

export interface CartMembers {
  role: 'OWNER' | 'MEMBER'
  openInvitations: number
  members: CartMember[]
}
