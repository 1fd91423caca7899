import { OPERATOR_TOKEN_KEY, onOperatorSignOut } from '../../lib/operatorTabs'
import { createStore, useStore } from '../../lib/store'

// The operator's token lives in this tab's sessionStorage only: gone with the tab, never in
// local storage, and never in the query cache, whose cart and catalog are persisted.

export interface OperatorSession {
  token: string | null
  /** The service stopped taking the token this tab had (it restarted with a new one, say). */
  refused: boolean
}

function stored(): string | null {
  try {
    return window.sessionStorage.getItem(OPERATOR_TOKEN_KEY)
  } catch {
    return null
  }
}

const session = createStore<OperatorSession>({ token: stored(), refused: false })
// Signed out in another tab: this console asks for the token again (lib/operatorTabs clears its copy).
onOperatorSignOut(() => session.set({ token: null, refused: false }))

export function operatorToken(): string | null {
  return session.get().token
}

export function rememberToken(token: string): void {
  window.sessionStorage.setItem(OPERATOR_TOKEN_KEY, token)
  session.set({ token, refused: false })
}

export function forgetToken(refused = false): void {
  window.sessionStorage.removeItem(OPERATOR_TOKEN_KEY)
  session.set({ token: null, refused })
}

export function useOperatorSession(): OperatorSession {
  return useStore(session)
}
