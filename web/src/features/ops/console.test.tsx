// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse, ws } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { navigate } from '../../lib/router'
import { forgetToken, rememberToken } from './operatorToken'
import OpsConsole from './OpsConsole'
import { opsKeys } from './queries'
import { readStockInput } from './restock'
import type { OpsProduct, Refund } from './types'

// uPlot reads the screen's pixel ratio when it loads, which jsdom has not; no chart is drawn here.
vi.mock('uplot', () => ({ default: class {} }))

const TOKEN = 'the-operators-token'
const kettle = (stock: Partial<OpsProduct> = {}): OpsProduct => ({
  id: 7, name: 'Copper Kettle', onHand: 5, reserved: 2, available: 3, openCheckouts: 1, stockVersion: 4, ...stock,
})
const refund = (status: Refund['status']): Refund => ({
  sessionId: 'sess_1', checkoutId: '5f0b1ad4-61c6-4a8f-b4ae-3c1d0b5a5b1e', amount: 2500, currency: 'EUR',
  reason: 'ARRIVED_TOO_LATE', attempts: 1, lastError: null, status, createdAt: '2026-12-01T12:00:00Z',
  nextAttemptAt: '2026-12-01T12:00:05Z', refundedAt: null,
})

/** The service's products call, taking only TOKEN, and counting who asked with what. */
function productsCall(products: () => OpsProduct[]) {
  const seen: (string | null)[] = []
  const handler = http.get('*/api/admin/products', ({ request }) => {
    const authorization = request.headers.get('Authorization')
    seen.push(authorization)
    return authorization === `Bearer ${TOKEN}`
      ? HttpResponse.json({ items: products() })
      : HttpResponse.json({ code: 'UNAUTHORIZED', detail: 'This call needs the admin token.' }, { status: 401 })
  })
  return { handler, seen }
}

// The console follows stock on the shop's socket; here it connects and hears nothing.
const stockSocket = ws.link('*/ws')
const server = setupServer(stockSocket.addEventListener('connection', () => {}))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => navigate('/ops'))
afterEach(() => {
  cleanup()
  server.resetHandlers()
  forgetToken()
  window.localStorage.clear()
})
afterAll(() => server.close())

function mount(): QueryClient {
  const client = makeQueryClient()
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } })
  render(<QueryClientProvider client={client}><OpsConsole /></QueryClientProvider>)
  return client
}

function signIn(token: string) {
  fireEvent.change(screen.getByTestId('ops-token'), { target: { value: token } })
  fireEvent.click(screen.getByTestId('ops-sign-in'))
}

describe('the operator\'s sign-in', () => {
  it('refuses a token the service does not take, in words, and keeps nothing', async () => {
    const products = productsCall(() => [kettle()])
    server.use(products.handler)
    mount()

    signIn('a guess')

    expect((await screen.findByTestId('ops-sign-in-problem')).textContent).toContain("That token is not the shop's operator token.")
    expect(products.seen).toEqual(['Bearer a guess'])
    expect(window.sessionStorage.length).toBe(0)
    expect(screen.queryByTestId('ops-products')).toBeNull()
  })

  it('keeps the token the service takes in this tab\'s sessionStorage only, and out of the query cache', async () => {
    const products = productsCall(() => [kettle()])
    server.use(products.handler)
    const client = mount()

    signIn(` ${TOKEN} `)

    expect((await screen.findByTestId('on-hand-7')).textContent).toBe('5')
    expect(window.sessionStorage.getItem('cartwright.ops.token')).toBe(TOKEN)
    expect(window.localStorage.length).toBe(0)
    const cached = JSON.stringify(client.getQueryCache().getAll().map((query) => [query.queryKey, query.state.data]))
    expect(cached).not.toContain(TOKEN)
    expect(client.getQueryCache().getAll().every((query) => query.queryKey[0] === 'ops')).toBe(true)
  })

  it('forgets the token and what was read with it on "Sign out"', async () => {
    server.use(productsCall(() => [kettle()]).handler)
    rememberToken(TOKEN)
    const client = mount()
    await screen.findByTestId('ops-products')

    fireEvent.click(screen.getByTestId('ops-sign-out'))

    expect(await screen.findByTestId('ops-token')).toBeTruthy()
    expect(window.sessionStorage.getItem('cartwright.ops.token')).toBeNull()
    expect(client.getQueryCache().findAll({ queryKey: opsKeys.all })).toEqual([])
  })

  it('goes back to the sign-in, saying why, when the service stops taking the tab\'s token', async () => {
    server.use(productsCall(() => [kettle()]).handler)
    rememberToken('the token before the restart')
    mount()

    expect((await screen.findByTestId('ops-token-refused')).textContent).toContain('no longer takes the token')
    expect(window.sessionStorage.getItem('cartwright.ops.token')).toBeNull()
  })
})

describe('the restock form', () => {
  it('says what is wrong with what was typed, and sends nothing', () => {
    expect(readStockInput('')).toEqual({ ok: false, problem: 'Enter the stock on hand, a whole number of units.' })
    expect(readStockInput('2.5')).toEqual({ ok: false, problem: 'Stock on hand is a whole number of units, 0 or more.' })
    expect(readStockInput('-1')).toEqual({ ok: false, problem: 'Stock on hand is a whole number of units, 0 or more.' })
    expect(readStockInput('1000000001')).toEqual({ ok: false, problem: 'Stock on hand can be at most 1,000,000,000 units.' })
    expect(readStockInput(' 1000000000 ')).toEqual({ ok: true, stockOnHand: 1_000_000_000 })
    expect(readStockInput('0')).toEqual({ ok: true, stockOnHand: 0 })
  })

  it('shows an invalid number in words without asking the service', async () => {
    const puts: unknown[] = []
    server.use(productsCall(() => [kettle()]).handler, http.put('*/api/admin/products/7/stock', async ({ request }) => {
      puts.push(await request.json())
      return HttpResponse.json({})
    }))
    rememberToken(TOKEN)
    mount()
    await screen.findByTestId('ops-products')

    fireEvent.change(screen.getByTestId('restock-input-7'), { target: { value: '1000000001' } })
    fireEvent.click(screen.getByTestId('restock-submit-7'))

    expect(screen.getByTestId('restock-message-7').textContent).toBe('Stock on hand can be at most 1,000,000,000 units.')
    expect(screen.getByTestId('restock-input-7').getAttribute('aria-invalid')).toBe('true')
    expect(puts).toEqual([])
  })

  it('sets the stock with the token and shows the new figures at once', async () => {
    let stock = kettle()
    const puts: { body: unknown; authorization: string | null }[] = []
    server.use(productsCall(() => [stock]).handler, http.put('*/api/admin/products/7/stock', async ({ request }) => {
      const body = (await request.json()) as { stockOnHand: number }
      puts.push({ body, authorization: request.headers.get('Authorization') })
      stock = kettle({ onHand: body.stockOnHand, available: body.stockOnHand - 2 })
      return HttpResponse.json({ productId: 7, stockOnHand: body.stockOnHand, reserved: 2, available: body.stockOnHand - 2 })
    }))
    rememberToken(TOKEN)
    mount()
    await screen.findByTestId('ops-products')

    fireEvent.change(screen.getByTestId('restock-input-7'), { target: { value: '40' } })
    fireEvent.click(screen.getByTestId('restock-submit-7'))

    await waitFor(() => expect(screen.getByTestId('restock-message-7').textContent).toBe('Stock on hand is now 40.'))
    expect(screen.getByTestId('on-hand-7').textContent).toBe('40')
    expect(screen.getByTestId('available-7').textContent).toBe('38')
    expect(puts).toEqual([{ body: { stockOnHand: 40 }, authorization: `Bearer ${TOKEN}` }])
  })

  it('says the service\'s reason when it refuses the stock', async () => {
    server.use(productsCall(() => [kettle()]).handler, http.put('*/api/admin/products/7/stock', () => HttpResponse.json(
      { code: 'STOCK_BELOW_RESERVED', detail: '2 units are reserved for checkouts; stock on hand cannot go below that.', reserved: 2 },
      { status: 409 })))
    rememberToken(TOKEN)
    mount()
    await screen.findByTestId('ops-products')

    fireEvent.change(screen.getByTestId('restock-input-7'), { target: { value: '1' } })
    fireEvent.click(screen.getByTestId('restock-submit-7'))

    await waitFor(() => expect(screen.getByTestId('restock-message-7').textContent)
      .toBe('2 units are reserved for checkouts; stock on hand cannot go below that.'))
    expect(screen.getByTestId('on-hand-7').textContent).toBe('5')
  })
})

describe('the refund button', () => {
  it('is disabled while the refund is sent, and then shows the state the service answered', async () => {
    let listed = true
    let refundsRead = 0
    let release = () => {}
    const answered = new Promise<void>((resolve) => { release = resolve })
    const sends: (string | null)[] = []
    server.use(
      // As the service does, the list leaves out a refund once it is made.
      http.get('*/api/admin/refunds', () => {
        refundsRead++
        return HttpResponse.json({ items: listed ? [refund('DEAD')] : [] })
      }),
      http.post('*/api/admin/refunds/sess_1/send', async ({ request }) => {
        sends.push(request.headers.get('Authorization'))
        await answered
        listed = false
        return HttpResponse.json(refund('REFUNDED'))
      }),
    )
    rememberToken(TOKEN)
    navigate('/ops/refunds')
    mount()
    const button = await screen.findByTestId('refund-send-sess_1')
    expect(screen.getByTestId('refund-state-sess_1').textContent).toBe('Could not be sent')

    fireEvent.click(button)

    await waitFor(() => expect(button.textContent).toBe('Sending…'))
    expect((button as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(button)
    const readBeforeSend = refundsRead
    act(() => release())
    await waitFor(() => expect(screen.getByTestId('refund-state-sess_1').textContent).toBe('Refunded'))
    await waitFor(() => expect(refundsRead).toBeGreaterThan(readBeforeSend))
    expect(screen.getByTestId('refund-state-sess_1').textContent, 'still shown once the list leaves it out').toBe('Refunded')
    expect(button.textContent).toBe('Refund')
    expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(sends).toEqual([`Bearer ${TOKEN}`])
  })

  it('says why a refund could not be sent, and can be pressed again', async () => {
    server.use(
      http.get('*/api/admin/refunds', () => HttpResponse.json({ items: [refund('REFUSED')] })),
      http.post('*/api/admin/refunds/sess_1/send', async () => {
        await delay(10)
        return HttpResponse.json({ code: 'REFUND_REFUSED', detail: 'The provider refused the refund: the card is closed.' }, { status: 409 })
      }),
    )
    rememberToken(TOKEN)
    navigate('/ops/refunds')
    mount()

    fireEvent.click(await screen.findByTestId('refund-send-sess_1'))

    expect((await screen.findByRole('alert')).textContent).toContain('The provider refused the refund: the card is closed.')
    expect((screen.getByTestId('refund-send-sess_1') as HTMLButtonElement).disabled).toBe(false)
  })
})
