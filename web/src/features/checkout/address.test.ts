import { describe, expect, it } from 'vitest'
import { validateAddress } from './address'

const valid = { name: 'Ada Lovelace', line1: '12 St James’s Square', line2: null, city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' }

describe('validateAddress', () => {
  it('accepts a complete address', () => {
    expect(validateAddress(valid)).toEqual({})
  })

  it('names every missing or malformed field', () => {
    expect(validateAddress({ ...valid, name: ' ', city: 'x'.repeat(101), postalCode: '12!45', country: '' })).toEqual({
      name: 'Enter your name.',
      city: 'Use at most 100 characters.',
      postalCode: 'Use letters, digits, spaces or dashes.',
      country: 'Choose a country.',
    })
  })
})
