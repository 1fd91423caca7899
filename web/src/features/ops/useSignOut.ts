import { useQueryClient } from '@tanstack/react-query'
import { announceOperatorSignOut } from '../../lib/operatorTabs'
import { forgetToken } from './operatorToken'
import { forgetConsole } from './queries'

export function useSignOut(): () => void {
  const client = useQueryClient()
  return () => {
    forgetToken()
    forgetConsole(client)
    announceOperatorSignOut()
  }
}
