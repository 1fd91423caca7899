import { createStore, useStore } from './store'

// Messages for the shopper: what happened and what they can do. Each leaves after a while.

export interface Toast {
  id: number
  message: string
}

const toasts = createStore<Toast[]>([])
let nextId = 1

export function showToast(message: string, lifetimeMs = 6000): void {
  const toast = { id: nextId++, message }
  toasts.set([...toasts.get(), toast])
  setTimeout(() => dismissToast(toast.id), lifetimeMs)
}

export function dismissToast(id: number): void {
  toasts.set(toasts.get().filter((toast) => toast.id !== id))
}

export function useToasts(): Toast[] {
  return useStore(toasts)
}
