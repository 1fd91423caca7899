import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { opsKeys } from './queries'
import { followStock } from './stockPushes'

/** While the console shows these products, a change of their stock has their figures read again at once. */
export function useStockPushes(productIds: readonly number[]): void {
  const client = useQueryClient()
  const followed = productIds.join(',')
  useEffect(() => {
    if (followed === '') return undefined
    const ids = followed.split(',').map(Number)
    return followStock(ids, (productId) => {
      void client.invalidateQueries({ queryKey: opsKeys.products() })
      void client.invalidateQueries({ queryKey: opsKeys.drop(productId) })
      void client.invalidateQueries({ queryKey: opsKeys.waiting(productId) })
    }, () => {
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
      return new WebSocket(`${scheme}://${window.location.host}/ws`)
    })
  }, [client, followed])
}
