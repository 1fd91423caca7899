import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './axe'
import { addAndSettle, fillAddress, launch, productWithStock, screenshots, shopper, text } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

const MARIE = { name: 'Marie Curie', line1: '11 Rue Pierre et Marie Curie', city: 'Paris', postalCode: '75005', country: 'FR' }

const checkoutIdOf = (url: string) => /\/checkout\/([0-9a-f-]{36})/.exec(url)?.[1]
/** Money as the page shows it, with the narrow spaces some locales put in it made plain. */
const amount = async (page: Page, testId: string) => (await text(page, testId))?.replace(/\s/g, ' ')

interface Quote { methods: Array<{ method: string; price: number }> }

async function availableOf(page: Page, productId: number): Promise<number> {
  const product = (await (await page.request.get(`/api/products/${productId}`)).json()) as { available: number }
  return product.available
}

describe('checkout, the reserved checkout and the orders in Chromium against the real store', () => {
  it('lists what is bought, ships Express at the price quoted for the country, and Cancel on the reserved checkout releases it', async () => {
    const kettle = await productWithStock('Gooseneck Pour-Over Kettle', 5)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, kettle.id)
    await page.getByTestId('checkout-button').click()
    expect(await text(page, `bought-line-${kettle.id}`)).toContain(kettle.name)

    await fillAddress(page, MARIE)
    await page.getByTestId('shipping-EXPRESS').check()

    const quote = (await (await page.request.get('/api/shipping/methods?country=FR')).json()) as Quote
    const express = quote.methods.find((method) => method.method === 'EXPRESS')
    expect(await amount(page, 'totals-shipping')).toBe(`€${((express?.price ?? 0) / 100).toFixed(2)}`)
    await expectNoAxeViolations(page)
    await screenshots(page, 'checkout-shipping')
    const total = await amount(page, 'totals-total')
    await page.getByTestId('place-order').click()
    await page.waitForURL('**/pay/**')
    expect((await page.textContent('.amount'))?.replace(/\s/g, ' ')).toContain(total?.slice(1))
    expect(await availableOf(page, kettle.id)).toBe(4)

    // Back from the provider's page is the reservation, not a form that would reserve again.
    await page.goBack()
    await page.getByTestId('reservation-timer').waitFor()
    const checkoutId = checkoutIdOf(page.url())
    expect(await text(page, 'reservation-timer')).toMatch(/[0-9]:[0-5][0-9]/)
    expect(await text(page, 'shipping-method')).toBe('Express shipping')
    await expectNoAxeViolations(page)
    await screenshots(page, 'checkout-reserved')
    await page.getByTestId('cancel-checkout').click()

    await page.waitForURL((url) => url.pathname === '/' && url.hash === '#cart')
    expect(await availableOf(page, kettle.id)).toBe(5)
    const cancelled = (await (await page.request.get(`/api/checkouts/${checkoutId}`)).json()) as { status: string }
    expect(cancelled.status).toBe('CANCELLED')
    expect(await text(page, 'cart-count')).toBe('1')
    await context.close()
  })

  it('after a declined payment "Try again" pays for the same checkout, and the order is found under "Your orders"', async () => {
    const jar = await productWithStock('Waxed Canvas Tote', 20)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, jar.id)
    await page.getByTestId('checkout-button').click()
    await fillAddress(page, MARIE)
    await page.getByTestId('place-order').click()
    await page.waitForURL('**/pay/**')
    await page.getByRole('button', { name: 'Decline' }).click()
    await page.locator('[data-testid=order-status][data-status=FAILED]').waitFor({ timeout: 20_000 })
    const declined = checkoutIdOf(page.url())
    await page.getByTestId('try-again').click()
    await page.locator('[data-testid=checkout-status][data-status=FAILED]').waitFor()
    await expectNoAxeViolations(page)

    await page.getByRole('button', { name: 'Try again' }).click()
    await page.waitForURL('**/pay/**')
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.locator('[data-testid=order-status][data-status=PAID]').waitFor({ timeout: 20_000 })
    expect(checkoutIdOf(page.url())).toBe(declined)

    await page.getByRole('link', { name: 'Your orders' }).click()
    await page.getByTestId('order-list').waitFor()
    await expectNoAxeViolations(page)
    await screenshots(page, 'orders')
    const orders = page.getByTestId('order-list').getByRole('listitem')
    expect(await orders.count()).toBe(1)
    await orders.getByRole('link').click()
    await page.getByTestId('order-page-status').waitFor()
    expect(await text(page, 'order-page-status')).toBe('Paid')
    expect(await text(page, `bought-line-${jar.id}`)).toContain(jar.name)
    expect(await text(page, 'shipping-address')).toContain('75005 Paris')
    expect(await text(page, 'shipping-method')).toBe('Standard shipping')
    expect(await amount(page, 'totals-shipping')).not.toBe('€0.00')
    await expectNoAxeViolations(page)
    await screenshots(page, 'order-page')
    await page.reload()
    await page.getByTestId('order-page-status').waitFor()
    await context.close()
  })

  it('an empty orders page and a shopper\'s unknown order pass axe too', async () => {
    const { context, page } = await shopper(browser)
    await page.goto('/orders')
    await page.getByTestId('no-orders').waitFor()
    await expectNoAxeViolations(page)
    await page.goto('/orders/00000000-0000-4000-8000-000000000000')
    await page.getByRole('alert').waitFor()
    await expectNoAxeViolations(page)
    await context.close()
  })
})

/** Presses Tab (Shift+Tab backwards) until the focused element matches the selector; fails when it never does. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 120 } = {}): Promise<void> {
  for (let presses = 0; presses < max; presses++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${max} presses of Tab never reached ${selector}`)
}

describe('a shopper who uses only the keyboard', () => {
  it('goes from the home page to a paid order and finds it', async () => {
    const lamp = await productWithStock('Rechargeable Camp Lantern', 20)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await page.getByTestId(`add-to-cart-${lamp.id}`).waitFor()

    await tabTo(page, `[data-testid=add-to-cart-${lamp.id}]`)
    await page.keyboard.press('Enter')
    await page.getByTestId(`cart-line-${lamp.id}`).waitFor()
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    await tabTo(page, '[data-testid=checkout-button]')
    await page.keyboard.press('Enter')
    await page.waitForURL('**/checkout')

    for (const [field, value] of [['name', 'Grace Hopper'], ['line1', '1 Navy Yard'], ['city', 'Arlington'], ['postalCode', '22201']]) {
      await tabTo(page, `[name=${field}]`)
      await page.keyboard.type(value as string)
    }
    // A closed select chooses by the letters typed, as in any browser.
    await tabTo(page, '[name=country]')
    await page.keyboard.type('United States')
    expect(await page.locator('[name=country]').inputValue()).toBe('US')
    await tabTo(page, '[data-testid=shipping-STANDARD]')
    await page.keyboard.press('ArrowDown')
    expect(await page.getByTestId('shipping-EXPRESS').isChecked()).toBe(true)
    await tabTo(page, '[data-testid=place-order]:not([disabled])')
    await page.keyboard.press('Enter')

    await page.waitForURL('**/pay/**')
    await tabTo(page, 'button.pay')
    await page.keyboard.press('Enter')
    await page.locator('[data-testid=order-status][data-status=PAID]').waitFor({ timeout: 20_000 })
    await tabTo(page, '[data-testid=order-link]', { backwards: true })
    await page.keyboard.press('Enter')
    await page.getByTestId('order-page-status').waitFor()
    expect(await text(page, 'shipping-method')).toBe('Express shipping')
    expect(await text(page, `bought-line-${lamp.id}`)).toContain(lamp.name)
    await context.close()
  })
})
