import { useMutation, useQueryClient } from '@tanstack/react-query'
import { rememberToken } from './operatorToken'
import { opsApi } from './opsApi'
import { forgetConsole, opsKeys } from './queries'
import type { Items, OpsProduct } from './types'

/** Tries a token by reading the products with it; kept only when the service takes it. */
export function useOperatorSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (token: string) => opsApi<Items<OpsProduct>>('/api/admin/products', {}, token),
    onSuccess: (products, token) => {
      forgetConsole(client)
      rememberToken(token)
      client.setQueryData(opsKeys.products(), products)
    },
    // The token is this mutation's variable: forget it as soon as nothing shows the outcome.
    gcTime: 0,
  })
}
