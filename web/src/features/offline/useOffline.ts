import { onlineManager, useIsMutating } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

/** Whether the browser is offline, and how many changes wait for the network. */
export function useOffline(): { offline: boolean; waiting: number } {
  const online = useSyncExternalStore(
    (listener) => onlineManager.subscribe(listener),
    () => onlineManager.isOnline(),
  )
  const waiting = useIsMutating({ predicate: (mutation) => mutation.state.isPaused })
  return { offline: !online, waiting }
}
