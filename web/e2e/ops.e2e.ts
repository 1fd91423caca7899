import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from './axe'
import { launch, productWithStock, screenshots, setStock, shopper, storeUrl, text } from './browser'
import { ADMIN_TOKEN } from './store'

// The operator's console (issue 13) against the real service: these need the operators' API of
// the ops-api branch (GET /api/admin/products, …/drop, …/waiting).

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

async function signedInOperator(): Promise<Page> {
  const { page } = await shopper(browser, 1280, 1000)
  await page.goto('/ops')
  await page.getByTestId('ops-token').fill(ADMIN_TOKEN)
  await page.getByTestId('ops-sign-in').click()
  await page.getByTestId('ops-products').waitFor()
  return page
}

/** A shopper of the public API alone, with the cookie the service gives it. */
class ApiShopper {
  private cookie = ''

  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${storeUrl()}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...(this.cookie ? { Cookie: this.cookie } : {}) },
      body: body === undefined ? null : JSON.stringify(body),
    })
    const shopperCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('cartwright_shopper='))
    if (shopperCookie) this.cookie = shopperCookie.split(';')[0] ?? ''
    return response
  }
}

const ADDRESS = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' }

describe("the operator's console", () => {
  it('takes the operator token only, keeps it in the tab, and forgets it on sign out in every tab', async () => {
    const { context, page } = await shopper(browser)
    await page.goto('/ops')
    await expectNoAxeViolations(page)

    await page.getByTestId('ops-token').fill('not the token')
    await page.getByTestId('ops-sign-in').click()
    expect(await text(page, 'ops-sign-in-problem')).toContain("That token is not the shop's operator token.")

    await page.getByTestId('ops-token').fill(ADMIN_TOKEN)
    await page.getByTestId('ops-sign-in').click()
    await page.getByTestId('ops-products').waitFor()
    expect(await page.evaluate(() => [sessionStorage.getItem('cartwright.ops.token'), JSON.stringify(localStorage)]))
      .toEqual([ADMIN_TOKEN, expect.not.stringContaining(ADMIN_TOKEN)])
    await page.reload()
    await page.getByTestId('ops-products').waitFor()
    // A tab opened from this one (or duplicated) holds a copy of the token, on whatever page it shows.
    const [shop] = await Promise.all([page.waitForEvent('popup'), page.evaluate(() => { window.open('/') })])
    await shop.getByTestId('cart-count').waitFor()
    expect(await shop.evaluate(() => sessionStorage.getItem('cartwright.ops.token'))).toBe(ADMIN_TOKEN)

    await page.getByTestId('ops-sign-out').click()
    await page.getByTestId('ops-token').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('cartwright.ops.token'))).toBeNull()
    await expect.poll(() => shop.evaluate(() => sessionStorage.getItem('cartwright.ops.token'))).toBeNull()
    await context.close()
  })

  it('restocks a product, and the table follows a restock made elsewhere as the socket tells of it', async () => {
    const product = await productWithStock('kettle', 3)
    const { page } = await shopper(browser, 1280, 1000)
    const subscribed: number[] = []
    const pushed: number[] = []
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        const message = JSON.parse(String(frame.payload)) as { type: string; productIds?: number[] }
        if (message.type === 'subscribe') subscribed.push(...(message.productIds ?? []))
      })
      socket.on('framereceived', (frame) => {
        const message = JSON.parse(String(frame.payload)) as { type: string; productId?: number; available?: number }
        if (message.type === 'stock' && message.productId === product.id && message.available === 9) pushed.push(message.productId)
      })
    })
    await page.goto('/ops')
    await page.getByTestId('ops-token').fill(ADMIN_TOKEN)
    await page.getByTestId('ops-sign-in').click()
    await page.getByTestId('ops-products').waitFor()
    await expectNoAxeViolations(page)
    await expect.poll(() => text(page, `on-hand-${product.id}`)).toBe('3')

    await page.getByTestId(`restock-input-${product.id}`).fill('25')
    await page.getByTestId(`restock-submit-${product.id}`).click()
    await expect.poll(() => text(page, `restock-message-${product.id}`)).toBe('Stock on hand is now 25.')
    await expect.poll(() => text(page, `on-hand-${product.id}`)).toBe('25')
    expect(await text(page, `available-${product.id}`)).toBe('25')

    await expect.poll(() => subscribed.includes(product.id)).toBe(true)
    await setStock(product.id, 9)
    await expect.poll(() => pushed.length, { timeout: 5000 }).toBeGreaterThan(0)
    await expect.poll(() => text(page, `on-hand-${product.id}`), { timeout: 5000 }).toBe('9')

    await page.getByRole('link', { name: product.name, exact: true }).click()
    await page.getByTestId('movements').waitFor()
    await expect.poll(() => page.getByTestId('movement').count()).toBeGreaterThanOrEqual(2)
    await expectNoAxeViolations(page)
    await page.context().close()
  })

  it('watches a scripted drop move the drop view: units, reservations, refusals and the checkouts waiting', async () => {
    const product = await productWithStock('mug', 5)
    const page = await signedInOperator()
    await page.goto(`/ops/products/${product.id}/drop`)
    await expect.poll(() => text(page, 'drop-units-left')).toBe('5')
    expect(await text(page, 'drop-reserved')).toBe('0')

    const shoppers = Array.from({ length: 12 }, () => new ApiShopper())
    for (const one of shoppers) {
      expect((await one.call('PUT', `/api/cart/products/${product.id}`, { quantity: 1 })).status).toBe(200)
    }
    const answers = await Promise.all(shoppers.map((one) => one.call('POST', '/api/checkouts', { shippingAddress: ADDRESS })))
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array(5).fill(201), ...Array(7).fill(409)])

    await expect.poll(() => text(page, 'drop-units-left'), { timeout: 5000 }).toBe('0')
    await expect.poll(() => text(page, 'drop-reserved'), { timeout: 5000 }).toBe('5')
    await expect.poll(() => text(page, 'drop-refused'), { timeout: 5000 }).toBe('7')
    await expect.poll(() => page.locator('[data-testid="waiting"] tbody tr').count(), { timeout: 5000 }).toBe(5)
    expect(await page.getByTestId('time-left').first().textContent()).toMatch(/^\d+:\d\d$/)
    await expectNoAxeViolations(page)

    await screenshots(page, 'ops-drop')
    await page.context().close()
  })

  it('refunds a payment that came too late for its stock: held for the operator, sent by "Refund"', async () => {
    const product = await productWithStock('candle', 3)
    const buyer = new ApiShopper()
    expect((await buyer.call('PUT', `/api/cart/products/${product.id}`, { quantity: 1 })).status).toBe(200)
    const checkout = (await (await buyer.call('POST', '/api/checkouts', { shippingAddress: ADDRESS })).json()) as { id: string }
    const payment = await buyer.call('POST', `/api/checkouts/${checkout.id}/payment`, { method: 'card' })
    const { redirectUrl } = (await payment.json()) as { redirectUrl: string }
    const session = redirectUrl.substring(redirectUrl.lastIndexOf('/') + 1)
    // The shopper gives up and the last units go elsewhere; then the payment they had begun goes through after all.
    expect((await buyer.call('DELETE', `/api/checkouts/${checkout.id}`)).status).toBe(200)
    await setStock(product.id, 0)
    const paying = await shopper(browser)
    await paying.page.goto(redirectUrl)
    await paying.page.getByRole('button', { name: 'Pay' }).click()
    await paying.context.close()

    const page = await signedInOperator()
    await page.getByRole('link', { name: 'Refunds' }).click()
    await page.getByTestId(`refund-${session}`).waitFor({ timeout: 20_000 })
    expect(await text(page, `refund-state-${session}`)).toBe('Due')
    await expectNoAxeViolations(page)
    await page.getByTestId(`refund-send-${session}`).click()

    await expect.poll(() => text(page, `refund-state-${session}`), { timeout: 5000 }).toBe('Refunded')
    await page.context().close()
  })
})
