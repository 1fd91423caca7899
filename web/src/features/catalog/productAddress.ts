// A product's address, /products/{id}, as the service serves it (storefront.StorefrontPage).

/** No sign, no leading zero, below 2^53: one product has one address, and its id is the same number here as on the service. */
const PRODUCT_ID = /^[1-9][0-9]{0,14}$/

export const PRODUCT_PATH = /^\/products\/([^/]*)$/

export function productHref(id: number): string {
  return `/products/${id}`
}

/** The id an address names, or null when no product can have that address (`007`, `-1`, `mug`). */
export function parseProductId(segment: string): number | null {
  return PRODUCT_ID.test(segment) ? Number(segment) : null
}
