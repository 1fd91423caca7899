import type { ShippingAddress } from './types'

// The same rules the service applies (order.ShippingAddress), checked as the shopper types; the
// service checks again and its answer wins.

export type AddressErrors = Partial<Record<keyof ShippingAddress, string>>

const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]*$/
const COUNTRY = /^[A-Z]{2}$/

export function validateAddress(address: ShippingAddress): AddressErrors {
  const errors: AddressErrors = {}
  const required = (field: keyof ShippingAddress, label: string, max: number) => {
    const value = (address[field] ?? '').trim()
    if (value === '') errors[field] = `Enter your ${label}.`
    else if (value.length > max) errors[field] = `Use at most ${max} characters.`
  }
  required('name', 'name', 100)
  required('line1', 'street and number', 200)
  required('city', 'city', 100)
  required('postalCode', 'postal code', 20)
  if (!errors.postalCode && !POSTAL_CODE.test(address.postalCode.trim())) errors.postalCode = 'Use letters, digits, spaces or dashes.'
  if ((address.line2 ?? '').length > 200) errors.line2 = 'Use at most 200 characters.'
  if (!COUNTRY.test(address.country)) errors.country = 'Choose a country.'
  return errors
}
