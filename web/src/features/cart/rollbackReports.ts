import { newTally, putBack, takeReport, type RollbackReport, type RollbackTally } from './rollbackTally'

// Sends the page's tally to the shop every few seconds and when the page is hidden (a beacon,
// which outlives the page), never in the way of a click: nothing waits for these requests.

export const ROLLBACKS_PATH = '/api/telemetry/rollbacks'
export const REPORT_EVERY_MS = 10_000

/** This page's tally, counted by the cart changes (see cartChange). */
export const pageTally: RollbackTally = newTally()

function body(report: RollbackReport): string {
  return JSON.stringify(report)
}

/** Sent again later: no answer, too many reports, or the shop unable to answer now. A refusal is not. */
function worthAgain(status: number | null): boolean {
  return status === null || status === 429 || status >= 500
}

/** Starts reporting; answers how to stop. */
export function startRollbackReports(tally: RollbackTally = pageTally, everyMs = REPORT_EVERY_MS): () => void {
  const url = new URL(ROLLBACKS_PATH, globalThis.location.href)
  const report = () => {
    const taken = takeReport(tally)
    if (taken === null) return
    fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: body(taken),
      keepalive: true,
    })
      .then((answer) => {
        if (worthAgain(answer.status)) putBack(tally, taken)
      })
      .catch(() => putBack(tally, taken))
  }
  const beacon = () => {
    const taken = takeReport(tally)
    if (taken === null) return
    // Same origin, so its JSON type needs no preflight; the browser sends Origin, which the shop checks.
    if (!navigator.sendBeacon(url, new Blob([body(taken)], { type: 'application/json' }))) putBack(tally, taken)
  }
  const onHidden = () => {
    if (document.visibilityState === 'hidden') beacon()
  }
  const timer = setInterval(report, everyMs)
  document.addEventListener('visibilitychange', onHidden)
  window.addEventListener('pagehide', beacon)
  return () => {
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onHidden)
    window.removeEventListener('pagehide', beacon)
  }
}
