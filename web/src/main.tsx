import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client'
import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerCartChanges } from './features/cart/cartChange'
import { seedFromPage } from './app/initialState'
import { persistRules } from './app/persistRules'
import './app/styles.css'
import { browserPersistOptions } from './lib/persistence'
import { makeQueryClient } from './lib/queryClient'

// Development builds only: the import is dropped from the production bundle.
const Devtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((module) => ({ default: module.ReactQueryDevtools })))
  : () => null

const client = registerCartChanges(makeQueryClient())
seedFromPage(client, document)
const persistOptions = browserPersistOptions(persistRules)

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <PersistQueryClientProvider
      client={client}
      persistOptions={persistOptions}
      onSuccess={() => void client.resumePausedMutations()}
    >
      <App />
      <Suspense>
        <Devtools />
      </Suspense>
    </PersistQueryClientProvider>
  </StrictMode>,
)
