import { onlineManager } from '@tanstack/react-query'

// A browser can say it is online while the shop is out of reach (a dead Wi-Fi, a captive portal,
// a VPN going down). When a request cannot reach the shop, TanStack Query is told we are offline,
// so changes pause instead of failing, until a cheap probe, or the browser's own online event,
// says the shop answers again.

const HEALTH = '/actuator/health'

/** Waits between probes: 1 s, 2 s, 4 s, … up to 30 s. */
export function probeDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** attempt)
}

let probing = false

async function answers(): Promise<boolean> {
  try {
    const response = await fetch(new URL(HEALTH, globalThis.location.href), { signal: AbortSignal.timeout(5000) })
    return response.ok
  } catch {
    return false
  }
}

export function reportUnreachable(): void {
  onlineManager.setOnline(false)
  if (probing) return
  probing = true
  let attempt = 0
  const probe = async () => {
    if (onlineManager.isOnline() || (await answers())) {
      probing = false
      onlineManager.setOnline(true)
      return
    }
    setTimeout(() => void probe(), probeDelay(attempt++))
  }
  setTimeout(() => void probe(), probeDelay(attempt++))
}
