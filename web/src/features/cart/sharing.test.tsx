// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makeQueryClient } from '../../lib/queryClient'
import { JoinPage } from './JoinPage'
import { cartKeys } from './queries'
import { SharePanel } from './SharePanel'
import type { Cart, CartMembers } from './types'

function cart(id: string, members: number): Cart {
  return {
    id, version: 3, items: [], couponCode: null, coupon: null, members,
    totals: { itemCount: 0, selectedCount: 0, subtotal: 0, discount: 0, shipping: 0, total: 0, currency: 'EUR' },
  }
}

const problem = (status: number, code: string, detail: string) =>
  HttpResponse.json({ status, code, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } })

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => window.history.replaceState(null, '', '/join/the-token'))
afterEach(() => {
  cleanup()
  server.resetHandlers()
})
afterAll(() => server.close())

function show(page: ReactNode) {
  const client = makeQueryClient()
  client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retry: false } })
  render(<QueryClientProvider client={client}>{page}</QueryClientProvider>)
  return client
}

describe('the join page', () => {
  it("asks before joining: 'No thanks' joins nothing and goes to the shop", async () => {
    const joins: unknown[] = []
    server.use(
      http.get('*/api/cart/invitations/the-token', () =>
        HttpResponse.json({ ownerName: 'Ada', members: 2, itemCount: 3, expiresAt: '2030-01-01T00:00:00Z' })),
      http.post('*/api/cart/join', async ({ request }) => {
        joins.push(await request.json())
        return HttpResponse.json(cart('shared', 3))
      }),
    )
    show(<JoinPage token="the-token" />)

    expect((await screen.findByTestId('join-question')).textContent).toBe("Join Ada's cart?")
    expect(screen.getByText('Your own cart waits for you.')).toBeTruthy()
    expect(screen.getByText(/3 items in it, already shared by 2 people/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'No thanks' }))

    expect(window.location.pathname).toBe('/')
    expect(joins).toEqual([])
  })

  it('joins with the first name given, takes the shared cart and goes to the shop', async () => {
    const joins: unknown[] = []
    server.use(
      http.get('*/api/cart/invitations/the-token', () =>
        HttpResponse.json({ ownerName: null, members: 1, itemCount: 1, expiresAt: '2030-01-01T00:00:00Z' })),
      http.post('*/api/cart/join', async ({ request }) => {
        joins.push(await request.json())
        return HttpResponse.json(cart('shared', 2))
      }),
    )
    const client = show(<JoinPage token="the-token" />)

    expect((await screen.findByTestId('join-question')).textContent).toBe('Join this shared cart?')
    fireEvent.change(screen.getByLabelText(/Your first name/), { target: { value: ' Grace ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Join' }))

    await waitFor(() => expect(window.location.pathname).toBe('/'))
    expect(joins).toEqual([{ token: 'the-token', name: 'Grace' }])
    expect(client.getQueryData<Cart>(cartKeys.detail())?.id).toBe('shared')
  })

  it('an expired or withdrawn link says so and offers no Join', async () => {
    server.use(http.get('*/api/cart/invitations/the-token', () =>
      problem(410, 'INVITATION_EXPIRED', 'This invitation link has expired. Ask for a new one.')))
    show(<JoinPage token="the-token" />)

    expect((await screen.findByRole('alert')).textContent).toBe('This invitation link has expired. Ask for a new one.')
    expect(screen.queryByRole('button', { name: 'Join' })).toBeNull()
  })
})

describe('the share panel', () => {
  const owned: CartMembers = {
    role: 'OWNER', openInvitations: 1,
    members: [{ id: 'm-1', name: 'Grace', joinedAt: '2030-01-01T10:00:00Z' }, { id: 'm-2', name: null, joinedAt: '2030-01-01T10:05:00Z' }],
  }

  it('the owner shares with a first name, sees who joined, removes one and withdraws the links', async () => {
    const calls: string[] = []
    let listed = owned
    server.use(
      http.get('*/api/cart/members', () => HttpResponse.json(listed)),
      http.post('*/api/cart/share', async ({ request }) => {
        calls.push(`share ${JSON.stringify(await request.json())}`)
        return HttpResponse.json({ token: 't1', url: '/join/t1', expiresAt: '2030-01-08T00:00:00Z' })
      }),
      http.delete('*/api/cart/members/:id', ({ params }) => {
        calls.push(`remove ${String(params.id)}`)
        listed = { ...listed, members: listed.members.filter((member) => member.id !== params.id) }
        return new HttpResponse(null, { status: 204 })
      }),
      http.delete('*/api/cart/share', () => {
        calls.push('revoke')
        listed = { ...listed, openInvitations: 0 }
        return new HttpResponse(null, { status: 204 })
      }),
    )
    show(<SharePanel cart={cart('mine', 3)} />)

    await waitFor(() => expect(screen.getAllByTestId('cart-member').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Grace, joined'), expect.stringContaining('Someone, joined'),
    ]))
    expect(screen.queryByText('Leave this cart')).toBeNull()
    fireEvent.click(screen.getByTestId('share-cart'))
    fireEvent.change(screen.getByLabelText(/Your first name/), { target: { value: 'Ada' } })
    fireEvent.click(screen.getByTestId('create-share-link'))
    expect(((await screen.findByTestId('share-link')) as HTMLInputElement).value).toBe(`${window.location.origin}/join/t1`)
    fireEvent.click(screen.getByTestId('remove-member-m-1'))
    await waitFor(() => expect(screen.getAllByTestId('cart-member')).toHaveLength(1))
    fireEvent.click(screen.getByTestId('revoke-links'))

    await waitFor(() => expect(screen.queryByTestId('share-link')).toBeNull())
    await waitFor(() => expect(screen.queryByTestId('revoke-links')).toBeNull())
    expect(calls).toEqual(['share {"name":"Ada"}', 'remove m-1', 'revoke'])
  })

  it('a member may leave but not share or remove', async () => {
    server.use(http.get('*/api/cart/members', () => HttpResponse.json({ ...owned, role: 'MEMBER' })))
    show(<SharePanel cart={cart('theirs', 3)} />)

    expect(await screen.findByText('Leave this cart')).toBeTruthy()
    expect(screen.queryByTestId('share-cart')).toBeNull()
    expect(screen.queryByTestId('cart-member')).toBeNull()
  })
})
