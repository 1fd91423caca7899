import type { Cart } from '../cart/types'

export interface Account {
  email: string
  name: string
}

/** A line of the guest's cart that could not all join the account's: `requested` both carts' units, `kept` what the line holds now. */
export interface CappedLine {
  productId: number
  name: string
  requested: number
  kept: number
}

/** The answer to signing in or up: the account, and the cart the guest's joined (none when the browser was signed in already). */
export interface SignedIn extends Account {
  merged: { cart: Cart; capped: CappedLine[] } | null
}

export interface Credentials {
  email: string
  password: string
}

export interface NewAccount extends Credentials {
  name: string
}
