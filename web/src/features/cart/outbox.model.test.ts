import { dehydrate, hydrate, onlineManager, QueryObserver, type QueryClient } from '@tanstack/react-query'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dehydrateOptions, prepareRestored, type PersistRules } from '../../lib/persistence'
import { makeQueryClient } from '../../lib/queryClient'
import { registerCartChanges, submitCartChange } from './cartChange'
import { cartKeys, cartQueryOptions, writeCart } from './queries'
import type { PendingChange } from './reconcile'
import { prepareRestoredChanges } from './restoredChanges'
import type { Cart } from './types'
import { visibleCart } from './useVisibleCart'
import { totals } from './pricing'

// A model-based test of the outbox: random clicks, answers (success, stock refusals, 5xx, lost
// answers), pushes, refetches, reloads and offline spells against a small model of the service.
// After everything settles: the screen shows the server's cart, the server holds what the
// shopper last asked for of each product unless a toast said otherwise, and no change was applied
// twice. Timers are fake, so backoffs and Retry-After cost no time.

/** Runs per test; raise it to hunt, lower it to debug (a failure prints its seed and path). */
const NUM_RUNS = 1000

const toasts = vi.hoisted(() => [] as string[])
vi.mock('../../lib/toasts', () => ({ showToast: (message: string) => toasts.push(message) }))

const PRODUCTS = [
  { productId: 1, name: 'Copper Kettle', unitPrice: 4500 },
  { productId: 2, name: 'Walnut Pencil Set', unitPrice: 1200 },
  { productId: 3, name: 'Dot Grid Notebook', unitPrice: 1450 },
]

type Fault = 'ok' | 'unavailable' | 'busy' | 'inUse' | 'garbage' | 'lost' | 'bug'

interface Answer {
  fault: Fault
  /** How long the request takes, in fake milliseconds. */
  delay: number
}

/** The service, as far as a cart goes: versions, stock checked on raising, idempotency keys that replay. */
class ModelServer {
  version = 1
  readonly lines = new Map<number, { quantity: number; selected: boolean }>()
  readonly stock = new Map<number, number>()
  readonly replies = new Map<string, { request: string; status: number; body: unknown }>()
  readonly applied = new Map<string, number>()
  reused = 0

  constructor(stock: number[]) {
    PRODUCTS.forEach((product, index) => this.stock.set(product.productId, stock[index] ?? 0))
  }

  cart(): Cart {
    const items = [...this.lines].map(([productId, line]) => {
      const product = PRODUCTS.find((candidate) => candidate.productId === productId)!
      return {
        id: productId * 10, productId, name: product.name, unitPrice: product.unitPrice, quantity: line.quantity,
        selected: line.selected, available: this.stock.get(productId) ?? 0, lineTotal: product.unitPrice * line.quantity,
      }
    })
    return { id: 'cart-1', version: this.version, items, totals: totals(items, 'EUR', null), couponCode: null, coupon: null, members: 1 }
  }

  handle(method: string, path: string, body: Record<string, unknown> | null, key: string | null): { status: number; body: unknown } {
    if (method === 'GET') return { status: 200, body: this.cart() }
    const request = `${method} ${path} ${JSON.stringify(body)}`
    const stored = key === null ? undefined : this.replies.get(key)
    if (stored) {
      if (stored.request === request) return stored
      this.reused++
      return { status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED', detail: 'reused' } }
    }
    const answer = this.change(method, path, body)
    if (key !== null) {
      this.replies.set(key, { request, ...answer })
      if (answer.changed) this.applied.set(key, (this.applied.get(key) ?? 0) + 1)
    }
    return answer
  }

  private change(method: string, path: string, body: Record<string, unknown> | null): { status: number; body: unknown; changed: boolean } {
    const ok = () => {
      this.version++
      return { status: 200, body: this.cart(), changed: true }
    }
    if (path === '/api/cart/selection') {
      this.lines.forEach((line) => (line.selected = body?.selected === true))
      return ok()
    }
    const productId = Number(path.split('/').at(-1))
    const line = this.lines.get(productId)
    if (method === 'PUT') {
      const quantity = Number(body?.quantity)
      const inCart = line?.quantity ?? 0
      const available = this.stock.get(productId) ?? 0
      if (quantity > inCart && quantity > available) {
        return { status: 409, body: { code: 'INSUFFICIENT_STOCK', detail: 'short', productId, requested: quantity, available, inCart }, changed: false }
      }
      if (line) line.quantity = quantity
      else this.lines.set(productId, { quantity, selected: true })
      return ok()
    }
    if (!line) {
      return method === 'DELETE'
        ? { status: 200, body: this.cart(), changed: false }
        : { status: 404, body: { code: 'CART_ITEM_NOT_FOUND', detail: 'gone' }, changed: false }
    }
    if (method === 'DELETE') this.lines.delete(productId)
    else line.selected = body?.selected === true
    return ok()
  }
}

type Step =
  | { kind: 'inc' | 'dec' | 'add' | 'remove'; product: number }
  | { kind: 'set'; product: number; quantity: number }
  | { kind: 'select'; product: number; selected: boolean }
  | { kind: 'selectAll'; selected: boolean }
  | { kind: 'push' | 'refetch' | 'reload' | 'offline' | 'online' }
  | { kind: 'wait'; ms: number }

const product = fc.constantFrom(0, 1, 2)
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom('inc', 'dec', 'add', 'remove'), product }) as fc.Arbitrary<Step> },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('set' as const), product, quantity: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('select' as const), product, selected: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('selectAll' as const), selected: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom('push', 'refetch', 'reload', 'offline', 'online') }) as fc.Arbitrary<Step> },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 2000 }) }) },
)
const answer: fc.Arbitrary<Answer> = fc.record({
  fault: fc.constantFrom<Fault>('ok', 'ok', 'ok', 'unavailable', 'busy', 'inUse', 'garbage', 'lost', 'bug'),
  delay: fc.integer({ min: 0, max: 800 }),
})

const rules: PersistRules = { queryRoots: [cartKeys.all[0]], mutationKey: cartKeys.changes(), prepare: prepareRestoredChanges }

/** One storefront and its network: the page (a client) can be reloaded, the network can go away. */
class World {
  client!: QueryClient
  private stopPage = () => {}
  offline = false
  /** Bumped by every reload: an answer to a page that is gone reaches nobody. */
  private page = 0
  readonly lastIntent = new Map<number, number>()

  constructor(readonly server: ModelServer, private readonly answers: Answer[]) {
    this.open()
  }

  /** A page load: the service puts the cart into the page, then the persisted outbox comes back and resumes. */
  open(restored?: unknown) {
    this.page++
    const client = registerCartChanges(makeQueryClient())
    writeCart(client, this.server.cart())
    if (restored) hydrate(client, prepareRestored(restored as never, rules))
    client.mount()
    const observer = new QueryObserver(client, cartQueryOptions())
    const unsubscribe = observer.subscribe(() => {})
    this.stopPage = () => {
      unsubscribe()
      client.unmount()
      // What the old page had not finished stops with it; its requests may still reach the server.
      client.getMutationCache().getAll().forEach((mutation) => mutation.setOptions({ ...mutation.options, mutationFn: () => new Promise(() => {}) }))
    }
    this.client = client
    void client.resumePausedMutations()
  }

  reload() {
    const kept: unknown = JSON.parse(JSON.stringify(dehydrate(this.client, dehydrateOptions(rules))))
    this.stopPage()
    this.open(kept)
  }

  fetch = (input: URL | RequestInfo, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const page = this.page
    const method = init?.method ?? 'GET'
    if (this.offline) return Promise.reject(new TypeError('Failed to fetch'))
    if (url.pathname === '/actuator/health') return Promise.resolve(Response.json({ status: 'UP' }))
    const { fault, delay } = this.answers.shift() ?? { fault: 'ok' as const, delay: 0 }
    const headers = new Headers(init?.headers)
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null
    return new Promise((resolve, reject) => {
      setTimeout(() => {
        if (this.offline) return reject(new TypeError('Failed to fetch'))
        const problem = (status: number, code: string, extra: HeadersInit = {}) =>
          resolve(Response.json({ status, code, detail: code }, { status, headers: extra }))
        if (fault === 'unavailable') return problem(503, 'SERVICE_UNAVAILABLE', { 'Retry-After': '1' })
        if (fault === 'busy') return problem(429, 'RATE_LIMITED', { 'Retry-After': '2' })
        if (fault === 'inUse' && method !== 'GET') return problem(409, 'IDEMPOTENCY_KEY_IN_USE')
        if (fault === 'garbage') return resolve(new Response('<html>Bad gateway</html>', { status: 502 }))
        if (fault === 'bug') return problem(500, 'INTERNAL_ERROR')
        const version = this.server.version
        const answer = this.server.handle(method, url.pathname, body, headers.get('Idempotency-Key'))
        if (this.server.version !== version) this.pushLater(delay)
        if (fault === 'lost' || page !== this.page) return page === this.page ? reject(new TypeError('Failed to fetch')) : undefined
        resolve(Response.json(answer.body, { status: answer.status }))
      }, delay)
    })
  }

  /** The service pushes the cart to the page's socket after every change, from any page; offline, the push is lost. */
  private pushLater(delay: number) {
    setTimeout(() => {
      if (!this.offline) writeCart(this.client, this.server.cart())
    }, delay)
  }

  /** The socket is back: the page fetches the cart again, since pushes may have been missed. */
  private reconnected() {
    void this.client.invalidateQueries({ queryKey: cartKeys.all })
  }

  shown(productId: number): number | undefined {
    return visibleCart(this.client)?.items.find((line) => line.productId === productId)?.quantity
  }

  click(change: PendingChange) {
    if (change.kind === 'setQuantity') this.lastIntent.set(change.productId, change.quantity)
    if (change.kind === 'remove') this.lastIntent.set(change.productId, 0)
    void submitCartChange(this.client, change)
  }

  async run(step: Step) {
    const target = 'product' in step ? PRODUCTS[step.product]! : undefined
    const info = target && { name: target.name, unitPrice: target.unitPrice, available: 9 }
    const shown = target && this.shown(target.productId)
    switch (step.kind) {
      case 'inc':
        if (shown !== undefined) this.click({ kind: 'setQuantity', productId: target!.productId, quantity: shown + 1, product: info! })
        break
      case 'dec':
        if (shown !== undefined && shown > 1) this.click({ kind: 'setQuantity', productId: target!.productId, quantity: shown - 1, product: info! })
        break
      case 'set':
        if (shown !== undefined) this.click({ kind: 'setQuantity', productId: target!.productId, quantity: step.quantity, product: info! })
        break
      case 'add':
        this.click({ kind: 'setQuantity', productId: target!.productId, quantity: (shown ?? 0) + 1, product: info! })
        break
      case 'remove':
        if (shown !== undefined) this.click({ kind: 'remove', productId: target!.productId, name: target!.name })
        break
      case 'select':
        if (shown !== undefined) this.click({ kind: 'select', productId: target!.productId, selected: step.selected, name: target!.name })
        break
      case 'selectAll':
        if ((visibleCart(this.client)?.items.length ?? 0) > 0) this.click({ kind: 'selectAll', selected: step.selected })
        break
      case 'push':
        writeCart(this.client, this.server.cart())
        break
      case 'refetch':
        void this.client.refetchQueries({ queryKey: cartKeys.detail() })
        break
      case 'reload':
        this.reload()
        break
      case 'offline':
        this.offline = true
        onlineManager.setOnline(false)
        break
      case 'online':
        this.offline = false
        onlineManager.setOnline(true)
        this.reconnected()
        break
      case 'wait':
        await vi.advanceTimersByTimeAsync(step.ms)
        break
    }
  }

  /** The network comes back and stays; everything in flight lands. False if something never stops. */
  async settle() {
    this.answers.length = 0
    if (this.offline) {
      this.offline = false
      onlineManager.setOnline(true)
      this.reconnected()
    }
    // Longer than any backoff (15 s), Retry-After (2 s) or probe of the network (30 s): a change still going after that never ends.
    for (let round = 0; round < 40; round++) {
      await vi.advanceTimersByTimeAsync(5000)
      if (this.client.isMutating() === 0 && this.client.isFetching() === 0 && onlineManager.isOnline()) {
        // Let a probe of the network that is still waiting see it is back.
        await vi.advanceTimersByTimeAsync(60_000)
        return true
      }
    }
    return false
  }
}

const projection = (cart: Cart | undefined) => cart && { version: cart.version, lines: cart.items.map((line) => [line.productId, line.quantity, line.selected]) }

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
  vi.stubGlobal('location', { href: 'http://shop.test/' })
})

afterAll(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the outbox against a model of the service', () => {
  it('ends where the shopper\'s clicks said, or says why, whatever the network did', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }),
        fc.array(step, { maxLength: 30 }),
        fc.array(answer, { maxLength: 40 }),
        async (stock, steps, answers) => {
          toasts.length = 0
          onlineManager.setOnline(true)
          const server = new ModelServer(stock)
          const world = new World(server, [...answers])
          vi.stubGlobal('fetch', world.fetch)
          for (const next of steps) await world.run(next)
          expect(await world.settle()).toBe(true)

          // (a) the screen shows the server's cart
          expect(projection(visibleCart(world.client))).toEqual(projection(server.cart()))
          // (b) each product ends at the last quantity asked for, unless a toast named it
          for (const [productId, intent] of world.lastIntent) {
            const name = PRODUCTS.find((candidate) => candidate.productId === productId)!.name
            if (!toasts.some((message) => message.includes(name))) expect([productId, server.lines.get(productId)?.quantity ?? 0]).toEqual([productId, intent])
          }
          // (c) no key was applied twice, nor used for two different changes
          expect([...server.applied.values()].every((times) => times <= 1)).toBe(true)
          expect(server.reused).toBe(0)
        },
      ),
      {
        numRuns: NUM_RUNS,
        verbose: true,
        examples: [
          // A request of the page before the reload lands after the new page's later change (found by this test).
          [[0, 2, 0], [{ kind: 'add', product: 1 }, { kind: 'wait', ms: 0 }, { kind: 'inc', product: 1 }, { kind: 'reload' }], [{ fault: 'ok', delay: 1 }]],
        ],
      },
    )
  }, 120_000)
})
