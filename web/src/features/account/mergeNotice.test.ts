import { describe, expect, it } from 'vitest'
import { mergeNotice } from './mergeNotice'

describe('mergeNotice', () => {
  it('says nothing when everything fit', () => {
    expect(mergeNotice({ capped: [], cancelledCheckouts: [] })).toBeNull()
  })

  it('names each line that was cut, with what was kept of it', () => {
    const notice = mergeNotice({
      capped: [
        { productId: 1, name: 'Copper Kettle', requested: 5, kept: 3 },
        { productId: 2, name: 'Linen Apron', requested: 1, kept: 0 },
      ],
      cancelledCheckouts: [],
    })

    expect(notice).toContain('only 3 of the 5 Copper Kettle could be kept')
    expect(notice).toContain('Linen Apron could not be kept')
  })

  it('says how many checkouts from before signing in were given up, and what to do', () => {
    expect(mergeNotice({ capped: [], cancelledCheckouts: ['a', 'b'] })).toContain('2 checkouts you started before signing in were cancelled')
    expect(mergeNotice({ capped: [], cancelledCheckouts: ['a'] })).toContain('Check out again from your cart')
  })
})
