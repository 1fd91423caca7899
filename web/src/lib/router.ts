import type { MouseEvent } from 'react'
import { createStore, useStore } from './store'

// A handful of pages need no router library: the shop, the checkout, a checkout made (to pay
// again), its outcome, and an invitation to a shared cart. App matches the paths.

const path = createStore(window.location.pathname)
window.addEventListener('popstate', () => path.set(window.location.pathname))

export function navigate(to: string): void {
  window.history.pushState(null, '', to)
  path.set(window.location.pathname)
}

export function usePath(): string {
  return useStore(path)
}

/** A plain click on a link of this shop moves without a reload, so changes on their way are not cut off; others stay the browser's. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
  event.preventDefault()
  navigate(event.currentTarget.getAttribute('href') ?? '/')
}
