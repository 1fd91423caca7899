import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister'
import { defaultShouldDehydrateQuery, type DehydratedState, type Query } from '@tanstack/react-query'
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client'

// Changes survive a reload: every pending mutation is kept in local storage with its
// Idempotency-Key and runs again, in order, when the page comes back. TanStack Query keeps
// only paused mutations by default and resumes only those (TanStack/query#6238); a change that
// was on its way when the page went away is kept and resumed too. If it had reached the
// server, its key makes the server answer with the stored result instead of applying it again.

/** Restored changes wait to be resumed, whether they had been paused or were on their way. */
export function pauseRestoredMutations(state: DehydratedState): void {
  state.mutations.forEach((mutation) => {
    if (mutation.state.status === 'pending') mutation.state.isPaused = true
  })
}

export const shouldPersistMutation = (mutation: { state: { status: string } }) => mutation.state.status === 'pending'

/** A query whose key or data holds a secret says `meta: { persist: false }` and stays in memory. */
export const shouldPersistQuery = (query: Query) => defaultShouldDehydrateQuery(query) && query.meta?.persist !== false

const base = createSyncStoragePersister({ storage: window.localStorage, key: 'cartwright.cache', throttleTime: 100 })

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister: {
    ...base,
    restoreClient: async () => {
      const restored = await base.restoreClient()
      if (restored) pauseRestoredMutations(restored.clientState)
      return restored
    },
  },
  maxAge: 24 * 60 * 60 * 1000,
  buster: 'cartwright-1',
  dehydrateOptions: { shouldDehydrateMutation: shouldPersistMutation, shouldDehydrateQuery: shouldPersistQuery },
}
