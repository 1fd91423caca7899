import { describe, expect, it } from 'vitest'
import { parseProductId, PRODUCT_PATH, productHref } from './productAddress'

describe("a product's address", () => {
  it('names the product by its id', () => {
    expect(productHref(42)).toBe('/products/42')
    expect(parseProductId('42')).toBe(42)
    expect(PRODUCT_PATH.exec(productHref(7))?.[1]).toBe('7')
  })

  it('is one spelling only, as on the service: no sign, no leading zero, no fraction, nothing beyond 2^53', () => {
    for (const segment of ['', '0', '007', '-1', '+1', '1.5', '1e3', 'mug', ' 1', '9999999999999999']) {
      expect(parseProductId(segment), segment).toBeNull()
    }
    expect(parseProductId('999999999999999')).toBe(999_999_999_999_999)
  })
})
