import { describe, expect, it } from 'vitest'
import type { Cart } from '../cart/types'
import { checkoutTotals, chosenOption, deliveryTime } from './shipping'
import type { ShippingOption } from './types'

const STANDARD: ShippingOption = { method: 'STANDARD', name: 'Standard', price: 490, rate: { price: 490, freeFrom: 5000 }, minDays: 2, maxDays: 3 }
const EXPRESS: ShippingOption = { method: 'EXPRESS', name: 'Express', price: 990, rate: { price: 990, freeFrom: null }, minDays: 1, maxDays: 1 }

function cart(unitPrice: number, quantity: number, percentOff = 0): Cart {
  return {
    id: 'c', version: 1, members: 1, couponCode: percentOff ? 'OFF' : null,
    coupon: percentOff ? { code: 'OFF', kind: 'PERCENT', amount: percentOff, minimumSubtotal: 0 } : null,
    items: [
      { id: 1, productId: 1, name: 'Kettle', unitPrice, quantity, selected: true, available: 9, lineTotal: unitPrice * quantity },
      { id: 2, productId: 2, name: 'Not bought', unitPrice: 99_999, quantity: 1, selected: false, available: 9, lineTotal: 99_999 },
    ],
    totals: { itemCount: 0, selectedCount: 0, subtotal: 0, discount: 0, shipping: 0, total: 0, currency: 'EUR' },
  }
}

describe('checkout totals with shipping', () => {
  it('adds the chosen method to the selected lines after the discount', () => {
    expect(checkoutTotals(cart(1000, 2), EXPRESS)).toEqual({
      itemCount: 3, selectedCount: 2, subtotal: 2000, discount: 0, shipping: 990, total: 2990, currency: 'EUR',
    })
  })

  it('ships free from the threshold, counted after the discount', () => {
    expect(checkoutTotals(cart(2500, 2), STANDARD).shipping).toBe(0)
    expect(checkoutTotals(cart(2500, 2, 10), STANDARD)).toMatchObject({ subtotal: 5000, discount: 500, shipping: 490, total: 4990 })
    expect(checkoutTotals(cart(2500, 2), EXPRESS).shipping).toBe(990)
  })

  it('has no shipping before a method is known', () => {
    expect(checkoutTotals(cart(1000, 1), null)).toMatchObject({ shipping: 0, total: 1000 })
  })
})

describe('the chosen method', () => {
  it('stays when the new country offers it, else falls back to the first offered', () => {
    expect(chosenOption([STANDARD, EXPRESS], 'EXPRESS')).toBe(EXPRESS)
    expect(chosenOption([STANDARD], 'EXPRESS')).toBe(STANDARD)
    expect(chosenOption([], 'EXPRESS')).toBeNull()
  })

  it('says how long delivery takes', () => {
    expect(deliveryTime(EXPRESS)).toBe('Next working day')
    expect(deliveryTime(STANDARD)).toBe('2–3 working days')
    expect(deliveryTime({ minDays: 4, maxDays: 4 })).toBe('4 working days')
  })
})
