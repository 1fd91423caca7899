import {
  defaultShouldDehydrateQuery,
  partialMatchKey,
  type DehydratedState,
  type DehydrateOptions,
  type Mutation,
  type Query,
} from '@tanstack/react-query'
import type { PersistedClient, Persister, PersistQueryClientOptions } from '@tanstack/react-query-persist-client'

// Changes survive a reload: every pending change is kept in local storage with its
// Idempotency-Key and runs again, in order, when the page comes back. TanStack Query keeps only
// paused mutations by default and resumes only those (TanStack/query#6238); a change that was on
// its way when the page went away is kept and resumed too. If it had reached the server, its key
// makes the server answer with the stored result instead of applying it again.
//
// Each tab keeps its own outbox under its own key, so tabs never overwrite each other's, and a
// change is replayed by one tab only: the tab that made it, or, once that tab is gone, the one
// tab that takes its lock and adopts what it left.

/** What is worth keeping across a reload, and what to do with it when it comes back. */
export interface PersistRules {
  /** The first part of the keys of the queries kept (others, and those with `meta.persist === false`, stay in memory). */
  queryRoots: readonly string[]
  /** The key of the mutations that are the outbox; no other mutation is kept. */
  mutationKey: readonly unknown[]
  /** A last look at what was restored before it goes into the cache. */
  prepare?: (state: DehydratedState) => DehydratedState
}

export const QUERY_MAX_AGE_MS = 24 * 60 * 60 * 1000
const BUSTER = 'cartwright-2'
const PREFIX = 'cartwright.outbox.'
const TAB = 'cartwright.tab'
/** Where every tab kept one shared cache before each had its own. */
const LEGACY = 'cartwright.cache'

export function dehydrateOptions(rules: PersistRules): DehydrateOptions {
  return {
    shouldDehydrateMutation: (mutation: Mutation) =>
      mutation.state.status === 'pending' && partialMatchKey(mutation.options.mutationKey ?? [], rules.mutationKey),
    shouldDehydrateQuery: (query: Query) =>
      defaultShouldDehydrateQuery(query) && query.meta?.persist !== false && rules.queryRoots.includes(String(query.queryKey[0])),
  }
}

/**
 * What was restored, made ready for the cache: changes wait to be resumed, whether they had been
 * paused or were on their way; queries too old to be worth showing are left out.
 */
export function prepareRestored(state: DehydratedState, rules: PersistRules, now = Date.now()): DehydratedState {
  const mutations = state.mutations.map((mutation) =>
    mutation.state.status === 'pending' ? { ...mutation, state: { ...mutation.state, isPaused: true } } : mutation,
  )
  const queries = state.queries.filter((query) => now - query.state.dataUpdatedAt <= QUERY_MAX_AGE_MS)
  const restored = { ...state, mutations, queries }
  return rules.prepare ? rules.prepare(restored) : restored
}

type Locks = Pick<LockManager, 'request'>

export interface TabEnvironment {
  storage: Storage
  session: Storage
  /** Missing in old browsers and in jsdom: then each tab keeps its own key, and nothing is adopted. */
  locks: Locks | undefined
}

const lockName = (tab: string) => `cartwright-tab-${tab}`

/**
 * This tab's id, held by a lock for the tab's life. A duplicated tab copies sessionStorage, and
 * so the id; it finds the lock taken and chooses a new one.
 */
async function claimTab({ session, locks }: TabEnvironment): Promise<string> {
  for (;;) {
    const id = session.getItem(TAB) ?? crypto.randomUUID()
    const held = !locks || (await new Promise<boolean>((resolve) => {
      void locks.request(lockName(id), { ifAvailable: true }, (lock) => {
        resolve(lock !== null)
        return lock === null ? undefined : new Promise<never>(() => {})
      })
    }))
    session.setItem(TAB, held ? id : crypto.randomUUID())
    if (held) return id
  }
}

function read(storage: Storage, key: string): PersistedClient | undefined {
  try {
    const client = JSON.parse(storage.getItem(key) ?? 'null') as PersistedClient | null
    return client?.buster === BUSTER ? client : undefined
  } catch {
    return undefined
  }
}

function write(storage: Storage, key: string, client: PersistedClient): void {
  try {
    storage.setItem(key, JSON.stringify(client))
  } catch {
    // Storage full or refused: the changes still run while this page lives.
  }
}

function merge(own: PersistedClient | undefined, orphan: PersistedClient): PersistedClient {
  if (!own) return orphan
  const { mutations, queries } = own.clientState
  // A query in both is hydrated from the newer of the two (hydrate compares dataUpdatedAt).
  const clientState = { mutations: [...mutations, ...orphan.clientState.mutations], queries: [...queries, ...orphan.clientState.queries] }
  return { ...own, clientState }
}

/**
 * Outboxes whose tab is gone (nobody holds its lock). Each is taken by one tab only, the one that
 * gets the lock; it is written into this tab's key before it is deleted, so a crash in between
 * keeps it somewhere.
 */
async function adoptOrphans(env: TabEnvironment, ownKey: string, own: PersistedClient | undefined): Promise<PersistedClient | undefined> {
  let merged = own
  const { storage, locks } = env
  if (!locks) return merged
  const keys = Array.from({ length: storage.length }, (_, index) => storage.key(index)).filter(
    (key): key is string => key !== null && key.startsWith(PREFIX) && key !== ownKey,
  )
  for (const key of keys) {
    await locks.request(lockName(key.slice(PREFIX.length)), { ifAvailable: true }, (lock) => {
      if (lock === null) return
      const orphan = read(storage, key)
      if (orphan) {
        merged = merge(merged, orphan)
        write(storage, ownKey, merged)
      }
      storage.removeItem(key)
    })
  }
  return merged
}

/** This tab's persister, and a flush that writes what is waiting at once (the page is going away). */
export function tabPersister(rules: PersistRules, env: TabEnvironment): { persister: Persister; flush: () => void } {
  const tab = claimTab(env)
  let key: string | undefined
  let waiting: PersistedClient | undefined
  let timer: ReturnType<typeof setTimeout> | undefined

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    if (key && waiting) write(env.storage, key, waiting)
    waiting = undefined
  }
  const persister: Persister = {
    persistClient: (client) => {
      waiting = client
      timer ??= setTimeout(flush, 100)
    },
    restoreClient: async () => {
      key = PREFIX + (await tab)
      const restored = await adoptOrphans(env, key, read(env.storage, key))
      env.storage.removeItem(LEGACY)
      if (!restored) return undefined
      // Each change's own age decides whether it is still replayed (rules.prepare), not the save's.
      return { buster: BUSTER, timestamp: Date.now(), clientState: prepareRestored(restored.clientState, rules) }
    },
    removeClient: () => {
      if (key) env.storage.removeItem(key)
    },
  }
  return { persister, flush }
}

/** The browser's persistence: this tab's own key, flushed when the page is hidden or goes away. */
export function browserPersistOptions(rules: PersistRules): Omit<PersistQueryClientOptions, 'queryClient'> {
  const locks = 'locks' in navigator ? navigator.locks : undefined
  const { persister, flush } = tabPersister(rules, { storage: window.localStorage, session: window.sessionStorage, locks })
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
  return { persister, buster: BUSTER, maxAge: Infinity, dehydrateOptions: dehydrateOptions(rules) }
}
