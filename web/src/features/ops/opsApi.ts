import { api, apiText, ApiProblem } from '../../lib/api'
import { forgetToken, operatorToken } from './operatorToken'

type Call = NonNullable<Parameters<typeof api>[1]>

/** An operator's call with this tab's token, or with `token`, the one being tried at sign-in. */
export function opsApi<T>(path: string, call: Call = {}, token?: string): Promise<T> {
  return withToken(token, (authorization) => api<T>(path, { ...call, authorization }))
}

export function opsText(path: string, call: Call = {}): Promise<string> {
  return withToken(undefined, (authorization) => apiText(path, { ...call, authorization }))
}

async function withToken<T>(tried: string | undefined, send: (authorization: string) => Promise<T>): Promise<T> {
  const token = tried ?? operatorToken()
  try {
    return await send(`Bearer ${token ?? ''}`)
  } catch (error) {
    // The tab's token is no good any more: back to the sign-in, which says why.
    if (tried === undefined && token !== null && token === operatorToken() && isRefusedToken(error)) forgetToken(true)
    throw error
  }
}

/** The service does not take this token (401), or takes it for someone who may not (403). */
export function isRefusedToken(error: unknown): boolean {
  return error instanceof ApiProblem && (error.status === 401 || error.status === 403)
}

/** What went wrong, for the operator: the service's own words, or what to do when it could not be reached. */
export function problemText(error: unknown): string {
  if (isRefusedToken(error)) return "That token is not the shop's operator token. Copy it from the service's log at start, or from CARTWRIGHT_ADMIN_TOKEN."
  return error instanceof ApiProblem ? error.detail : 'The shop could not be reached. Check that it is running and try again.'
}
