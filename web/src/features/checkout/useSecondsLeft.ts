import { useEffect, useState } from 'react'
import { msToNextTick, secondsLeft } from '../../lib/countdown'

/** The seconds a reservation has left, re-rendering as each one passes and not after it has ended. */
export function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const wait = msToNextTick(expiresAt, now)
    if (wait === Infinity) return
    const timer = setTimeout(() => setNow(Date.now()), wait)
    return () => clearTimeout(timer)
  }, [expiresAt, now])
  return secondsLeft(expiresAt, now)
}
