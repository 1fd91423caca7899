import type { MouseEvent } from 'react'
import { createStore, useStore } from './store'

// A handful of pages need no router library: the shop, the checkout, a checkout made (to pay
// again), its outcome, an invitation to a shared cart, and the shopper's orders. App matches the paths.

const path = createStore(window.location.pathname)
window.addEventListener('popstate', () => path.set(window.location.pathname))

export function navigate(to: string): void {
  window.history.pushState(null, '', to)
  path.set(window.location.pathname)
}

export function usePath(): string {
  return useStore(path)
}

/** A link followed inside the page, without a reload; a click meant for a new tab or window stays the browser's. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(event.currentTarget.getAttribute('href') ?? '/')
}
