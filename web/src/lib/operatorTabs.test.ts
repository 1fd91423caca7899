// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { announceOperatorSignOut, dropOperatorTokenOnSignOutElsewhere, onOperatorSignOut, OPERATOR_TOKEN_KEY } from './operatorTabs'

afterEach(() => window.sessionStorage.clear())

describe('signing the operator out of every tab', () => {
  it('tells the other tabs, and any page of the shop drops its copy of the token', async () => {
    window.sessionStorage.setItem(OPERATOR_TOKEN_KEY, 'the-operators-token')
    dropOperatorTokenOnSignOutElsewhere()
    const heard = new Promise<void>((resolve) => { onOperatorSignOut(resolve) })

    announceOperatorSignOut()

    await heard
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(window.sessionStorage.getItem(OPERATOR_TOKEN_KEY)).toBeNull()
  })
})
