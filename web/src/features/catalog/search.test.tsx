// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { navigate, usePath, useSearchParam } from '../../lib/router'
import { SEARCH_DEBOUNCE_MS, searchHref, searchNavigation } from './search'
import { useSearchBox } from './useSearchBox'

describe('the address of a search', () => {
  it('is the shop with ?q=, trimmed and encoded; no search is the shop itself', () => {
    expect(searchHref('  copper kettle ')).toBe('/?q=copper+kettle')
    expect(searchHref('mug & tea?')).toBe('/?q=mug+%26+tea%3F')
    expect(searchHref('   ')).toBe('/')
  })

  it("rewrites the shop's own entry as it is typed, and opens the shop once from another page; the focus stays", () => {
    expect(searchNavigation('/')).toEqual({ replace: true, keepFocus: true })
    expect(searchNavigation('/products/7')).toEqual({ replace: false, keepFocus: true })
  })
})

describe('the search box', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    navigate('/')
  })
  afterEach(() => vi.useRealTimers())

  const box = () => renderHook(() => ({ box: useSearchBox(), query: useSearchParam('q'), path: usePath() }))
  const type = (hook: ReturnType<typeof box>, text: string) => act(() => hook.result.current.box.setText(text))
  const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms))

  it('searches once typing has paused, rewriting the entry rather than adding one per word', () => {
    const hook = box()
    const entries = window.history.length

    type(hook, 'c')
    wait(SEARCH_DEBOUNCE_MS - 50)
    type(hook, 'co')
    wait(SEARCH_DEBOUNCE_MS - 50)
    type(hook, 'copper ')

    expect(hook.result.current.box.text).toBe('copper ')
    expect(hook.result.current.query).toBe('')
    wait(SEARCH_DEBOUNCE_MS - 1)
    expect(window.location.search).toBe('')
    wait(1)
    expect(hook.result.current.query).toBe('copper')
    expect(window.location.search).toBe('?q=copper')
    expect(hook.result.current.box.text).toBe('copper ')
    expect(window.history.length).toBe(entries)
  })

  it('typed on a product page, opens the shop with the results as a new entry', () => {
    navigate('/products/7')
    const hook = box()
    const entries = window.history.length

    type(hook, 'tea')
    wait(SEARCH_DEBOUNCE_MS)

    expect(hook.result.current.path).toBe('/')
    expect(hook.result.current.query).toBe('tea')
    expect(window.history.length).toBe(entries + 1)
  })

  it('shows the search of an entry gone back or forward to at once, and drops what was being typed', () => {
    navigate('/?q=mug')
    navigate('/?q=kettle')
    const hook = box()
    expect(hook.result.current.box.text).toBe('kettle')
    type(hook, 'kettles')

    act(() => {
      window.history.replaceState(null, '', '/?q=mug')
      window.dispatchEvent(new PopStateEvent('popstate'))
    })

    expect(hook.result.current.box.text).toBe('mug')
    wait(SEARCH_DEBOUNCE_MS * 2)
    expect(window.location.search).toBe('?q=mug')
  })

  it('takes its first text from the address, as after a reload', () => {
    navigate('/?q=copper%20kettle')
    expect(box().result.current.box.text).toBe('copper kettle')
  })
})
