import { reportUnreachable } from './connectivity'

// The one configured client for the service's API: JSON in and out, problems as errors, a
// time limit on every call, and an Idempotency-Key on every change.

/** An RFC 9457 problem the service answered with; `code` is stable, `detail` is for the shopper. */
export class ApiProblem extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly body: Record<string, unknown>
  /** How long the service asked us to wait before trying again (`Retry-After`), if it did. */
  readonly retryAfterMs: number | null

  constructor(status: number, body: Record<string, unknown>, retryAfterMs: number | null = null) {
    const detail = typeof body.detail === 'string' ? body.detail : `The shop answered ${status}.`
    super(detail)
    this.name = 'ApiProblem'
    this.status = status
    this.code = typeof body.code === 'string' ? body.code : 'UNKNOWN'
    this.detail = detail
    this.body = body
    this.retryAfterMs = retryAfterMs
  }
}

/** The request never got an answer: offline, a dropped connection, or no answer within the time limit. */
export class NetworkFailure extends Error {
  constructor(cause: unknown) {
    super('The shop could not be reached.', { cause })
    this.name = 'NetworkFailure'
  }
}

export const REQUEST_TIMEOUT_MS = 5000
/** Longer than the service's worst case for a change (a pool wait, a deadlock retry), so a slow answer is not mistaken for none. */
export const WRITE_TIMEOUT_MS = 30_000

/** A body that is not the service's JSON: a proxy or load balancer answered in its place. */
const UNREADABLE = 'UNREADABLE_ANSWER'

/**
 * Worth trying again with the same key: nothing came back, the service or a proxy in front of it
 * is busy or restarting, or the first attempt with this key is still running. A refusal (any
 * other 4xx) will not change, and a 500 is a bug that repeating will not fix.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof NetworkFailure) return true
  if (!(error instanceof ApiProblem)) return false
  if (error.code === UNREADABLE) return true
  if (error.status === 409) return error.code === 'IDEMPOTENCY_KEY_IN_USE'
  return [408, 429, 502, 503, 504].includes(error.status)
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  idempotencyKey?: string
  signal?: AbortSignal
  /** The whole `Authorization` header: operators' calls carry `Bearer <admin token>`. */
  authorization?: string
}

export async function api<T>(path: string, call: Call = {}): Promise<T> {
  const answer = await send(path, call, 'application/json')
  const json = parse(answer.text)
  if (json === undefined) throw new ApiProblem(answer.status, { code: UNREADABLE })
  return json as T
}

/** An answer that is text rather than JSON (the Prometheus metrics); problems are errors as for {@link api}. */
export async function apiText(path: string, call: Call = {}): Promise<string> {
  return (await send(path, call, 'text/plain')).text
}

/** A successful answer's status and body; any other answer is thrown as its problem. */
async function send(path: string, call: Call, accept: string): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { Accept: accept }
  if (call.body !== undefined) headers['Content-Type'] = 'application/json'
  if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey
  if (call.authorization !== undefined) headers.Authorization = call.authorization
  const timeout = AbortSignal.timeout(call.method === undefined || call.method === 'GET' ? REQUEST_TIMEOUT_MS : WRITE_TIMEOUT_MS)
  let response: Response
  try {
    // Resolved against the page, so that the same call works in the browser and under test.
    response = await fetch(new URL(path, globalThis.location.href), {
      method: call.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: call.body === undefined ? null : JSON.stringify(call.body),
      signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
    })
  } catch (error) {
    if (call.signal?.aborted) throw error
    // No answer in time says nothing about the network; a failed fetch says it cannot reach the shop.
    if (!timeout.aborted) reportUnreachable()
    throw new NetworkFailure(error)
  }
  const text = await response.text()
  if (!response.ok) {
    const json = parse(text)
    const body = json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : { code: UNREADABLE }
    throw new ApiProblem(response.status, body, retryAfterMs(response.headers.get('Retry-After')))
  }
  return { status: response.status, text }
}

/** The answer's JSON; null for an empty body, undefined for one that is not JSON. */
function parse(text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
