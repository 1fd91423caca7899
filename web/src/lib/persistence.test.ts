import { dehydrate, QueryClient } from '@tanstack/react-query'
import type { PersistedClient } from '@tanstack/react-query-persist-client'
import { describe, expect, it } from 'vitest'
import { dehydrateOptions, tabPersister, type PersistRules, type TabEnvironment } from './persistence'

const rules: PersistRules = { queryRoots: ['cart', 'products'], mutationKey: ['cart', 'change'] }

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  get length() { return this.items.size }
  clear() { this.items.clear() }
  getItem(key: string) { return this.items.get(key) ?? null }
  key(index: number) { return [...this.items.keys()][index] ?? null }
  removeItem(key: string) { this.items.delete(key) }
  setItem(key: string, value: string) { this.items.set(key, value) }
  copy() {
    const copy = new MemoryStorage()
    this.items.forEach((value, key) => copy.setItem(key, value))
    return copy
  }
}

/** The Web Locks API of one origin, as far as tabs use it; `close` lets go of what a tab held, as closing it does. */
function originLocks() {
  const held = new Set<string>()
  const locks = {
    request: async (name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
      if (held.has(name)) return callback(null)
      held.add(name)
      try {
        return await callback({ name, mode: 'exclusive' } as Lock)
      } finally {
        held.delete(name)
      }
    },
  } as unknown as TabEnvironment['locks']
  return { locks, close: (tab: string) => held.delete(`cartwright-tab-${tab}`) }
}

const outbox = (...keys: string[]): PersistedClient => ({
  buster: 'cartwright-2',
  timestamp: Date.now(),
  clientState: {
    queries: [],
    mutations: keys.map((idempotencyKey, seq) => ({
      mutationKey: ['cart', 'change'],
      state: {
        status: 'pending', isPaused: false, submittedAt: Date.now(), variables: { idempotencyKey, seq },
        context: undefined, data: undefined, error: null, failureCount: 0, failureReason: null,
      },
    })),
  },
})

const keysOf = (client: PersistedClient | undefined) =>
  client?.clientState.mutations.map((mutation) => (mutation.state.variables as { idempotencyKey: string }).idempotencyKey)

async function openTab(storage: MemoryStorage, session: MemoryStorage, locks: TabEnvironment['locks']) {
  const tab = tabPersister(rules, { storage, session, locks })
  const restored = await tab.persister.restoreClient()
  return { ...tab, restored, id: session.getItem('cartwright.tab')! }
}

describe('each tab its own outbox', () => {
  it('a tab keeps its outbox under its own key, and finds it again after a reload', async () => {
    const storage = new MemoryStorage()
    const session = new MemoryStorage()
    const { locks, close } = originLocks()
    const first = await openTab(storage, session, locks)

    await first.persister.persistClient(outbox('k1'))
    first.flush()
    close(first.id)
    const reloaded = await openTab(storage, session, locks)

    expect(storage.getItem(`cartwright.outbox.${first.id}`)).not.toBeNull()
    expect(reloaded.id).toBe(first.id)
    expect(keysOf(reloaded.restored)).toEqual(['k1'])
  })

  it('a duplicated tab, which copied the id, chooses its own and leaves the other tab\'s outbox alone', async () => {
    const storage = new MemoryStorage()
    const session = new MemoryStorage()
    const { locks } = originLocks()
    const first = await openTab(storage, session, locks)
    await first.persister.persistClient(outbox('k1'))
    first.flush()

    const duplicate = await openTab(storage, session.copy(), locks)

    expect(duplicate.id).not.toBe(first.id)
    expect(duplicate.restored).toBeUndefined()
    expect(keysOf(JSON.parse(storage.getItem(`cartwright.outbox.${first.id}`)!))).toEqual(['k1'])
  })

  it('the outbox of a closed tab is adopted by one tab only, and then deleted', async () => {
    const storage = new MemoryStorage()
    const { locks, close } = originLocks()
    const gone = await openTab(storage, new MemoryStorage(), locks)
    await gone.persister.persistClient(outbox('k1', 'k2'))
    gone.flush()
    close(gone.id)

    const [one, other] = await Promise.all([openTab(storage, new MemoryStorage(), locks), openTab(storage, new MemoryStorage(), locks)])

    expect([keysOf(one.restored), keysOf(other.restored)].filter(Boolean)).toEqual([['k1', 'k2']])
    expect(storage.getItem(`cartwright.outbox.${gone.id}`)).toBeNull()
    const adopter = one.restored ? one : other
    expect(keysOf(JSON.parse(storage.getItem(`cartwright.outbox.${adopter.id}`)!))).toEqual(['k1', 'k2'])
  })

  it('an open tab\'s outbox is nobody else\'s', async () => {
    const storage = new MemoryStorage()
    const { locks } = originLocks()
    const open = await openTab(storage, new MemoryStorage(), locks)
    await open.persister.persistClient(outbox('k1'))
    open.flush()

    const another = await openTab(storage, new MemoryStorage(), locks)

    expect(another.restored).toBeUndefined()
    expect(storage.getItem(`cartwright.outbox.${open.id}`)).not.toBeNull()
  })

  it('without Web Locks a tab keeps its own key and adopts nothing', async () => {
    const storage = new MemoryStorage()
    const first = await openTab(storage, new MemoryStorage(), undefined)
    await first.persister.persistClient(outbox('k1'))
    first.flush()

    const second = await openTab(storage, new MemoryStorage(), undefined)

    expect(second.restored).toBeUndefined()
    expect(storage.getItem(`cartwright.outbox.${first.id}`)).not.toBeNull()
  })

  it('saves are gathered, and a flush writes what waits at once', async () => {
    const storage = new MemoryStorage()
    const tab = await openTab(storage, new MemoryStorage(), originLocks().locks)

    await tab.persister.persistClient(outbox('k1'))
    expect(storage.getItem(`cartwright.outbox.${tab.id}`)).toBeNull()
    tab.flush()

    expect(keysOf(JSON.parse(storage.getItem(`cartwright.outbox.${tab.id}`)!))).toEqual(['k1'])
  })
})

describe('what is persisted', () => {
  it('only pending cart changes and the cart and catalog queries, never a query marked persist: false', () => {
    const client = new QueryClient()
    client.setQueryData(['cart', 'detail'], { version: 1 })
    client.setQueryData(['products', 'list', ''], { pages: [] })
    client.setQueryData(['sharing', 'members', 'c', 2], { members: [] })
    client.getQueryCache().build(client, { queryKey: ['cart', 'secret'], meta: { persist: false } }).setData({ token: 't' })
    const hang = () => new Promise<never>(() => {})
    for (const mutationKey of [['cart', 'change'], ['checkout', 'place'], ['cart', 'membership']]) {
      void client.getMutationCache().build(client, { mutationKey, mutationFn: hang }).execute({ shippingAddress: 'kept out' }).catch(() => {})
    }

    const kept = dehydrate(client, dehydrateOptions(rules))

    expect(kept.queries.map((query) => query.queryKey)).toEqual([['cart', 'detail'], ['products', 'list', '']])
    expect(kept.mutations.map((mutation) => mutation.mutationKey)).toEqual([['cart', 'change']])
  })
})
