import { QueryClient } from '@tanstack/react-query'
import { ApiProblem, isTransient } from './api'

const MAX_RETRIES = 5

/** Backoff with jitter: 0.5 s, 1 s, 2 s, … up to 15 s, and never sooner than the service's `Retry-After`. */
export function retryDelay(attempt: number, error?: unknown): number {
  const base = Math.min(15_000, 500 * 2 ** attempt)
  const backoff = base / 2 + Math.random() * (base / 2)
  return error instanceof ApiProblem && error.retryAfterMs !== null ? Math.max(backoff, error.retryAfterMs) : backoff
}

function retry(failures: number, error: unknown): boolean {
  return failures < MAX_RETRIES && isTransient(error)
}

/**
 * Mutations default to `retry: 0`, which with `offlineFirst` would fail a change made offline
 * at once instead of letting it wait for the network; transient failures retry here, while
 * a refusal (4xx) never does. Every change carries its Idempotency-Key, so a retry is harmless.
 * Cart changes retry for as long as the page lives (see features/cart/cartChange).
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, retryDelay, staleTime: 10_000, refetchOnWindowFocus: true },
      mutations: { retry, retryDelay, networkMode: 'offlineFirst' },
    },
  })
}
