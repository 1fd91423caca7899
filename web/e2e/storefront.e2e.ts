import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAndSettle, fillAddress, launch, productWithStock, screenshots, setStock, shopper, slowDown, text } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

describe('the storefront in Chromium against the real store', () => {
  it('paints the catalog and the cart from the page itself, without waiting for the API', async () => {
    const { context, page } = await shopper(browser)
    const apiCalls: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(request.url())
    })

    await page.goto('/', { waitUntil: 'domcontentloaded' })
    await page.locator('[data-testid^=add-to-cart-]').first().waitFor()

    expect(await page.locator('[data-testid^=add-to-cart-]').count()).toBe(24)
    expect(await text(page, 'cart-count')).toBe('0')
    expect(await page.getByText('Loading').count()).toBe(0)
    expect(apiCalls).toEqual([])
    // The production build carries no Query Devtools.
    expect(await page.locator('.tsqd-parent-container').count()).toBe(0)
    await context.close()
  })

  it('changes the cart badge before the server has answered', async () => {
    const mug = await productWithStock('Enamel Camp Mug', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await page.getByTestId(`add-to-cart-${mug.id}`).waitFor()
    await screenshots(page, 'catalog')
    await slowDown(page, '**/api/cart/products/**', 1500)
    let answered = false
    page.on('response', (response) => {
      if (response.url().includes('/api/cart/products/')) answered = true
    })

    await page.getByTestId(`add-to-cart-${mug.id}`).click()

    expect(await text(page, 'cart-count')).toBe('1')
    expect(answered).toBe(false)
    expect(await page.getByTestId('sync-indicator').isVisible()).toBe(true)
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    expect(await text(page, 'cart-count')).toBe('1')
    await context.close()
  })

  it('quick clicks show at once and send at most two requests; the screen ends at the server', async () => {
    const bottle = await productWithStock('Insulated Steel Bottle', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, bottle.id)
    await slowDown(page, '**/api/cart/products/**', 400)
    const puts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'PUT') puts.push(request.url())
    })

    for (let i = 0; i < 5; i++) await page.getByTestId(`qty-inc-${bottle.id}`).click()

    expect(await text(page, `qty-${bottle.id}`)).toBe('6')
    expect(await page.getByTestId(`cart-line-${bottle.id}`).getAttribute('aria-busy')).toBe('true')
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    expect(await page.getByTestId(`cart-line-${bottle.id}`).getAttribute('aria-busy')).toBe('false')
    expect(puts.length).toBeLessThanOrEqual(2)
    await page.reload()
    await page.getByTestId(`qty-${bottle.id}`).waitFor()
    expect(await text(page, `qty-${bottle.id}`)).toBe('6')
    await screenshots(page, 'cart')
    await context.close()
  })

  it('a refused change reverts its own line with a toast while another line keeps its change', async () => {
    const scarce = await productWithStock('Walnut Pencil Set', 3)
    const plenty = await productWithStock('Dot Grid Notebook', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, scarce.id)
    await addAndSettle(page, plenty.id)
    await setStock(scarce.id, 1)
    await slowDown(page, '**/api/cart/products/**', 500)

    await page.getByTestId(`qty-inc-${scarce.id}`).click()
    await page.getByTestId(`qty-inc-${plenty.id}`).click()

    expect(await text(page, `qty-${scarce.id}`)).toBe('2')
    expect(await text(page, `qty-${plenty.id}`)).toBe('2')
    await page.getByTestId('toast').waitFor()
    expect(await text(page, 'toast')).toContain(`Only 1 ${scarce.name} left`)
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    expect(await text(page, `qty-${scarce.id}`)).toBe('1')
    expect(await text(page, `qty-${plenty.id}`)).toBe('2')
    expect(await text(page, 'cart-count')).toBe('3')
    await context.close()
  })

  it('a checkout conflict shows what is unavailable, adjusts the cart, and the retry goes through', async () => {
    const lastOne = await productWithStock('Hand-Bound Leather Journal', 1)
    const bag = await productWithStock('Organic Cotton Market Bag', 100)
    const late = await shopper(browser)
    await late.page.goto('/')
    await addAndSettle(late.page, lastOne.id)
    await addAndSettle(late.page, bag.id)
    const early = await shopper(browser)
    await early.page.goto('/')
    await addAndSettle(early.page, lastOne.id)
    const reserved = await early.page.request.post('/api/checkouts', {
      data: { shippingAddress: { name: 'Early Bird', line1: '1 Road', city: 'Oslo', postalCode: '0150', country: 'NO' } },
    })
    expect(reserved.status()).toBe(201)

    await late.page.getByTestId('checkout-button').click()
    await fillAddress(late.page)
    await late.page.getByTestId('place-order').click()

    const conflict = late.page.getByRole('alert').filter({ hasText: 'Not everything is available' })
    await conflict.waitFor()
    expect(await conflict.textContent()).toContain('Hand-Bound Leather Journal')
    expect(await text(late.page, 'cart-count')).toBe('1')
    await screenshots(late.page, 'checkout-conflict')
    await late.page.getByTestId('place-order').click()
    await late.page.waitForURL('**/pay/**')
    await late.context.close()
    await early.context.close()
  })

  it('a shopper goes from an empty cart to a paid order', async () => {
    const lantern = await productWithStock('Rechargeable Camp Lantern', 50)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, lantern.id)
    await page.getByTestId(`qty-inc-${lantern.id}`).click()
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })

    await page.getByTestId('checkout-button').click()
    await page.getByTestId('place-order').click()
    expect(await page.getByText('Enter your name.').isVisible()).toBe(true)
    await fillAddress(page)
    await page.getByTestId('coupon-input').fill('welcome10')
    await page.getByTestId('coupon-apply').click()
    await page.getByText('Coupon WELCOME10 applied.').waitFor()
    await screenshots(page, 'checkout')
    await page.getByTestId('place-order').click()
    await page.waitForURL('**/pay/**')
    // 61.20 of goods after the coupon, and Standard shipping to GB (outside the EU) at 19.90.
    expect(await page.textContent('.amount')).toContain('81.10')
    await screenshots(page, 'payment')
    await page.getByRole('button', { name: 'Pay' }).click()
    await page.waitForURL('**/checkout/*/complete')
    await page.locator('[data-testid=order-status][data-status=PAID]').waitFor({ timeout: 20_000 })
    expect(await text(page, 'order-status')).toContain('Paid')
    await page.waitForFunction(() => document.querySelector('[data-testid=cart-count]')?.textContent === '0')
    await screenshots(page, 'order')
    await context.close()
  })

  it('a change made offline is kept across a reload and applied once when the network returns', async () => {
    const pot = await productWithStock('Terracotta Herb Pot', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, pot.id)
    const before = (await (await context.request.get('/api/cart')).json()) as { version: number }

    await context.setOffline(true)
    await page.getByTestId(`qty-inc-${pot.id}`).click()

    await page.getByTestId('offline-banner').waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid=offline-banner]')?.textContent?.includes('1 change waiting'))
    expect(await text(page, `qty-${pot.id}`)).toBe('2')
    await screenshots(page, 'offline')

    // The network comes back, but the shop is not reachable yet when the page is reloaded.
    await page.route('**/api/cart**', (route) => route.abort('internetdisconnected'))
    await context.setOffline(false)
    await page.reload()
    await page.getByTestId(`qty-${pot.id}`).waitFor()
    expect(await text(page, `qty-${pot.id}`)).toBe('2')
    await page.unroute('**/api/cart**')

    const deadline = Date.now() + 30_000
    let server = before
    while (Date.now() < deadline) {
      server = (await (await context.request.get('/api/cart')).json()) as typeof before
      if (server.version > before.version) break
      await page.waitForTimeout(250)
    }
    await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
    const settled = (await (await context.request.get('/api/cart')).json()) as { version: number; items: Array<{ productId: number; quantity: number }> }
    expect(settled.version).toBe(before.version + 1)
    expect(settled.items.find((line) => line.productId === pot.id)?.quantity).toBe(2)
    expect(await text(page, `qty-${pot.id}`)).toBe('2')
    await context.close()
  })

  it('when one shopper takes the last unit, the other sees "Sold out" without a reload', async () => {
    const last = await productWithStock('Single-Estate Olive Oil', 1)
    const watcher = await shopper(browser)
    await watcher.page.goto('/')
    const badge = watcher.page.getByTestId(`product-available-${last.id}`)
    await badge.waitFor()
    expect(await badge.getAttribute('data-available')).toBe('1')
    const buyer = await shopper(browser)
    await buyer.page.goto('/')
    await addAndSettle(buyer.page, last.id)

    const reserved = await buyer.page.request.post('/api/checkouts', {
      data: { shippingAddress: { name: 'Quick Buyer', line1: '2 Road', city: 'Malmö', postalCode: '211 20', country: 'SE' } },
    })

    expect(reserved.status()).toBe(201)
    await watcher.page.waitForFunction(
      (id) => document.querySelector(`[data-testid=product-available-${id}]`)?.getAttribute('data-available') === '0',
      last.id,
      { timeout: 5000 },
    )
    expect(await badge.textContent()).toBe('Sold out')
    await watcher.context.close()
    await buyer.context.close()
  })

  it("two tabs of one shopper show the same cart", async () => {
    const candle = await productWithStock('Paring Knife', 100)
    const { context, page } = await shopper(browser)
    const second = await context.newPage()
    await page.goto('/')
    await second.goto('/')
    await second.getByTestId('cart-count').waitFor()
    await second.waitForTimeout(300)

    await addAndSettle(page, candle.id)
    await page.getByTestId(`qty-inc-${candle.id}`).click()

    await second.waitForFunction(() => document.querySelector('[data-testid=cart-count]')?.textContent === '2', null, { timeout: 5000 })
    expect(await text(second, `qty-${candle.id}`)).toBe('2')
    await context.close()
  })

  it('two members of a shared cart see each other\'s changes', async () => {
    const tote = await productWithStock('Waxed Canvas Tote', 100)
    const kettle = await productWithStock('Gooseneck Pour-Over Kettle', 100)
    const owner = await shopper(browser)
    await owner.page.goto('/')
    await addAndSettle(owner.page, tote.id)
    await owner.page.getByTestId('share-cart').click()
    await owner.page.getByLabel(/Your first name/).fill('Ada')
    await owner.page.getByTestId('create-share-link').click()
    const link = await owner.page.getByTestId('share-link').inputValue()

    const friend = await shopper(browser)
    await friend.page.goto(link)
    expect(await text(friend.page, 'join-question')).toBe("Join Ada's cart?")
    await friend.page.getByText('Your own cart waits for you.').waitFor()
    await screenshots(friend.page, 'join-question')
    await friend.page.getByTestId('join-accept').click()
    await friend.page.waitForURL((url) => url.pathname === '/')
    await friend.page.getByTestId(`cart-line-${tote.id}`).waitFor()
    await owner.page.getByTestId('cart-members').waitFor()
    expect(await text(owner.page, 'cart-members')).toContain('2 people')
    expect(await text(owner.page, 'header-members')).toBe('shared by 2')
    await friend.page.waitForTimeout(1000)
    await addAndSettle(friend.page, kettle.id)

    await owner.page.getByTestId(`cart-line-${kettle.id}`).waitFor({ timeout: 5000 })
    expect(await text(owner.page, 'cart-count')).toBe('2')
    await screenshots(owner.page, 'shared-cart')
    await owner.context.close()
    await friend.context.close()
  })

  it("'No thanks' on an invitation keeps the shopper on their own cart; the owner removes a member, who is back on their own", async () => {
    const bowl = await productWithStock('Stoneware Mug', 100)
    const owner = await shopper(browser)
    await owner.page.goto('/')
    await owner.page.getByTestId('share-cart').click()
    await owner.page.getByTestId('create-share-link').click()
    const link = await owner.page.getByTestId('share-link').inputValue()
    const friend = await shopper(browser)
    await friend.page.goto('/')
    await addAndSettle(friend.page, bowl.id)

    await friend.page.goto(link)
    expect(await text(friend.page, 'join-question')).toBe('Join this shared cart?')
    await friend.page.getByTestId('join-decline').click()
    await friend.page.waitForURL((url) => url.pathname === '/')
    expect(await text(friend.page, 'cart-count')).toBe('1')
    await friend.page.goto(link)
    await friend.page.getByTestId('join-accept').click()
    await friend.page.getByTestId('cart-members').waitFor()
    expect(await text(friend.page, 'cart-count')).toBe('0')
    await owner.page.getByTestId('cart-member').waitFor()

    await owner.page.locator('[data-testid^=remove-member-]').click()

    await friend.page.getByTestId(`cart-line-${bowl.id}`).waitFor({ timeout: 5000 })
    expect(await text(friend.page, 'cart-count')).toBe('1')
    await owner.page.getByTestId('cart-members').waitFor({ state: 'detached' })
    await owner.context.close()
    await friend.context.close()
  })
})
