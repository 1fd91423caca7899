import { describe, expect, it } from 'vitest'
import { mergeNotice } from './mergeNotice'

describe('mergeNotice', () => {
  it('says nothing when everything fit', () => {
    expect(mergeNotice([])).toBeNull()
  })

  it('names each line that was cut, with what was kept of it', () => {
    const notice = mergeNotice([
      { productId: 1, name: 'Copper Kettle', requested: 5, kept: 3 },
      { productId: 2, name: 'Linen Apron', requested: 1, kept: 0 },
    ])

    expect(notice).toContain('only 3 of the 5 Copper Kettle could be kept')
    expect(notice).toContain('Linen Apron could not be kept')
  })
})
