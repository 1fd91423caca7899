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
