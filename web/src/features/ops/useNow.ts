import { useEffect, useState } from 'react'

/** The browser's clock, read again every `everyMs`: for countdowns and windows that move with time. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
