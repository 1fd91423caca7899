// The operator's token is kept per tab (sessionStorage), and a tab duplicated from a signed-in one
// holds a copy, on whatever page it shows. Signing out in one tab ends it in every tab of the shop.

export const OPERATOR_TOKEN_KEY = 'cartwright.ops.token'
const CHANNEL = 'cartwright-operator'

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL)
}

export function announceOperatorSignOut(): void {
  const out = channel()
  out?.postMessage('signed-out')
  out?.close()
}

/** Calls `listener` when another tab signs the operator out; answers a function that stops listening. */
export function onOperatorSignOut(listener: () => void): () => void {
  const heard = channel()
  if (heard === null) return () => {}
  heard.onmessage = () => listener()
  return () => heard.close()
}

/** Every page of the shop drops its copy of the token when the operator signs out elsewhere, console or not. */
export function dropOperatorTokenOnSignOutElsewhere(): void {
  onOperatorSignOut(() => {
    try {
      window.sessionStorage.removeItem(OPERATOR_TOKEN_KEY)
    } catch {
      // no storage to clear
    }
  })
}
