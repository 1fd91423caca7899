import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { ADMIN_TOKEN } from './store'

// Debian's Chromium, driven by playwright-core (Playwright cannot download its own browser here).

export const storeUrl = () => inject('storeUrl')

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  })
}

/** A new shopper: a browser context of their own, so a cookie and a cart of their own. */
export async function shopper(browser: Browser, width = 1280, height = 900): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: storeUrl(), viewport: { width, height } })
  const page = await context.newPage()
  return { context, page }
}

const SCREENSHOTS = join(import.meta.dirname, '../target/e2e-screenshots')

/** Screenshots of a page at desktop and phone width, kept as test artifacts. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const size = page.viewportSize()
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: true })
  if (size) await page.setViewportSize(size)
}

export interface StoreProduct {
  id: number
  name: string
  available: number
}

/** A demo product, given exactly this much stock through the operator API. */
export async function productWithStock(query: string, stock: number): Promise<StoreProduct> {
  const page = (await (await fetch(`${storeUrl()}/api/products?q=${encodeURIComponent(query)}&limit=1`)).json()) as {
    items: StoreProduct[]
  }
  const product = page.items[0]
  if (!product) throw new Error(`No demo product matches ${query}`)
  await setStock(product.id, stock)
  return { ...product, available: stock }
}

export async function setStock(productId: number, stockOnHand: number): Promise<void> {
  const response = await fetch(`${storeUrl()}/api/admin/products/${productId}/stock`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ stockOnHand }),
  })
  if (!response.ok) throw new Error(`Restocking ${productId} answered ${response.status}: ${await response.text()}`)
}

/** Holds every matching request back for a while, as a slow network or a busy server would. */
export async function slowDown(page: Page, pattern: string, ms: number): Promise<void> {
  await page.route(pattern, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms))
    await route.continue()
  })
}

/** A test id's text, trimmed. */
export const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent())?.trim()

/** Fills the checkout's address form the way a shopper types it. */
export async function fillAddress(page: Page, address = { name: 'Ada Lovelace', line1: '12 St James Square', city: 'London',
  postalCode: 'SW1Y 4JH', country: 'GB' }) {
  await page.getByLabel('Full name').fill(address.name)
  await page.getByLabel('Street and number').fill(address.line1)
  await page.getByLabel('City').fill(address.city)
  await page.getByLabel('Postal code').fill(address.postalCode)
  await page.getByLabel('Country').selectOption(address.country)
}

/** Adds the product from its card and waits until the cart has its line and nothing is syncing. */
export async function addAndSettle(page: Page, productId: number) {
  await page.getByTestId(`add-to-cart-${productId}`).click()
  await page.getByTestId(`cart-line-${productId}`).waitFor()
  await page.getByTestId('sync-indicator').waitFor({ state: 'detached' })
}
