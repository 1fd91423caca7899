import { useSyncExternalStore } from 'react'

// Messages for the shopper: what happened and what they can do. Each leaves after a while.

export interface Toast {
  id: number
  message: string
}

let toasts: Toast[] = []
let nextId = 1
const listeners = new Set<() => void>()

function publish(next: Toast[]) {
  toasts = next
  listeners.forEach((listener) => listener())
}

export function showToast(message: string, lifetimeMs = 6000): void {
  const toast = { id: nextId++, message }
  publish([...toasts, toast])
  setTimeout(() => dismissToast(toast.id), lifetimeMs)
}

export function dismissToast(id: number): void {
  publish(toasts.filter((toast) => toast.id !== id))
}

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => toasts,
  )
}
