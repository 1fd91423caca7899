import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAndSettle, launch, productWithStock, shopper, slowDown, text } from './browser'

// What a shopper clicked ends on the server, on a slow network: every click is a persisted change
// in the outbox, a reload in the middle of a burst keeps the latest, and a second tab replays
// nothing it did not make.

let browser: Browser

beforeAll(async () => {
  browser = await launch()
})

afterAll(async () => {
  await browser.close()
})

/** A network as slow as a phone's on a bad day, for every cart call. */
const NETWORK_MS = 700

interface ServerCart {
  version: number
  items: Array<{ productId: number; quantity: number }>
}

const serverCart = async (context: BrowserContext) => (await (await context.request.get('/api/cart')).json()) as ServerCart

const serverQuantity = async (context: BrowserContext, productId: number) =>
  (await serverCart(context)).items.find((line) => line.productId === productId)?.quantity

/** Every change has left and been answered: nothing pending, nothing fetching. */
async function settled(page: Page) {
  await page.getByTestId('sync-indicator').waitFor({ state: 'detached', timeout: 20_000 })
}

/** Cart changes this page sends (not reads). */
function changesSentBy(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/cart') && request.method() !== 'GET') sent.push(`${request.method()} ${request.url()}`)
  })
  return sent
}

describe('the outbox in Chromium on a slow network', () => {
  it('a reload in the middle of quick clicks keeps what the screen showed', async () => {
    const kettle = await productWithStock('Copper Stovetop Kettle', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, kettle.id)
    await slowDown(page, '**/api/cart**', NETWORK_MS)

    for (let i = 0; i < 4; i++) await page.getByTestId(`qty-inc-${kettle.id}`).click()
    expect(await text(page, `qty-${kettle.id}`)).toBe('5')
    await page.reload()

    await page.getByTestId(`qty-${kettle.id}`).waitFor()
    expect(await text(page, `qty-${kettle.id}`)).toBe('5')
    await settled(page)
    expect(await text(page, `qty-${kettle.id}`)).toBe('5')
    expect(await serverQuantity(context, kettle.id)).toBe(5)
    await context.close()
  })

  it('"+", "+" and then "Add to cart" on the same product add three', async () => {
    const lamp = await productWithStock('Brass Task Lamp', 100)
    const { context, page } = await shopper(browser)
    await page.goto('/')
    await addAndSettle(page, lamp.id)
    await slowDown(page, '**/api/cart**', NETWORK_MS)

    await page.getByTestId(`qty-inc-${lamp.id}`).click()
    await page.getByTestId(`qty-inc-${lamp.id}`).click()
    await page.getByTestId(`add-to-cart-${lamp.id}`).click()

    expect(await text(page, `qty-${lamp.id}`)).toBe('4')
    await settled(page)
    expect(await text(page, `qty-${lamp.id}`)).toBe('4')
    expect(await serverQuantity(context, lamp.id)).toBe(4)
    await context.close()
  })

  it('a change made in one tab is applied once, by that tab, and the other tab shows no error for it', async () => {
    const plenty = await productWithStock('Linen Sketchbook A4', 100)
    const scarce = await productWithStock('Everyday Fountain Pen', 1)
    const { context, page: first } = await shopper(browser)
    await first.goto('/')
    await addAndSettle(first, plenty.id)
    await addAndSettle(first, scarce.id)
    const before = await serverCart(context)
    await slowDown(first, '**/api/cart**', NETWORK_MS)

    await first.getByTestId(`qty-inc-${plenty.id}`).click()
    await first.getByTestId(`qty-inc-${scarce.id}`).click()
    // The first tab's outbox is in local storage by now, its requests still on their way.
    await first.waitForTimeout(300)
    const second = await context.newPage()
    const sentBySecond = changesSentBy(second)
    await second.goto('/')

    await first.getByTestId('toast').waitFor()
    await settled(first)
    await second.waitForFunction((id) => document.querySelector(`[data-testid=qty-${id}]`)?.textContent === '2', plenty.id, { timeout: 5000 })
    await settled(second)
    const after = await serverCart(context)
    expect(after.version).toBe(before.version + 1)
    expect(after.items.find((line) => line.productId === plenty.id)?.quantity).toBe(2)
    expect(after.items.find((line) => line.productId === scarce.id)?.quantity).toBe(1)
    expect(sentBySecond).toEqual([])
    expect(await second.getByTestId('toast').count()).toBe(0)
    expect(await first.getByTestId('toast').count()).toBe(1)
    expect(await text(first, 'toast')).toContain(`Only 1 ${scarce.name} left`)
    await context.close()
  })
})
