import type { components } from '../../lib/api-types'

type Schemas = components['schemas']

export type Account = Schemas['AccountView']
/** A line of the guest's cart that could not all join the account's: `requested` both carts' units, `kept` what the line holds now. */
export type CappedLine = Schemas['Capped']
/** The answer to signing in or up: the account, and the cart the guest's joined (none when the browser was signed in already). */
export type SignedIn = Schemas['SignedIn']
export type Credentials = Schemas['SignInRequest']
export type NewAccount = Schemas['SignUpRequest']
