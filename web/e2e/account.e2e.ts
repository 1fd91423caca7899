import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './axe'
import { addAndSettle, fillAddress, launch, productWithStock, shopper, slowDown, text } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

const PASSWORD = 'correct horse battery'
const newEmail = () => `shopper-${crypto.randomUUID()}@example.com`

describe('accounts in Chromium against the real store', () => {
  it('keeps a guest\'s cart through signing up, and shows it, live, on a second browser that signs in', async () => {
    const kettle = await productWithStock('Copper Stovetop Kettle', 50)
    const mug = await productWithStock('Enamel Camp Mug', 50)
    const email = newEmail()
    const first = await shopper(browser)
    await first.page.goto('/')
    await addAndSettle(first.page, kettle.id)
    // A click still on its way when the shopper signs up must land in the cart that becomes the account's.
    await slowDown(first.page, '**/api/cart/products/**', 1200)
    await first.page.getByTestId(`qty-inc-${kettle.id}`).click()

    await first.page.getByTestId('sign-in-link').click()
    await first.page.getByRole('link', { name: 'Create an account' }).click()
    await first.page.getByLabel('Your name').fill('Ada')
    await first.page.getByLabel('Email').fill(email)
    await first.page.getByLabel(/^Password/).fill(PASSWORD)
    await first.page.getByTestId('sign-up-submit').click()

    await first.page.getByTestId('account-name').waitFor()
    expect(await text(first.page, 'account-name')).toBe('Hi, Ada')
    await first.page.getByTestId(`qty-${kettle.id}`).waitFor()
    expect(await text(first.page, `qty-${kettle.id}`)).toBe('2')

    const second = await shopper(browser)
    await second.page.goto('/signin')
    await second.page.getByLabel('Email').fill(email)
    await second.page.getByLabel('Password').fill(PASSWORD)
    await second.page.getByTestId('sign-in-submit').click()
    await second.page.getByTestId(`qty-${kettle.id}`).waitFor()
    expect(await text(second.page, `qty-${kettle.id}`)).toBe('2')

    await first.page.unrouteAll()
    await addAndSettle(first.page, mug.id)
    await second.page.getByTestId(`cart-line-${mug.id}`).waitFor()
    expect(await text(second.page, 'cart-count')).toBe('3')

    await second.page.reload()
    expect(await text(second.page, 'account-name')).toBe('Hi, Ada')
    await second.page.getByTestId('sign-out').click()
    await second.page.getByTestId('sign-in-link').waitFor()
    expect(await text(second.page, 'cart-count')).toBe('0')
    await second.page.reload()
    expect(await text(second.page, 'cart-count')).toBe('0')
    await first.context.close()
    await second.context.close()
  })

  it('as a new shopper: a product page, a guest\'s cart kept through signing up and on a second browser, Express, paid, under "Your orders"', async () => {
    const lamp = await productWithStock('Brass Task Lamp', 30)
    const email = newEmail()
    const guest = await shopper(browser)
    await guest.page.goto('/')
    await guest.page.getByRole('link', { name: lamp.name }).click()
    await guest.page.getByRole('heading', { level: 1, name: lamp.name }).waitFor()
    await guest.page.getByTestId('product-quantity').fill('2')
    await guest.page.getByTestId(`add-to-cart-${lamp.id}`).click()
    await guest.page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    expect(await text(guest.page, 'cart-count')).toBe('2')

    await guest.page.getByTestId('sign-in-link').click()
    await guest.page.getByRole('link', { name: 'Create an account' }).click()
    await guest.page.getByLabel('Your name').fill('Grace')
    await guest.page.getByLabel('Email').fill(email)
    await guest.page.getByLabel(/^Password/).fill(PASSWORD)
    await guest.page.getByTestId('sign-up-submit').click()
    await guest.page.getByTestId('account-name').waitFor()
    expect(await text(guest.page, 'cart-count')).toBe('2')

    const second = await shopper(browser)
    await second.page.goto('/signin')
    await second.page.getByLabel('Email').fill(email)
    await second.page.getByLabel('Password').fill(PASSWORD)
    await second.page.getByTestId('sign-in-submit').click()
    await second.page.getByTestId(`qty-${lamp.id}`).waitFor()
    expect(await text(second.page, `qty-${lamp.id}`)).toBe('2')

    await second.page.getByTestId('checkout-button').click()
    await fillAddress(second.page)
    await second.page.getByTestId('shipping-EXPRESS').check()
    await second.page.getByTestId('place-order').click()
    await second.page.waitForURL('**/pay/**')
    await second.page.getByRole('button', { name: 'Pay' }).click()
    await second.page.locator('[data-testid=order-status][data-status=PAID]').waitFor({ timeout: 20_000 })

    // The first browser is the same account: its orders list the order, and its cart was emptied of what was bought.
    await guest.page.getByRole('link', { name: 'Your orders' }).click()
    const orders = guest.page.getByTestId('order-list').getByRole('listitem')
    await orders.first().waitFor()
    expect(await orders.count()).toBe(1)
    await orders.getByRole('link').click()
    await guest.page.getByTestId('order-page-status').waitFor()
    expect(await text(guest.page, `bought-line-${lamp.id}`)).toContain(lamp.name)
    expect(await text(guest.page, 'shipping-method')).toBe('Express shipping')
    await guest.page.getByTestId('cart-count').filter({ hasText: '0' }).waitFor()
    await guest.context.close()
    await second.context.close()
  })

  it('answers a wrong password in the shopper\'s words and keeps the guest\'s cart', async () => {
    const lamp = await productWithStock('Brass Task Lamp', 20)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, lamp.id)

    await page.goto('/signin')
    await page.getByLabel('Email').fill(newEmail())
    await page.getByLabel('Password').fill('not the password at all')
    await page.getByTestId('sign-in-submit').click()

    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain('do not match an account')
    expect(await text(page, 'cart-count')).toBe('1')
    await expectNoAxeViolations(page)
    await context.close()
  })

  it('has sign-in and sign-up pages with nothing axe finds at WCAG 2.1 AA, on a phone too', async () => {
    const { context, page } = await shopper(browser, 390, 844)
    for (const path of ['/signin', '/signup']) {
      await page.goto(path)
      await page.getByRole('heading', { level: 1 }).waitFor()
      await expectNoAxeViolations(page)
    }
    await page.goto('/signin')
    await page.getByTestId('sign-in-submit').click()
    expect(await page.getByLabel('Email').evaluate((field) => (field as HTMLInputElement).validity.valueMissing)).toBe(true)
    await context.close()
  })
})
