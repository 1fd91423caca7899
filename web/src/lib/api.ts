// The one configured client for the service's API: JSON in and out, problems as errors, a
// time limit on every call, and an Idempotency-Key on every change.

/** An RFC 9457 problem the service answered with; `code` is stable, `detail` is for the shopper. */
export class ApiProblem extends Error {
  readonly status: number
  readonly code: string
  readonly detail: string
  readonly body: Record<string, unknown>

  constructor(status: number, body: Record<string, unknown>) {
    const detail = typeof body.detail === 'string' ? body.detail : `The shop answered ${status}.`
    super(detail)
    this.name = 'ApiProblem'
    this.status = status
    this.code = typeof body.code === 'string' ? body.code : 'UNKNOWN'
    this.detail = detail
    this.body = body
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

/** Worth trying again: nothing came back, or the service failed on its side. A 4xx will not change. */
export function isTransient(error: unknown): boolean {
  return error instanceof NetworkFailure || (error instanceof ApiProblem && error.status >= 500)
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  idempotencyKey?: string
  signal?: AbortSignal
}

export async function api<T>(path: string, call: Call = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (call.body !== undefined) headers['Content-Type'] = 'application/json'
  if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS)
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
    throw new NetworkFailure(error)
  }
  const text = await response.text()
  const json: unknown = text === '' ? null : JSON.parse(text)
  if (!response.ok) {
    throw new ApiProblem(response.status, json !== null && typeof json === 'object' ? (json as Record<string, unknown>) : {})
  }
  return json as T
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID()
}
