import { useSyncExternalStore } from 'react'

// Three pages need no router library: the shop, the checkout and a checkout's outcome.

const listeners = new Set<() => void>()
window.addEventListener('popstate', () => listeners.forEach((listener) => listener()))

export function navigate(path: string): void {
  window.history.pushState(null, '', path)
  listeners.forEach((listener) => listener())
}

export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => window.location.pathname,
  )
}
