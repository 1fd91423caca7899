import { useOffline } from './useOffline'

export function OfflineBanner() {
  const { offline, waiting } = useOffline()
  if (!offline) return null
  return (
    <div className="offline-banner" data-testid="offline-banner" role="status">
      offline — {waiting} {waiting === 1 ? 'change' : 'changes'} waiting
    </div>
  )
}
