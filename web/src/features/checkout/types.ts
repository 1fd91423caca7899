import type { Cart, ShippingRate, Totals } from '../cart/types'

export interface ShippingAddress {
  name: string
  line1: string
  line2: string | null
  city: string
  postalCode: string
  country: string
}

export type CheckoutStatus = 'RESERVED' | 'PAYMENT_PENDING' | 'PAID' | 'FAILED' | 'CANCELLED' | 'EXPIRED'

export type ShippingMethod = 'STANDARD' | 'EXPRESS'

export type ShippingZone = 'DOMESTIC' | 'EU' | 'WORLD'

/** One method to a destination: `price` for the cart as it is now, `rate` to price it as the cart changes. */
export interface ShippingOption {
  method: ShippingMethod
  name: string
  price: number
  rate: ShippingRate
  minDays: number
  maxDays: number
}

/** `GET /api/shipping/methods?country=`: `goods` is the cart's subtotal after the discount. */
export interface ShippingQuote {
  country: string
  zone: ShippingZone
  goods: number
  currency: string
  methods: ShippingOption[]
}

export interface Checkout {
  id: string
  status: CheckoutStatus
  expiresAt: string
  lines: Array<{ cartItemId: number; productId: number; name: string; unitPrice: number; quantity: number; lineTotal: number }>
  totals: Totals
  couponCode: string | null
  shippingAddress: ShippingAddress
  shippingMethod: ShippingMethod
  /** Whether `POST /api/checkouts/{id}/payment` may be asked now: reserved, being paid, or declined ("Try again"). */
  payable: boolean
  orderId: string | null
}

export interface OrderLine {
  productId: number
  name: string
  unitPrice: number
  quantity: number
  lineTotal: number
}

/** An order; `total = subtotal - discount + shipping`. */
export interface Order {
  id: string
  checkoutId: string
  status: 'PAID'
  lines: OrderLine[]
  subtotal: number
  discount: number
  shipping: number
  total: number
  currency: string
  couponCode: string | null
  shippingAddress: ShippingAddress
  shippingMethod: ShippingMethod
  createdAt: string
}

/** `GET /api/orders?cursor=&limit=`: newest first; `nextCursor` is null on the last page. */
export interface OrderPage {
  items: Order[]
  nextCursor: string | null
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
