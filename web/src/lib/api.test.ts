import { onlineManager } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { api, ApiProblem, isTransient, NetworkFailure, retryAfterMs } from './api'
import { retryDelay } from './queryClient'

const server = setupServer()
beforeAll(() => {
  vi.stubGlobal('location', { href: 'http://shop.test/' })
  server.listen({ onUnhandledRequest: 'error' })
})
afterEach(() => {
  server.resetHandlers()
  onlineManager.setOnline(true)
  vi.useRealTimers()
})
afterAll(() => {
  server.close()
  vi.unstubAllGlobals()
})

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('answered'), (error: unknown) => error)

describe('what is worth trying again', () => {
  it('busy, restarting or still running answers, and those no proxy should have sent, are transient', async () => {
    const answers: Array<[number, object | string]> = [
      [408, { code: 'REQUEST_TIMEOUT' }], [429, { code: 'RATE_LIMITED' }], [409, { code: 'IDEMPOTENCY_KEY_IN_USE' }],
      [502, { code: 'BAD_GATEWAY' }], [503, { code: 'SERVICE_UNAVAILABLE' }], [504, { code: 'GATEWAY_TIMEOUT' }],
      [500, '<html>Internal Server Error</html>'], [200, '<html>Sign in to the Wi-Fi</html>'],
    ]
    for (const [status, body] of answers) {
      server.use(http.put('*/api/cart/products/1', () =>
        typeof body === 'string' ? new HttpResponse(body, { status, headers: { 'Content-Type': 'text/html' } }) : HttpResponse.json(body, { status })))
      expect([status, isTransient(await failure(api('/api/cart/products/1', { method: 'PUT', body: {} })))]).toEqual([status, true])
    }
  })

  it('a refusal, or a failure the service owns up to, is not', async () => {
    for (const [status, code] of [[409, 'INSUFFICIENT_STOCK'], [404, 'CART_ITEM_NOT_FOUND'], [422, 'IDEMPOTENCY_KEY_REUSED'], [500, 'INTERNAL_ERROR']] as const) {
      server.use(http.put('*/api/cart/products/1', () => HttpResponse.json({ code, detail: 'No.' }, { status })))
      expect([code, isTransient(await failure(api('/api/cart/products/1', { method: 'PUT', body: {} })))]).toEqual([code, false])
    }
  })

  it('the retry waits at least as long as Retry-After asks, in seconds or as a date', async () => {
    server.use(http.put('*/api/cart/products/1', () => HttpResponse.json({ code: 'RATE_LIMITED' }, { status: 429, headers: { 'Retry-After': '7' } })))

    const error = (await failure(api('/api/cart/products/1', { method: 'PUT', body: {} }))) as ApiProblem

    expect(error.retryAfterMs).toBe(7000)
    expect(retryDelay(0, error)).toBeGreaterThanOrEqual(7000)
    expect(retryDelay(0, new Error('other'))).toBeLessThanOrEqual(500)
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString(), Date.now())).toBeGreaterThan(1000)
    expect(retryAfterMs(null)).toBeNull()
  })
})

describe('a shop out of reach', () => {
  it('makes TanStack Query offline until the health probe answers again', async () => {
    let reachable = false
    server.use(
      http.put('*/api/cart/products/1', () => HttpResponse.error()),
      http.get('*/actuator/health', () => (reachable ? HttpResponse.json({ status: 'UP' }) : HttpResponse.error())),
    )
    vi.useFakeTimers({ toFake: ['setTimeout'] })

    expect(await failure(api('/api/cart/products/1', { method: 'PUT', body: {} }))).toBeInstanceOf(NetworkFailure)
    expect(onlineManager.isOnline()).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(onlineManager.isOnline()).toBe(false)
    reachable = true
    await vi.advanceTimersByTimeAsync(2000)

    expect(onlineManager.isOnline()).toBe(true)
  })
})
