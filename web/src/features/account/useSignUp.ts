import { useMutation, useQueryClient } from '@tanstack/react-query'
import { showSignedIn, signInThrough } from './session'
import type { NewAccount } from './types'

export function useSignUp() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (account: NewAccount) => signInThrough(client, '/api/account/signup', account),
    onSuccess: (answer) => showSignedIn(client, answer),
  })
}
