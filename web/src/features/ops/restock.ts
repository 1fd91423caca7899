/** The most stock on hand the service takes (its StockAdminController's @Max). */
export const MAX_STOCK = 1_000_000_000

export type StockInput = { ok: true; stockOnHand: number } | { ok: false; problem: string }

/** What the operator typed, as the service will take it, or why it will not. */
export function readStockInput(text: string): StockInput {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, problem: 'Enter the stock on hand, a whole number of units.' }
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'Stock on hand is a whole number of units, 0 or more.' }
  const stockOnHand = Number(trimmed)
  if (stockOnHand > MAX_STOCK) return { ok: false, problem: `Stock on hand can be at most ${MAX_STOCK.toLocaleString('en')} units.` }
  return { ok: true, stockOnHand }
}
