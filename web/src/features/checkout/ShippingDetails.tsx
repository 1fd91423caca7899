import type { ShippingAddress, ShippingMethod } from './types'

const METHOD_NAMES: Record<ShippingMethod, string> = { STANDARD: 'Standard', EXPRESS: 'Express' }
const REGIONS = new Intl.DisplayNames('en', { type: 'region' })

/** Where an order goes and how: the address as a label would read, and the shipping method. */
/** `method` as an order stored it: a method this page does not know yet is shown by its name. */
export function ShippingDetails({ address, method }: { address: ShippingAddress; method: string }) {
  return (
    <section className="shipping-details" aria-labelledby="ship-to-heading">
      <h2 id="ship-to-heading">Shipping</h2>
      <address data-testid="shipping-address">
        {address.name}<br />
        {address.line1}<br />
        {address.line2 && <>{address.line2}<br /></>}
        {address.postalCode} {address.city}<br />
        {REGIONS.of(address.country) ?? address.country}
      </address>
      <p data-testid="shipping-method">{METHOD_NAMES[method as ShippingMethod] ?? method} shipping</p>
    </section>
  )
}
