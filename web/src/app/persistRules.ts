import { cartKeys } from '../features/cart/queries'
import { prepareRestoredChanges } from '../features/cart/restoredChanges'
import { catalogKeys } from '../features/catalog/queries'
import type { PersistRules } from '../lib/persistence'

/** Only the cart's changes and the cart and catalog are kept across a reload; nothing a checkout typed. */
export const persistRules: PersistRules = {
  queryRoots: [cartKeys.all[0], catalogKeys.all[0]],
  mutationKey: cartKeys.changes(),
  prepare: prepareRestoredChanges,
}
