import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { seedFromPage } from './app/initialState'
import './app/styles.css'
import { persistOptions } from './lib/persistence'
import { makeQueryClient } from './lib/queryClient'

const client = makeQueryClient()
seedFromPage(client, document)

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PersistQueryClientProvider
      client={client}
      persistOptions={persistOptions}
      onSuccess={() => void client.resumePausedMutations()}
    >
      <App />
    </PersistQueryClientProvider>
  </StrictMode>,
)
