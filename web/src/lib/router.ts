import type { MouseEvent } from 'react'
import { createStore, useStore } from './store'

// A handful of pages need no router library: the shop (with its search in `?q=`), a product, the
// checkout, a checkout made (to pay again), its outcome, an invitation to a shared cart, signing
// in and up, and the shopper's orders. App matches the paths.

interface Place {
  path: string
  search: string
}

const here = (): Place => ({ path: window.location.pathname, search: window.location.search })
const place = createStore(here())

/**
 * Counts the page changes that should take the focus to the new page's heading: links, back and
 * forward. The first page, a search being typed and a change of the hash alone (the phone's cart
 * drawer) are not page changes.
 */
const pageChanges = createStore(0)

function follow(moveFocus: boolean): void {
  const before = place.get()
  const after = here()
  if (after.path === before.path && after.search === before.search) return
  place.set(after)
  if (moveFocus) pageChanges.set(pageChanges.get() + 1)
}

window.addEventListener('popstate', () => follow(true))

export interface Navigation {
  /** Rewrites the current entry of the history instead of adding one (a search being typed). */
  replace?: boolean
  /** The focus stays where it is (in the search box being typed in). */
  keepFocus?: boolean
}

export function navigate(to: string, { replace = false, keepFocus = false }: Navigation = {}): void {
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  follow(!keepFocus)
}

/**
 * For a link's onClick: its address opens here without loading the page again, unless the
 * shopper asked for another tab or window (a modifier key, another button).
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(event.currentTarget.getAttribute('href') ?? '/')
}

export function usePath(): string {
  return useStore(place).path
}

/** One parameter of the address's query string, '' when it has none. */
export function useSearchParam(name: string): string {
  return new URLSearchParams(useStore(place).search).get(name) ?? ''
}

export function usePageChanges(): number {
  return useStore(pageChanges)
}
