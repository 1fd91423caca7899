import { useMutation, useQueryClient } from '@tanstack/react-query'
import { showSignedIn, signInThrough } from './session'
import type { Credentials } from './types'

export function useSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (credentials: Credentials) => signInThrough(client, '/api/account/signin', credentials),
    onSuccess: (answer) => showSignedIn(client, answer),
  })
}
