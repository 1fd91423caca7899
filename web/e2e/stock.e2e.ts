import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAndSettle, fillAddress, launch, productWithStock, setStock, shopper, slowDown, type StoreProduct, storeUrl, text } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

/** A product of the catalog's first page, the one the storefront's HTML carries. */
async function firstPageProduct(index: number, stock: number): Promise<StoreProduct> {
  const page = (await (await fetch(`${storeUrl()}/api/products?limit=24`)).json()) as { items: StoreProduct[] }
  const product = page.items[index]
  if (!product) throw new Error(`The first page has no product ${index}`)
  await setStock(product.id, stock)
  return { ...product, available: stock }
}

const GRACE = { name: 'Grace Hopper', line1: '1 Harbour Road', city: 'Arlington', postalCode: '22201', country: 'US' }

const checkoutIdOf = (url: string) => /\/checkout\/([0-9a-f-]{36})/.exec(url)?.[1]

describe('stock that cannot go stale, and a checkout that waits for the cart', () => {
  it('a stock change made after the page was served and before the socket subscribed shows without a reload', async () => {
    const kettle = await firstPageProduct(3, 120)
    const { context, page } = await shopper(browser)
    // The service renders the page with 120 in stock; all but one are sold while the
    // browser is still loading the app's script, before its socket can subscribe.
    let changed = false
    await page.route('**/assets/*.js', async (route) => {
      if (!changed) {
        changed = true
        await setStock(kettle.id, 1)
      }
      await route.continue()
    })
    const stockFrames: string[] = []
    page.on('websocket', (socket) => socket.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"stock"')) stockFrames.push(String(payload))
    }))
    let navigations = 0
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations++ })

    await page.goto('/')

    await page.locator(`[data-testid=product-available-${kettle.id}][data-available="1"]`).waitFor()
    expect(changed).toBe(true)
    const state = JSON.parse((await page.locator('#cartwright-state').textContent()) ?? '{}') as { products: { items: StoreProduct[] } }
    expect(state.products.items.find((product) => product.id === kettle.id)?.available).toBe(120)
    expect(await text(page, `product-available-${kettle.id}`)).toBe('Only 1 left')
    expect(stockFrames.some((frame) => frame.includes(`"productId":${kettle.id}`))).toBe(true)
    expect(navigations).toBe(1)
    await context.close()
  })

  it('without a live socket (a proxy that passes none), stock still shows within seconds, fetched again', async () => {
    const jug = await firstPageProduct(6, 30)
    const { context, page } = await shopper(browser)
    await page.routeWebSocket('**/ws', (socket) => socket.close())
    await page.goto('/')
    await page.locator(`[data-testid=product-available-${jug.id}][data-available="30"]`).waitFor()

    await setStock(jug.id, 2)

    await page.locator(`[data-testid=product-available-${jug.id}][data-available="2"]`).waitFor({ timeout: 15_000 })
    await context.close()
  })

  it('a later stock change arrives by push, and the socket does not subscribe again because of it', async () => {
    const lamp = await firstPageProduct(4, 50)
    const { context, page } = await shopper(browser)
    const subscribes: string[] = []
    const subscribed = new Promise<void>((resolve) => page.on('websocket', (socket) => socket.on('framesent', ({ payload }) => {
      subscribes.push(String(payload))
      resolve()
    })))
    await page.goto('/')
    await subscribed
    await page.locator(`[data-testid=product-available-${lamp.id}][data-available="50"]`).waitFor()

    for (const stock of [40, 30, 20, 10, 3]) await setStock(lamp.id, stock)

    await page.locator(`[data-testid=product-available-${lamp.id}][data-available="3"]`).waitFor()
    expect(subscribes).toHaveLength(1)
    await context.close()
  })

  it('"Reserve and pay" says "Saving your cart…" while a cart change is on its way, and enables once it is saved', async () => {
    const board = await productWithStock('Studio Glazed Planter', 50)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, board.id)
    await slowDown(page, '**/api/cart/**', 1500)

    await page.getByTestId(`qty-inc-${board.id}`).click()
    await page.getByTestId('checkout-button').click()

    const placeOrder = page.getByTestId('place-order')
    await page.getByText('Saving your cart…').waitFor()
    expect(await placeOrder.isDisabled()).toBe(true)
    await page.getByText('Reserve and pay').waitFor()
    expect(await placeOrder.isEnabled()).toBe(true)
    const cart = (await (await context.request.get('/api/cart')).json()) as { items: Array<{ quantity: number }> }
    expect(cart.items[0]?.quantity).toBe(2)
    await context.close()
  })

  it('after a declined payment, trying again pays for the same checkout', async () => {
    const pot = await productWithStock('Cold Brew Coffee Bottle', 20)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, pot.id)
    await page.getByTestId('checkout-button').click()
    await fillAddress(page, GRACE)
    await page.getByTestId('place-order').click()
    await page.waitForURL('**/pay/**')
    await page.getByRole('button', { name: 'Decline' }).click()
    await page.waitForURL('**/checkout/*/complete')
    const declined = checkoutIdOf(page.url())
    await page.locator('[data-testid=order-status][data-status=FAILED]').waitFor({ timeout: 20_000 })

    await page.getByTestId('try-again').click()

    expect(checkoutIdOf(page.url())).toBe(declined)
    expect(new URL(page.url()).pathname).toBe(`/checkout/${declined}`)
    await page.getByTestId('pay-checkout').click()
    await page.waitForURL('**/pay/**')
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.waitForURL('**/checkout/*/complete')
    expect(checkoutIdOf(page.url())).toBe(declined)
    await page.locator('[data-testid=order-status][data-status=PAID]').waitFor({ timeout: 20_000 })
    const orders = (await (await context.request.get('/api/orders')).json()) as { items: Array<{ checkoutId: string }> }
    expect(orders.items.map((order) => order.checkoutId)).toEqual([declined])
    // A reload of /checkout/{id} is served by the store, too.
    await page.goto(`/checkout/${declined}`)
    await page.locator('[data-testid=checkout-status][data-status=PAID]').waitFor()
    await context.close()
  })
})
