import { notifyManager } from '@tanstack/react-query'
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client'
import { lazy, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerCartChanges } from './features/cart/cartChange'
import { startRollbackReports } from './features/cart/rollbackReports'
import { seedFromPage } from './app/initialState'
import { persistRules } from './app/persistRules'
import './app/styles.css'
import { browserPersistOptions } from './lib/persistence'
import { dropOperatorTokenOnSignOutElsewhere } from './lib/operatorTabs'
import { makeQueryClient } from './lib/queryClient'

// Development builds only: the import is dropped from the production bundle.
const Devtools = import.meta.env.DEV
  ? lazy(() => import('@tanstack/react-query-devtools').then((module) => ({ default: module.ReactQueryDevtools })))
  : () => null

// TanStack Query tells React of a change on a timer by default; a microtask lets the screen follow
// a click before the browser does anything else (click to DOM within one frame).
notifyManager.setScheduler(queueMicrotask)

const client = registerCartChanges(makeQueryClient())
seedFromPage(client, document)
const persistOptions = browserPersistOptions(persistRules)
startRollbackReports()
dropOperatorTokenOnSignOutElsewhere()

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
