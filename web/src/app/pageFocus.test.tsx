// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { navigate, usePath } from '../lib/router'
import { focusPageHeading, usePageFocus } from './pageFocus'

afterEach(() => {
  cleanup()
  document.body.innerHTML = ''
})

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe("the focus on a page change goes to the new page's heading", () => {
  it('at once when the heading is there, made focusable by script only', () => {
    document.body.innerHTML = '<main><h1>Copper Kettle</h1></main>'

    focusPageHeading(document)

    expect(document.activeElement?.textContent).toBe('Copper Kettle')
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1')
  })

  it('when it appears, for a page that is still loading', async () => {
    document.body.innerHTML = '<main><p>Loading…</p></main>'
    focusPageHeading(document)
    expect(document.activeElement).toBe(document.body)

    document.querySelector('main')!.innerHTML = '<h1>Your order</h1>'
    await tick()

    expect(document.activeElement?.textContent).toBe('Your order')
  })

  it('not when the shopper has put the focus elsewhere meanwhile', async () => {
    document.body.innerHTML = '<input aria-label="Search products"><main><p>Loading…</p></main>'
    focusPageHeading(document)

    document.querySelector('input')!.focus()
    document.querySelector('main')!.innerHTML = '<h1>Your order</h1>'
    await tick()

    expect(document.activeElement?.getAttribute('aria-label')).toBe('Search products')
  })

  function Pages() {
    usePageFocus()
    const path = usePath()
    return (
      <>
        <input aria-label="Search products" />
        <h1>{path === '/' ? 'Everything in the shop' : `Page ${path}`}</h1>
      </>
    )
  }

  it('after links, back and forward; not on the first page nor while a search is typed', async () => {
    navigate('/')
    render(<Pages />)
    expect(document.activeElement).toBe(document.body)

    act(() => navigate('/products/7'))
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Page /products/7' }))

    screen.getByRole('textbox', { name: 'Search products' }).focus()
    act(() => navigate('/?q=tea', { keepFocus: true }))
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search products' }))

    act(() => {
      window.history.pushState(null, '', '/products/8')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Page /products/8' }))

    screen.getByRole('textbox', { name: 'Search products' }).focus()
    act(() => {
      window.history.pushState(null, '', '/products/8#cart')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })
    expect(document.activeElement, 'the phone cart drawer opening is not a page change').toBe(screen.getByRole('textbox', { name: 'Search products' }))
  })
})
