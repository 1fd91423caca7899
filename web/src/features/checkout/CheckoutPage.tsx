import { useIsMutating, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { ApiProblem } from '../../lib/api'
import { navigate } from '../../lib/router'
import { cartKeys } from '../cart/queries'
import { useVisibleCart } from '../cart/useVisibleCart'
import { validateAddress, type AddressErrors } from './address'
import { LineList } from './LineList'
import { shippingQueryOptions } from './queries'
import { checkoutTotals, chosenOption } from './shipping'
import { ShippingChoice } from './ShippingChoice'
import { TotalsList } from './TotalsList'
import type { ShippingAddress, ShippingMethod, StockConflict } from './types'
import { usePlaceOrder } from './usePlaceOrder'
import { useValidateCoupon } from './useValidateCoupon'

const COUNTRIES: Array<[string, string]> = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['CH', 'Switzerland'], ['DE', 'Germany'], ['DK', 'Denmark'], ['ES', 'Spain'],
  ['FI', 'Finland'], ['FR', 'France'], ['GB', 'United Kingdom'], ['IE', 'Ireland'], ['IT', 'Italy'], ['NL', 'Netherlands'],
  ['NO', 'Norway'], ['PL', 'Poland'], ['PT', 'Portugal'], ['SE', 'Sweden'], ['US', 'United States'],
]

const FIELDS: Array<[keyof ShippingAddress, string, string]> = [
  ['name', 'Full name', 'name'],
  ['line1', 'Street and number', 'address-line1'],
  ['line2', 'Apartment, floor (optional)', 'address-line2'],
  ['city', 'City', 'address-level2'],
  ['postalCode', 'Postal code', 'postal-code'],
]

export function CheckoutPage() {
  const { cart } = useVisibleCart()
  const [address, setAddress] = useState<ShippingAddress>({ name: '', line1: '', line2: null, city: '', postalCode: '', country: '' })
  const [touched, setTouched] = useState<Set<keyof ShippingAddress>>(new Set())
  const [coupon, setCoupon] = useState('')
  const [method, setMethod] = useState<ShippingMethod>('STANDARD')
  const [conflict, setConflict] = useState<StockConflict | null>(null)
  const validateCoupon = useValidateCoupon()
  const placeOrder = usePlaceOrder(setConflict)
  // A change still on its way would be missing from what is reserved: the order waits for the cart.
  const savingCart = useIsMutating({ mutationKey: cartKeys.changes() }) > 0

  const errors: AddressErrors = validateAddress(address)
  const serverErrors = serverFieldErrors(placeOrder.error)
  const shown = (field: keyof ShippingAddress) => (touched.has(field) ? errors[field] : undefined) ?? serverErrors[field]
  const selected = cart?.items.filter((line) => line.selected) ?? []
  const quote = useQuery(shippingQueryOptions(address.country))
  const shipping = chosenOption(quote.data?.methods ?? [], method)
  const findingShipping = address.country !== '' && quote.isPending

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    setTouched(new Set(Object.keys(address) as Array<keyof ShippingAddress>))
    if (Object.keys(errors).length > 0 || selected.length === 0 || savingCart || shipping === null) return
    setConflict(null)
    placeOrder.place({ ...address, line2: address.line2 || null }, { couponCode: cart?.couponCode ?? null, shippingMethod: shipping.method })
  }

  return (
    <main className="checkout">
      <h1>Checkout</h1>
      {conflict && (
        <section className="conflict" role="alert">
          <h2>Not everything is available any more</h2>
          <ul>
            {conflict.unavailable.map((line) => (
              <li key={line.productId}>
                {line.name}: you wanted {line.requested},{' '}
                {line.available === 0 ? 'it is sold out and was removed from your cart.' : `only ${line.available} left — your cart now has ${line.available}.`}
              </li>
            ))}
          </ul>
          <p>Nothing was reserved. Your cart now holds what is left; check the total below and reserve again.</p>
        </section>
      )}
      {cart && (
        <section aria-labelledby="bought-heading">
          <h2 id="bought-heading">Your items ({cart.totals.selectedCount})</h2>
          <LineList lines={selected} currency={cart.totals.currency} label="Items you are buying" />
        </section>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Shipping address</legend>
          {FIELDS.map(([field, label, autoComplete]) => (
            <label key={field} className="field">
              {label}
              <input
                name={field}
                autoComplete={autoComplete}
                value={address[field] ?? ''}
                aria-invalid={shown(field) ? true : undefined}
                onChange={(event) => setAddress({ ...address, [field]: event.target.value })}
                onBlur={() => setTouched(new Set(touched).add(field))}
              />
              {shown(field) && <span className="error">{shown(field)}</span>}
            </label>
          ))}
          <label className="field">
            Country
            <select
              name="country"
              autoComplete="country"
              value={address.country}
              aria-invalid={shown('country') ? true : undefined}
              onChange={(event) => setAddress({ ...address, country: event.target.value })}
              onBlur={() => setTouched(new Set(touched).add('country'))}
            >
              <option value="">Choose…</option>
              {COUNTRIES.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
            </select>
            {shown('country') && <span className="error">{shown('country')}</span>}
          </label>
        </fieldset>
        {cart && <ShippingChoice country={address.country} quote={quote} cart={cart} chosen={shipping} onChoose={setMethod} />}
        <fieldset>
          <legend>Coupon</legend>
          <div className="coupon">
            <input
              aria-label="Coupon code"
              data-testid="coupon-input"
              value={coupon}
              onChange={(event) => setCoupon(event.target.value)}
            />
            <button
              type="button"
              data-testid="coupon-apply"
              disabled={coupon.trim() === '' || validateCoupon.isPending}
              onClick={() => validateCoupon.mutate(coupon.trim())}
            >
              {validateCoupon.isPending ? 'Checking…' : 'Apply'}
            </button>
          </div>
          {validateCoupon.isError && <p className="error" role="alert">{messageOf(validateCoupon.error)}</p>}
          {cart?.couponCode && <p className="ok">Coupon {cart.couponCode} applied.</p>}
        </fieldset>
        {cart && (
          <TotalsList totals={checkoutTotals(cart, shipping)} shippingNote={shipping !== null ? undefined : address.country === '' ? 'Choose your country' : '…'} />
        )}
        {placeOrder.isError && !conflict && <p className="error" role="alert">{messageOf(placeOrder.error)}</p>}
        <div className="actions">
          <button type="button" className="link" onClick={() => navigate('/')}>Back to the shop</button>
          <button type="submit" className="primary" data-testid="place-order" disabled={placeOrder.isPending || savingCart || findingShipping || selected.length === 0}>
            {placeOrder.isPending ? 'Reserving…' : savingCart ? 'Saving your cart…' : findingShipping ? 'Finding shipping…' : 'Reserve and pay'}
          </button>
        </div>
      </form>
    </main>
  )
}

function messageOf(error: unknown): string {
  return error instanceof ApiProblem ? error.detail : 'The shop could not be reached. Check your connection and try again.'
}

function serverFieldErrors(error: unknown): AddressErrors {
  if (!(error instanceof ApiProblem) || !Array.isArray(error.body.errors)) return {}
  const errors: AddressErrors = {}
  for (const { field, detail } of error.body.errors as Array<{ field: string; detail: string }>) {
    const name = field.replace('shippingAddress.', '') as keyof ShippingAddress
    errors[name] = `This ${detail}.`
  }
  return errors
}
