import { createStore, useStore } from './store'

// Three pages need no router library: the shop, the checkout and a checkout's outcome.

const path = createStore(window.location.pathname)
window.addEventListener('popstate', () => path.set(window.location.pathname))

export function navigate(to: string): void {
  window.history.pushState(null, '', to)
  path.set(window.location.pathname)
}

export function usePath(): string {
  return useStore(path)
}
