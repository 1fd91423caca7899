import type { Cart, Totals } from '../cart/types'

export interface ShippingAddress {
  name: string
  line1: string
  line2: string | null
  city: string
  postalCode: string
  country: string
}

export type CheckoutStatus = 'RESERVED' | 'PAYMENT_PENDING' | 'PAID' | 'FAILED' | 'CANCELLED' | 'EXPIRED'

export interface Checkout {
  id: string
  status: CheckoutStatus
  expiresAt: string
  lines: Array<{ cartItemId: number; productId: number; name: string; unitPrice: number; quantity: number; lineTotal: number }>
  totals: Totals
  couponCode: string | null
  shippingAddress: ShippingAddress
  orderId: string | null
}

export interface Unavailable {
  cartItemId: number
  productId: number
  name: string
  requested: number
  available: number
}

export interface StockConflict {
  unavailable: Unavailable[]
  cart: Cart
}
