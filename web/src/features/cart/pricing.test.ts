import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { totals, type PricedLine } from './pricing'
import type { Discount, ShippingRate, Totals } from './types'

interface Vector {
  name: string
  currency: string
  lines: PricedLine[]
  coupon: Discount | null
  shipping: ShippingRate | null
  totals: Totals
}

// The same file the Java tests check: one set of pricing rules, two implementations.
const vectors: { cases: Vector[] } = JSON.parse(
  readFileSync(new URL('../../../../spec/pricing-vectors.json', import.meta.url), 'utf8'),
)

describe('pricing agrees with the shared vectors', () => {
  it('has cases to check', () => {
    expect(vectors.cases.length).toBeGreaterThan(10)
  })

  it.each(vectors.cases.map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    expect(totals(vector.lines, vector.currency, vector.coupon, vector.shipping)).toEqual(vector.totals)
  })
})
