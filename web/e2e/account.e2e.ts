import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './axe'
import { addAndSettle, launch, productWithStock, shopper, slowDown, text } from './browser'

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
